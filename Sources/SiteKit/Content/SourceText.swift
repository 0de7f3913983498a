#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Decoding a content file's bytes into text the way authors expect: UTF-8 only, a byte order
/// mark ignored, CRLF line endings accepted.
enum SourceText {
    /// The file's text with a leading BOM removed and CRLF/CR turned into LF, or the position of the
    /// first byte that is not valid UTF-8.
    static func decode(_ bytes: [UInt8]) -> Result<String, SourcePosition> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            return .failure(firstInvalidPosition(body))
        }
        let hasCR = body.withUnsafeBufferPointer { $0.count > 0 && memchr($0.baseAddress!, 13, $0.count) != nil }
        guard hasCR else { return .success(text) }
        var normalised = [UInt8]()
        normalised.reserveCapacity(body.count)
        var previousWasCR = false
        for byte in body {
            if byte == 13 {
                normalised.append(10)
                previousWasCR = true
                continue
            }
            if byte == 10 && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            normalised.append(byte)
        }
        return .success(String(decoding: normalised, as: UTF8.self))
    }

    /// Line and column (in characters) of the first byte that breaks UTF-8.
    static func firstInvalidPosition(_ bytes: ArraySlice<UInt8>) -> SourcePosition {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var line = 1
        var column = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput, .error:
                return SourcePosition(line: line, column: column)
            }
        }
    }
}

/// Decoding failures carry the position of the first bad byte.
extension SourcePosition: Error {}
