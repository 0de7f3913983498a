/// A JSON value with ordered keys, so generated files are byte-for-byte reproducible.
indirect enum JSON: Sendable, Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSON])
    case object([(String, JSON)])

    static func == (lhs: JSON, rhs: JSON) -> Bool { lhs.serialized == rhs.serialized }

    /// Compact JSON that is also safe inside an HTML `<script>` element: `<`, `>`, `&` and the
    /// JavaScript line separators are written as `\u` escapes.
    var serialized: String {
        var out = ""
        write(to: &out)
        return out
    }

    private func write(to out: inout String) {
        switch self {
        case .string(let text): JSON.writeString(text, to: &out)
        case .number(let value):
            if value == value.rounded(), abs(value) < 1e15 { out += String(Int(value)) } else { out += String(value) }
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { out += "," }
                JSON.writeString(member.0, to: &out)
                out += ":"
                member.1.write(to: &out)
            }
            out += "}"
        }
    }

    /// Writes `text` as a JSON string; scans UTF-8 bytes and copies runs that need no escaping.
    static func writeString(_ text: String, to out: inout String) {
        out += "\""
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            func flush() {
                if runStart < index { out += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<index]), as: UTF8.self) }
            }
            while index < bytes.count {
                let byte = bytes[index]
                var escape: String?
                switch byte {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x3C, 0x3E, 0x26: escape = "\\u00" + String(byte, radix: 16)
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    // U+2028 and U+2029 end lines in older JavaScript.
                    flush()
                    out += bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    index += 3
                    runStart = index
                    continue
                default:
                    if byte < 0x20 { escape = "\\u00" + String(byte, radix: 16).leftPadded(to: 2) }
                }
                if let escape {
                    flush()
                    out += escape
                    runStart = index + 1
                }
                index += 1
            }
            flush()
        }
        out += "\""
    }
}
