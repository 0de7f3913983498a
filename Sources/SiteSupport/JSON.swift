/// A JSON value with ordered keys, so generated files are byte-for-byte reproducible.
public indirect enum JSON: Sendable, Equatable {
    case string(String)
    /// A number; one without a fraction is written as an integer (`3`, not `3.0`).
    case number(Double)
    /// A number written as Swift prints a `Double`, with a fraction even when it is whole
    /// (`1000.0`): for values that are real numbers by nature, such as a scale factor.
    case float(Double)
    case bool(Bool)
    case null
    case array([JSON])
    case object([(String, JSON)])

    public static func == (lhs: JSON, rhs: JSON) -> Bool { lhs.serializedBytes == rhs.serializedBytes }

    /// Compact JSON that is also safe inside an HTML `<script>` element (see `appendString`).
    public var serialized: String { String(decoding: serializedBytes, as: UTF8.self) }

    /// `serialized` as UTF-8 bytes.
    public var serializedBytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        write(to: &out)
        return out
    }

    /// Appends the value to `out` as UTF-8: appending many small pieces to a `String` costs far more.
    public func write(to out: inout [UInt8]) {
        switch self {
        case .string(let text): JSON.appendString(text, to: &out)
        case .number(let value):
            if value == value.rounded(), abs(value) < 1e15 { out += String(Int(value)).utf8 } else { out += String(value).utf8 }
        case .float(let value): out += String(value).utf8
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
                JSON.appendString(member.0, to: &out)
                out.append(UInt8(ascii: ":"))
                member.1.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }
}

extension JSON {
    /// Appends `text` as a JSON string literal, escaped so that no text can end the string or the
    /// script around it: quotes, backslashes and control characters as JSON requires, and also `<`,
    /// `>`, `&`, U+2028 and U+2029 (so "</script>" and line separators stay inert inside HTML and
    /// for older JavaScript parsers).
    public static func appendString(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendString(utf8: $0, to: &out) }
    }

    /// `appendString` of valid UTF-8; runs of bytes that need no escape are copied whole (the
    /// search index writes tens of megabytes of page text through here).
    public static func appendString(utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.reserveCapacity(out.count + utf8.count + 2)
        out.append(UInt8(ascii: "\""))
        var runStart = 0
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            guard needsCare(byte) else {
                index += 1
                continue
            }
            let isLineSeparator = byte == 0xE2 && index + 2 < utf8.count && utf8[index + 1] == 0x80
                && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9)
            if byte == 0xE2 && !isLineSeparator {
                index += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            switch byte {
            case UInt8(ascii: "\""): append("\\\"", to: &out)
            case UInt8(ascii: "\\"): append("\\\\", to: &out)
            case 0x0A: append("\\n", to: &out)
            case 0x0D: append("\\r", to: &out)
            case 0x09: append("\\t", to: &out)
            case 0xE2:
                append(utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029", to: &out)
                index += 2
            default:
                append("\\u00", to: &out)
                out.append(hexDigit(byte >> 4))
                out.append(hexDigit(byte & 0xF))
            }
            index += 1
            runStart = index
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        out.append(UInt8(ascii: "\""))
    }

    /// Bytes looked at twice: control characters, `"`, `&`, `<`, `>`, `\`, and 0xE2, the first
    /// byte of U+2028 and U+2029.
    @inline(__always)
    private static func needsCare(_ byte: UInt8) -> Bool {
        // Bit n set: byte n (below 0x40) needs care.
        let low: UInt64 = 0xFFFF_FFFF | 1 << 0x22 | 1 << 0x26 | 1 << 0x3C | 1 << 0x3E
        return byte < 0x40 ? low >> UInt64(byte) & 1 != 0 : byte == 0x5C || byte == 0xE2
    }

    private static func append(_ text: StaticString, to out: inout [UInt8]) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 0x30 + value : 0x57 + value }
}
