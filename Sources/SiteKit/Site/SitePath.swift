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
        let depth = folder.slashSeparated.count
        return depth == 0 ? "./" : String(repeating: "../", count: depth)
    }

    /// A link from a page in `folder` to the output file `target` (folder targets get `index.html`,
    /// which `file://` needs), as short as the two paths allow. Works on UTF-8 bytes: it runs for
    /// every link of every page.
    static func relative(from folder: String, to target: String) -> String {
        var target = target
        if target.isEmpty || target.hasSuffix("/") { target += "index.html" }
        var from = Array(folder.utf8)
        if from.last != UInt8(ascii: "/"), !from.isEmpty { from.append(UInt8(ascii: "/")) }
        let to = Array(target.utf8)
        // The longest common run of whole folders.
        var common = 0
        var index = 0
        while index < from.count, index < to.count, from[index] == to[index] {
            if from[index] == UInt8(ascii: "/") { common = index + 1 }
            index += 1
        }
        var up = 0
        for byte in from[common...] where byte == UInt8(ascii: "/") { up += 1 }
        var out: [UInt8] = []
        out.reserveCapacity(up * 3 + to.count - common)
        for _ in 0..<up { out.append(contentsOf: [UInt8(ascii: "."), UInt8(ascii: "."), UInt8(ascii: "/")]) }
        appendEncoded(to[common...], to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Bytes a URL path cannot carry as they are: controls, space and `"#%<>?[\]^`{|}`.
    private static let unsafeBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in 0..<0x20 { table[byte] = true }
        table[0x7F] = true
        for byte in " \"#%<>?[\\]^`{|}".utf8 { table[Int(byte)] = true }
        return table
    }()

    private static func appendEncoded(_ bytes: ArraySlice<UInt8>, to out: inout [UInt8]) {
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in bytes {
            if unsafeBytes[Int(byte)] {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            } else {
                out.append(byte)
            }
        }
    }

    /// Joins a folder-relative path onto a base URL for the places that need absolute URLs.
    static func absolute(base: String, path: String) -> String {
        guard path.utf8.contains(where: { unsafeBytes[Int($0)] }) else { return base + path }
        var out = Array(base.utf8)
        appendEncoded(Array(path.utf8)[...], to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Resolves `link` (a relative path with `.`/`..` parts) against `folder`; nil when it climbs above the root.
    /// Works on UTF-8 bytes (it runs for every link of every page).
    static func resolve(_ link: String, against folder: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(folder.utf8.count + link.utf8.count + 1)
        // Start of each segment in `out`, so `..` can drop the last one.
        var starts: [Int] = []
        func append(_ path: String) -> Bool {
            var segmentStart = -1
            var bytes = Array(path.utf8)
            bytes.append(UInt8(ascii: "/"))
            var index = 0
            for byte in bytes {
                if byte == UInt8(ascii: "/") {
                    if segmentStart >= 0 {
                        let length = index - segmentStart
                        if length == 1 && bytes[segmentStart] == UInt8(ascii: ".") {
                            // "." stays where it is
                        } else if length == 2 && bytes[segmentStart] == UInt8(ascii: ".") && bytes[segmentStart + 1] == UInt8(ascii: ".") {
                            guard let last = starts.popLast() else { return false }
                            out.removeSubrange(last...)
                        } else {
                            starts.append(out.count)
                            if !out.isEmpty { out.append(UInt8(ascii: "/")) }
                            out.append(contentsOf: bytes[segmentStart..<index])
                        }
                    }
                    segmentStart = -1
                } else if segmentStart < 0 {
                    segmentStart = index
                }
                index += 1
            }
            return true
        }
        guard append(folder), append(link) else { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    /// Escapes the characters a URL path segment cannot carry as they are (spaces, `%`, `?`, `#`, quotes…).
    static func percentEncode(_ segment: Substring) -> String {
        guard segment.utf8.contains(where: { unsafeBytes[Int($0)] }) else { return String(segment) }
        var out: [UInt8] = []
        appendEncoded(Array(segment.utf8)[...], to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes `%XX` escapes; invalid escapes are kept as written.
    static func percentDecode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
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
    /// The parts between `/`s (empty ones left out), split on UTF-8 bytes: splitting a `String` by
    /// `Character`s costs hundreds of instructions a character, and paths are split on every page.
    var slashSeparated: [Substring] {
        utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
