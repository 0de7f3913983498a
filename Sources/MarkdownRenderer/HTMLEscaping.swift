/// Escapes text for HTML element content and double-quoted attribute values.
enum HTMLEscaping {
    /// Returns `text` with `&`, `<`, `>` and `"` replaced by entities; the input itself when none occur.
    static func escape(_ text: String) -> String {
        var scanned = text
        guard scanned.withUTF8({ $0.contains(where: needsEscape) }) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"")
    }
}
