/// Paths inside the output, and links between them that stay relative so one `public/` works from
/// disk, at a host's root and under any subpath.
enum SitePath {
    /// The folder part of an output file path: `speakers/x/index.html` → `speakers/x/`, `404.html` → ``.
    static func folder(of outputPath: String) -> String {
        guard let slash = outputPath.lastIndex(of: "/") else { return "" }
        return String(outputPath[...slash])
    }

    /// `../` once per folder level of `folder` (`./` at the root): the way back to the site root.
    static func rootPrefix(from folder: String) -> String {
        let depth = folder.split(separator: "/").count
        return depth == 0 ? "./" : String(repeating: "../", count: depth)
    }

    /// A link from a page in `folder` to the output file `target` (folder targets get `index.html`,
    /// which `file://` needs), as short as the two paths allow.
    static func relative(from folder: String, to target: String) -> String {
        var target = target
        if target.isEmpty || target.hasSuffix("/") { target += "index.html" }
        let from = folder.split(separator: "/")
        let to = target.split(separator: "/", omittingEmptySubsequences: false)
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        let up = String(repeating: "../", count: from.count - common)
        return up + to[common...].map { percentEncode($0) }.joined(separator: "/")
    }

    /// Joins a folder-relative path onto a base URL for the places that need absolute URLs.
    static func absolute(base: String, path: String) -> String {
        base + path.split(separator: "/", omittingEmptySubsequences: false).map { percentEncode($0) }.joined(separator: "/")
    }

    /// Resolves `link` (a relative path with `.`/`..` parts) against `folder`; nil when it climbs above the root.
    static func resolve(_ link: String, against folder: String) -> String? {
        var parts = folder.split(separator: "/").map(String.init)
        for part in link.split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case "", ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    /// Escapes the characters a URL path segment cannot carry as they are (spaces, `%`, `?`, `#`, quotes…).
    static func percentEncode(_ segment: Substring) -> String {
        let unsafe: Set<UInt8> = Set(" \"#%<>?[\\]^`{|}".utf8)
        guard segment.utf8.contains(where: { unsafe.contains($0) || $0 < 0x20 || $0 == 0x7F }) else { return String(segment) }
        var out: [UInt8] = []
        for byte in segment.utf8 {
            if unsafe.contains(byte) || byte < 0x20 || byte == 0x7F {
                out.append(contentsOf: ("%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)).utf8)
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes `%XX` escapes; invalid escapes are kept as written.
    static func percentDecode(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.first {
            if byte == UInt8(ascii: "%"), utf8.count >= 3,
               let value = UInt8(String(decoding: utf8.dropFirst().prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(3)
            } else {
                bytes.append(byte)
                utf8 = utf8.dropFirst()
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
