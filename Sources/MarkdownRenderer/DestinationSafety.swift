/// Decides which link and image destinations safe mode drops.
///
/// cmark 0.30's safe renderer empties `javascript:`, `vbscript:`, `file:` and `data:`
/// destinations, except `data:image/png|gif|jpeg|webp`, which it keeps for links and images
/// alike. sitegen applies the same rule before rendering, so `links` agrees with the HTML, and
/// is stricter for links: every `data:` link is dropped (browsers refuse to navigate to them,
/// so they only serve phishing), while inline raster images stay allowed.
enum DestinationSafety {
    /// Whether safe mode must empty this destination.
    static func isDangerous(_ destination: String, isImage: Bool) -> Bool {
        var destination = destination
        return destination.withUTF8 { bytes in
            // Browsers skip leading spaces and control characters.
            guard let start = bytes.firstIndex(where: { $0 > 0x20 }) else { return false }
            switch bytes[start] | 0x20 {
            case UInt8(ascii: "j"): return schemeEnd("javascript", in: bytes, from: start) != nil
            case UInt8(ascii: "v"): return schemeEnd("vbscript", in: bytes, from: start) != nil
            case UInt8(ascii: "f"): return schemeEnd("file", in: bytes, from: start) != nil
            case UInt8(ascii: "d"):
                guard let rest = schemeEnd("data", in: bytes, from: start) else { return false }
                return !(isImage && rasterImageTypes.contains { hasPrefix($0, in: bytes, at: rest) })
            default: return false
            }
        }
    }

    private static let rasterImageTypes: [StaticString] = ["image/png", "image/gif", "image/jpeg", "image/webp"]

    /// Where the text after `scheme:` starts, matching ASCII case-insensitively and skipping
    /// tabs and line breaks (browsers ignore them anywhere in a URL); nil for another scheme.
    private static func schemeEnd(_ scheme: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        for expected in UnsafeBufferPointer(start: scheme.utf8Start, count: scheme.utf8CodeUnitCount) {
            while index < bytes.count, bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D {
                index += 1
            }
            guard index < bytes.count, bytes[index] | 0x20 == expected else { return nil }
            index += 1
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
        return index + 1
    }

    /// Whether `bytes` continue at `index` with `prefix`, ASCII case-insensitively.
    private static func hasPrefix(_ prefix: StaticString, in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let expected = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        guard bytes.count - index >= expected.count else { return false }
        return zip(expected, bytes[index...]).allSatisfy { expected, byte in
            expected == byte || (expected >= UInt8(ascii: "a") && expected <= UInt8(ascii: "z") && expected == byte | 0x20)
        }
    }
}
