/// HTML escaping, one rule for all of sitegen's HTML: `&`, `<`, `>`, `"` and `'` become
/// `&amp;`, `&lt;`, `&gt;`, `&quot;` and `&#39;`, enough for element text and for attribute values
/// in either kind of quotes. Works on UTF-8 bytes, eight at a time where none needs escaping:
/// templates escape every `{{value}}` of every page through here.
public enum HTMLEscaping {
    /// Appends `text`, escaped, to `output`.
    public static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            let count = bytes.count
            var runStart = 0
            var index = 0
            while index < count {
                // Eight bytes at a time while none of them can need escaping (most text).
                while index + 8 <= count, !mayNeedEscaping(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                }
                guard index < count else { break }
                let byte = base[index]
                // Everything to escape is below "?" (0x3F); one compare skips most bytes.
                if byte < 0x3F, let entity = entity(for: byte) {
                    if runStart < index {
                        output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: index - runStart))
                    }
                    output.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                    runStart = index + 1
                }
                index += 1
            }
            if runStart < count {
                output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: count - runStart))
            }
        }
    }

    /// `text` escaped; `text` itself when it has nothing to escape.
    public static func escape(_ text: String) -> String {
        var scanned = text
        guard scanned.withUTF8({ $0.contains { entity(for: $0) != nil } }) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 16)
        append(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether some byte of `word` may be one to escape. Never false when one is (it may be true
    /// when none is: the bytes are then checked one by one).
    @inline(__always)
    static func mayNeedEscaping(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        /// Bytes equal to zero get their high bit set (and possibly bytes above them: no misses).
        func zeroBytes(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        let quote = zeroBytes(word ^ (ones &* 0x22))                 // "
        let ampersandOrApostrophe = zeroBytes((word | ones) ^ (ones &* 0x27))  // & (0x26) and ' (0x27)
        let angle = zeroBytes((word | (ones &* 0x02)) ^ (ones &* 0x3E))       // < (0x3C) and > (0x3E)
        return quote | ampersandOrApostrophe | angle != 0
    }

    /// The entity that replaces `byte`, or nil when it stands as it is.
    static func entity(for byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }
}
