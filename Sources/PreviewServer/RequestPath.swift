/// What a request target names in the in-memory site: a file, a folder to redirect to, or nothing.
///
/// The raw (still percent-encoded) path is split on `/` before decoding, so `%2F` can never make a
/// new segment; empty and `.` segments are dropped and `..` removes the previous one, never going
/// above the root. A segment that decodes to `/`, `\`, NUL or another control byte, or to invalid
/// UTF-8, makes the whole path malformed. The result is only ever looked up in a dictionary of
/// output paths, so nothing outside the built site can be named.
public enum RequestPath: Equatable, Sendable {
    /// A site file, by output path (`speakers/index.html`).
    case file(String)
    /// A folder without its trailing slash: redirect (301) to this absolute, percent-encoded path.
    case redirect(String)
    /// Nothing in the site has that path: the site's 404 page.
    case notFound
    /// The path cannot be decoded safely: 400.
    case malformed

    /// Resolves a raw request path (no query) against the set of output paths.
    public static func resolve(_ rawPath: String, exists: (String) -> Bool) -> RequestPath {
        guard let (segments, isFolder) = normalise(rawPath) else { return .malformed }
        let joined = segments.joined(separator: "/")
        if segments.isEmpty { return exists("index.html") ? .file("index.html") : .notFound }
        if isFolder { return exists(joined + "/index.html") ? .file(joined + "/index.html") : .notFound }
        if exists(joined) { return .file(joined) }
        if exists(joined + "/index.html") { return .redirect("/" + segments.map(encode).joined(separator: "/") + "/") }
        return .notFound
    }

    /// The decoded segments of a raw path and whether it names a folder (ends with `/`), or nil when malformed.
    static func normalise(_ rawPath: String) -> (segments: [String], isFolder: Bool)? {
        guard rawPath.hasPrefix("/") else { return nil }
        var segments: [String] = []
        let rawSegments = rawPath.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropFirst()
        for raw in rawSegments {
            guard let segment = decode(raw) else { return nil }
            switch segment {
            case "", ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
        }
        // A path whose last segment was `.` or `..` names a folder, as in RFC 3986's dot-segment removal.
        let last = rawSegments.last.flatMap(decode)
        let isFolder = last == nil || last == "" || last == "." || last == ".."
        return (segments, isFolder)
    }

    /// Percent-decodes one segment; nil for bad escapes, invalid UTF-8, `/`, `\` or control bytes.
    static func decode(_ raw: Substring.UTF8View) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var iterator = raw.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        guard !bytes.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") }) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Percent-encodes a decoded segment for a `Location` header: only unreserved bytes stay as they are.
    static func encode(_ segment: String) -> String {
        var out = ""
        for byte in segment.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 0xF)])
            }
        }
        return out
    }
}
