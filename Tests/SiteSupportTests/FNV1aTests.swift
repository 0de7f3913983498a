import Testing
import SiteSupport

@Suite struct FNV1aTests {
    /// Published FNV-1a 64 test vectors (from the FNV reference's test suite).
    @Test(arguments: [("", 0xcbf2_9ce4_8422_2325 as UInt64), ("a", 0xaf63_dc4c_8601_ec8c), ("foobar", 0x8594_4171_f739_67e8)])
    func byteWiseIsFNV1a(text: String, expected: UInt64) {
        var hash = FNV1a()
        hash.add(text.utf8)
        #expect(hash.value == expected)
    }

    @Test func digestTakesWordsThenTheTailThenTheLength() {
        let bytes: [UInt8] = Array("0123456789abcdefXYZ".utf8)
        var hash = FNV1a()
        for start in stride(from: 0, to: 16, by: 8) {
            hash.add(word: bytes[start..<start + 8].reversed().reduce(0) { $0 << 8 | UInt64($1) })
        }
        hash.add(bytes[16...])
        hash.add(word: UInt64(bytes.count))
        #expect(FNV1a.digest(bytes) == hash.value)
        // Trailing zero bytes change the digest.
        #expect(FNV1a.digest([1, 2]) != FNV1a.digest([1, 2, 0]))
    }

    @Test func hexIsSixteenDigits() {
        var hash = FNV1a()
        hash.value = 0xab
        #expect(hash.hex == "00000000000000ab")
    }
}
