/// Escaping for text and attribute values in the XML files sitegen writes (sitemap, feed).
enum XMLText {
    /// Escapes `& < > " '` and drops the control characters XML 1.0 forbids; works on UTF-8 bytes.
    static func escape(_ text: String) -> String {
        let needsWork = text.utf8.contains { byte in
            byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 || (byte < 0x20 && byte != 0x9 && byte != 0xA && byte != 0xD)
                || byte == 0xEF  // possible U+FFFE / U+FFFF
        }
        guard needsWork else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&apos;".utf8)
            case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                index += 3  // U+FFFE and U+FFFF are not XML characters
                continue
            default:
                if byte < 0x20 && byte != 0x9 && byte != 0xA && byte != 0xD { break }
                out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
