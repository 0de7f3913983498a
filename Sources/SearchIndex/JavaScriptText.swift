/// Writes values as JSON inside the generated JavaScript files, escaped so that no text can end
/// the string or the script: quotes, backslashes and control characters as JSON requires, and
/// also `<`, `>`, `&`, U+2028 and U+2029 (so "</script>" and line separators stay inert even if
/// a file were ever inlined into HTML or read by an older JavaScript parser).
/// Works on UTF-8 bytes: the index writes tens of megabytes of page text.
struct JavaScriptText {
    private(set) var bytes: [UInt8] = []

    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func integer(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    /// A JSON string literal.
    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { string(utf8: $0) }
    }

    /// A JSON string literal of valid UTF-8; runs of bytes that need no escape are copied whole.
    mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
        bytes.reserveCapacity(bytes.count + utf8.count + 2)
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            guard needsCare[Int(byte)] else {
                index += 1
                continue
            }
            let isLineSeparator = byte == 0xE2 && index + 2 < utf8.count && utf8[index + 1] == 0x80
                && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9)
            if byte == 0xE2 && !isLineSeparator {
                index += 1
                continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            switch byte {
            case UInt8(ascii: "\""): raw("\\\"")
            case UInt8(ascii: "\\"): raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0xE2:
                escape(utf8[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                index += 2
            default:
                escape(UInt32(byte))
            }
            index += 1
            runStart = index
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ value: UInt32) {
        let hex = String(value, radix: 16)
        raw("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
    }
}

/// Bytes `JavaScriptText.string` looks at twice: quotes, backslashes, control characters,
/// `<`, `>`, `&`, and 0xE2, the first byte of U+2028 and U+2029.
private let needsCare: [Bool] = (0..<256).map { byte in
    byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0xE2
}
