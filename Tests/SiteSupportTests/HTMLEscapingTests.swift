import Testing
@testable import SiteSupport

@Suite struct HTMLEscapingTests {
    /// The rule, one byte at a time: what the fast path must agree with.
    static func reference(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func fast(_ text: String) -> String {
        var out: [UInt8] = []
        HTMLEscaping.append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func theFiveCharacters() {
        #expect(Self.fast(#"Tom & "Jerry's" <b>"#) == "Tom &amp; &quot;Jerry&#39;s&quot; &lt;b&gt;")
        #expect(HTMLEscaping.escape(#"a'b"c"#) == "a&#39;b&quot;c")
    }

    @Test func textWithNothingToEscapeIsItself() {
        #expect(HTMLEscaping.escape("plain text, 成渝 — fine") == "plain text, 成渝 — fine")
        #expect(Self.fast("") == "")
    }

    /// Every byte value at every position of a word, among neighbours that may confuse the
    /// eight-byte test (bytes one off the escaped ones, high bytes).
    @Test func fastPathAgreesWithByteByByte() {
        let neighbours: [UInt8] = [0x21, 0x23, 0x25, 0x28, 0x3B, 0x3D, 0x3F, 0x41, 0xA6, 0xBC]
        for byte in UInt8(1)..<0x80 {
            for position in 0..<17 {
                for filler in neighbours {
                    var bytes = [UInt8](repeating: filler, count: 17)
                    bytes[position] = byte
                    let text = String(decoding: bytes, as: UTF8.self)
                    #expect(Self.fast(text) == Self.reference(text), "byte \(byte) at \(position) among \(filler)")
                }
            }
        }
        for text in ["é&ü<工>\"'", String(repeating: "成渝 ", count: 9) + "'", "\u{FFFD}&&&&&&&&&&'"] {
            #expect(Self.fast(text) == Self.reference(text))
        }
    }

    /// The word test never misses a byte to escape, wherever it is in the word.
    @Test func wordTestHasNoMisses() {
        for byte in [UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'")] {
            for position in 0..<8 {
                for filler: UInt8 in [0x00, 0x41, 0x7F, 0xFF] {
                    var word = UInt64(0)
                    for index in 0..<8 { word |= UInt64(index == position ? byte : filler) << (8 * UInt64(index)) }
                    #expect(HTMLEscaping.mayNeedEscaping(word))
                }
            }
        }
        #expect(!HTMLEscaping.mayNeedEscaping(0x4142_4344_4546_4748))
    }
}
