/// 64-bit FNV-1a, a small stable hash (Swift's `Hasher` is seeded per process, so it cannot name
/// anything across runs). Not a checksum: it names a build for cache busting, tells whether a file
/// changed, and buckets the search tokenizer's segments.
@frozen
public struct FNV1a: Sendable, Equatable {
    /// The hash so far (the offset basis before any byte).
    public var value: UInt64 = FNV1a.offsetBasis

    // Constants the compiler folds into callers in other modules (a `static let` is a global
    // they would load, in the tokenizer's loop over every byte).
    @inlinable public static var offsetBasis: UInt64 { 0xcbf2_9ce4_8422_2325 }
    @inlinable public static var prime: UInt64 { 0x0000_0100_0000_01B3 }

    @inlinable
    public init() {}

    /// Mixes in one byte (the hash proper: FNV-1a of a byte string is this, byte after byte).
    @inlinable @inline(__always)
    public mutating func add(byte: UInt8) {
        value = (value ^ UInt64(byte)) &* FNV1a.prime
    }

    @inlinable
    public mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes { add(byte: byte) }
    }

    /// Mixes in eight bytes at once (not FNV-1a of them: a faster cousin for whole files).
    @inlinable @inline(__always)
    public mutating func add(word: UInt64) {
        value = (value ^ word) &* FNV1a.prime
    }

    /// A digest of a whole file, eight bytes at a time, its length last (so that trailing zero
    /// bytes count). Eight times fewer multiplications than byte-wise FNV-1a.
    @inlinable
    public static func digest(_ bytes: [UInt8]) -> UInt64 {
        var hash = FNV1a()
        bytes.withUnsafeBytes { raw in
            let words = raw.count / 8
            for index in 0..<words { hash.add(word: raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)) }
            hash.add(raw[(words * 8)...])
            hash.add(word: UInt64(raw.count))
        }
        return hash.value
    }

    /// The value as sixteen lowercase hex digits.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
