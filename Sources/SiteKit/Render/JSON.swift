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
        var out: [UInt8] = []
        out.reserveCapacity(512)
        write(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Written as UTF-8 bytes: appending many small pieces to a `String` costs far more.
    private func write(to out: inout [UInt8]) {
        switch self {
        case .string(let text): JSON.writeString(text, to: &out)
        case .number(let value):
            if value == value.rounded(), abs(value) < 1e15 { out += String(Int(value)).utf8 } else { out += String(value).utf8 }
        case .bool(let flag): out += (flag ? "true" : "false").utf8
        case .null: out += "null".utf8
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSON.writeString(member.0, to: &out)
                out.append(UInt8(ascii: ":"))
                member.1.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Writes `text` as a JSON string; scans UTF-8 bytes and copies runs that need no escaping.
    static func writeString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            func flush() {
                if runStart < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            }
            while index < bytes.count {
                let byte = bytes[index]
                var escape: StaticString?
                switch byte {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x3C: escape = "\\u003c"
                case 0x3E: escape = "\\u003e"
                case 0x26: escape = "\\u0026"
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    // U+2028 and U+2029 end lines in older JavaScript.
                    flush()
                    out += (bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8
                    index += 3
                    runStart = index
                    continue
                default:
                    if byte < 0x20 {
                        flush()
                        out += ("\\u00" + String(byte, radix: 16).leftPadded(to: 2)).utf8
                        runStart = index + 1
                    }
                }
                if let escape {
                    flush()
                    escape.withUTF8Buffer { out.append(contentsOf: $0) }
                    runStart = index + 1
                }
                index += 1
            }
            flush()
        }
        out.append(UInt8(ascii: "\""))
    }
}
