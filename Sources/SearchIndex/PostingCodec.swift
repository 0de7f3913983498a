/// Packs a term's postings into a short ASCII string: for each document, the gap from the
/// previous document id and the quantised score, each as a little-endian base-32 varint whose
/// digits are URL-safe base-64 characters (the upper 32 mark "more digits follow").
/// A posting usually takes 3 characters; `search-engine.js` decodes it with `decodePostings`.
enum PostingCodec {
    static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    static func encode(_ postings: [(document: Int, score: Int)]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(postings.count * 3)
        var previous = 0
        for (index, posting) in postings.enumerated() {
            append(index == 0 ? posting.document : posting.document - previous, to: &out)
            append(posting.score, to: &out)
            previous = posting.document
        }
        return out
    }

    static func append(_ value: Int, to out: inout [UInt8]) {
        precondition(value >= 0, "posting values are non-negative")
        var rest = value
        while rest >= 32 {
            out.append(alphabet[32 + (rest & 31)])
            rest >>= 5
        }
        out.append(alphabet[rest])
    }

    /// The inverse of `encode`, for tests.
    static func decode(_ text: [UInt8]) -> [(document: Int, score: Int)] {
        var values: [Int] = []
        var value = 0
        var shift = 0
        for byte in text {
            guard let digit = alphabet.firstIndex(of: byte) else { return [] }
            if digit >= 32 {
                value |= (digit - 32) << shift
                shift += 5
            } else {
                values.append(value | (digit << shift))
                value = 0
                shift = 0
            }
        }
        var result: [(document: Int, score: Int)] = []
        var document = 0
        var index = 0
        while index + 1 < values.count {
            document = result.isEmpty ? values[index] : document + values[index]
            result.append((document, values[index + 1]))
            index += 2
        }
        return result
    }
}
