/// Writes values as JSON inside the generated JavaScript files, escaped so that no text can end
/// the string or the script: quotes, backslashes and control characters as JSON requires, and
/// also `<`, `>`, `&`, U+2028 and U+2029 (so "</script>" and line separators stay inert even if
/// a file were ever inlined into HTML or read by an older JavaScript parser).
struct JavaScriptText {
    private(set) var bytes: [UInt8] = []

    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func raw(_ byte: UInt8) { bytes.append(byte) }

    mutating func integer(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    /// A JSON string literal.
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: raw("\\\"")
            case 0x5C: raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0x00..<0x20, 0x3C, 0x3E, 0x26, 0x2028, 0x2029:
                raw("\\u")
                let hex = String(scalar.value, radix: 16)
                raw(String(repeating: "0", count: 4 - hex.count) + hex)
            default:
                if scalar.isASCII {
                    bytes.append(UInt8(scalar.value))
                } else {
                    bytes.append(contentsOf: String(scalar).utf8)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
