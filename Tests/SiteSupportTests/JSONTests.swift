import Testing
import SiteSupport

@Suite struct JSONTests {
    @Test func stringsAreSafeInsideScripts() {
        let json = JSON.string("a\u{2028}b\u{2029}</script>&\"\\\n\r\t\u{1}\u{1F}é工\u{2027}")
        #expect(json.serialized == #""a\u2028b\u2029\u003c/script\u003e\u0026\"\\\n\r\t\u0001\u001fé工"# + "\u{2027}\"")
    }

    /// Every byte that needs no escape is copied as it is; every one that does is escaped.
    @Test func everyASCIIByte() {
        for byte in UInt8(0)..<0x80 {
            let text = String(UnicodeScalar(byte))
            let expected: String
            switch byte {
            case 0x22: expected = #"\""#
            case 0x5C: expected = #"\\"#
            case 0x0A: expected = #"\n"#
            case 0x0D: expected = #"\r"#
            case 0x09: expected = #"\t"#
            case 0..<0x20, 0x3C, 0x3E, 0x26:
                let hex = String(byte, radix: 16)
                expected = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: expected = text
            }
            #expect(JSON.string(text).serialized == "\"\(expected)\"", "byte \(byte)")
        }
    }

    @Test func valuesKeepTheirKeyOrder() {
        let value = JSON.object([
            ("z", .number(3)), ("a", .number(0.5)), ("f", .float(1000)), ("g", .float(0.25)),
            ("list", .array([.bool(true), .bool(false), .null, .string("x")])), ("empty", .object([])),
        ])
        #expect(value.serialized == #"{"z":3,"a":0.5,"f":1000.0,"g":0.25,"list":[true,false,null,"x"],"empty":{}}"#)
        #expect(value.serializedBytes == Array(value.serialized.utf8))
    }

    @Test func stringsAreSafeInsideScriptElements() {
        let json = JSON.object([("a", .string("</script><b>&\"\\\n\t\u{1}\u{2028}\u{2029}工"))]).serialized
        #expect(json == "{\"a\":\"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\\\"\\\\\\n\\t\\u0001\\u2028\\u2029工\"}")
        #expect(JSON.array([.number(3), .number(2.5), .bool(true), .null]).serialized == "[3,2.5,true,null]")
    }

    @Test func appendsAfterWhatIsThere() {
        var out = Array("x=".utf8)
        JSON.appendString("<", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == #"x="\u003c""#)
    }
}
