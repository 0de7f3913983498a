/// Decodes HTML5 character references as a browser does: every named one of the standard
/// (`HTMLEntityTable`, generated from WHATWG's list), the legacy names without ';' where HTML5
/// still accepts them, and numeric ones (`&#65;`, `&#x41;`) with HTML5's replacements. A `&` that
/// starts no reference (`&bogus;`, `& `) stays as it is.
enum HTMLEntities {
    /// Where the text comes from: HTML5 reads a legacy name followed by `=` or a letter or digit
    /// (`?a=1&copy=2`) as text inside an attribute value, and as a reference elsewhere.
    enum Context {
        case text
        case attribute
    }

    static func decode(_ text: String, in context: Context) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "&"), let (decoded, end) = reference(in: bytes, at: index, context) {
                out += decoded.utf8
                index = end
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The characters of the reference whose `&` is at `start`, and the index after it; nil when
    /// the `&` starts none.
    private static func reference(in bytes: [UInt8], at start: Int, _ context: Context) -> (String, Int)? {
        let nameStart = start + 1
        guard nameStart < bytes.count else { return nil }
        if bytes[nameStart] == UInt8(ascii: "#") { return numeric(in: bytes, at: nameStart + 1) }
        var nameEnd = nameStart
        while nameEnd < bytes.count, isAlphanumeric(bytes[nameEnd]) { nameEnd += 1 }
        guard nameEnd > nameStart else { return nil }
        if nameEnd < bytes.count, bytes[nameEnd] == UInt8(ascii: ";"),
           let value = HTMLEntityTable.characters[String(decoding: bytes[nameStart...nameEnd], as: UTF8.self)] {
            return (value, nameEnd + 1)
        }
        // A legacy name without ';': the longest one the letters start with (`&notit;` is "¬it;").
        for length in stride(from: min(nameEnd - nameStart, HTMLEntityTable.longestLegacyName), through: 2, by: -1) {
            let end = nameStart + length
            guard let value = HTMLEntityTable.characters[String(decoding: bytes[nameStart..<end], as: UTF8.self)] else { continue }
            if context == .attribute, end < bytes.count, bytes[end] == UInt8(ascii: "=") || isAlphanumeric(bytes[end]) {
                return nil
            }
            return (value, end)
        }
        return nil
    }

    /// `&#` followed by decimal digits, or by `x` and hex digits, then an optional ';'.
    private static func numeric(in bytes: [UInt8], at start: Int) -> (String, Int)? {
        var position = start
        var radix: UInt32 = 10
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "x") {
            radix = 16
            position += 1
        }
        let digitsStart = position
        var value: UInt32 = 0
        while position < bytes.count, let digit = digitValue(bytes[position], radix: radix) {
            value = min(value * radix + digit, 0x11_0000)  // anything past Unicode is U+FFFD anyway
            position += 1
        }
        guard position > digitsStart else { return nil }
        if position < bytes.count, bytes[position] == UInt8(ascii: ";") { position += 1 }
        return (String(Character(scalar(forCodePoint: value))), position)
    }

    /// What HTML5 makes of a numeric reference's code point.
    static func scalar(forCodePoint value: UInt32) -> Unicode.Scalar {
        if let windows1252 = windows1252[value] { return windows1252 }
        return Unicode.Scalar(value).flatMap { $0.value == 0 ? nil : $0 } ?? "\u{FFFD}"
    }

    /// The C1 controls HTML5 reads as the Windows-1252 characters of those bytes.
    private static let windows1252: [UInt32: Unicode.Scalar] = [
        0x80: "\u{20AC}", 0x82: "\u{201A}", 0x83: "\u{0192}", 0x84: "\u{201E}", 0x85: "\u{2026}", 0x86: "\u{2020}",
        0x87: "\u{2021}", 0x88: "\u{02C6}", 0x89: "\u{2030}", 0x8A: "\u{0160}", 0x8B: "\u{2039}", 0x8C: "\u{0152}",
        0x8E: "\u{017D}", 0x91: "\u{2018}", 0x92: "\u{2019}", 0x93: "\u{201C}", 0x94: "\u{201D}", 0x95: "\u{2022}",
        0x96: "\u{2013}", 0x97: "\u{2014}", 0x98: "\u{02DC}", 0x99: "\u{2122}", 0x9A: "\u{0161}", 0x9B: "\u{203A}",
        0x9C: "\u{0153}", 0x9E: "\u{017E}", 0x9F: "\u{0178}",
    ]

    private static func digitValue(_ byte: UInt8, radix: UInt32) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
    }
}
