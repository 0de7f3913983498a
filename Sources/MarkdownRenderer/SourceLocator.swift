/// Finds where a link destination is written in the Markdown source, for diagnostics.
///
/// cmark 0.30 records positions of blocks only, so the locator starts from the containing
/// block and looks for the destination as written: `](dest`, `](<dest>` or `<dest>` inside
/// the block, or a reference definition `]: dest` anywhere. Destinations that cmark decoded
/// (entities, backslash escapes) are not found there; the caller then uses the block's start.
/// Lines end at `\n`, `\r\n` or `\r`, as in cmark; columns count `Character`s.
struct SourceLocator {
    private let bytes: [UInt8]
    private let lineStarts: [Int]

    init(_ source: String) {
        let bytes = Array(source.utf8)
        var lineStarts = [0]
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\r"), index < bytes.count, bytes[index] == UInt8(ascii: "\n") {
                index += 1
            }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { lineStarts.append(index) }
        }
        self.bytes = bytes
        self.lineStarts = lineStarts
    }

    /// The byte offset of a 1-based line and 1-based byte column (as cmark reports them), clamped to the text.
    func offset(line: Int, byteColumn: Int) -> Int {
        let lineIndex = min(max(line, 1), lineStarts.count) - 1
        let lineEnd = lineIndex + 1 < lineStarts.count ? lineStarts[lineIndex + 1] : bytes.count
        return min(lineStarts[lineIndex] + max(byteColumn, 1) - 1, lineEnd)
    }

    /// The byte offset where the line after the 1-based `line` starts (the end of the text after the last line).
    func offset(afterLine line: Int) -> Int {
        line >= 1 && line < lineStarts.count ? lineStarts[line] : bytes.count
    }

    /// The 1-based line and character column of a byte offset.
    func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let characters = String(decoding: bytes[lineStarts[low]..<offset], as: UTF8.self).count
        return (low + 1, characters + 1)
    }

    /// Finds `destination` written inline or as an autolink in `range`; returns where it starts and ends.
    func findInline(_ destination: String, in range: Range<Int>) -> Range<Int>? {
        let target = Array(destination.utf8)
        var index = range.lowerBound
        while index + 1 < range.upperBound {
            defer { index += 1 }
            if bytes[index] == UInt8(ascii: "]") && bytes[index + 1] == UInt8(ascii: "(") {
                if let found = match(target, at: skipSpace(from: index + 2), limit: range.upperBound) {
                    return found
                }
            } else if bytes[index] == UInt8(ascii: "<") {
                if let found = match(target, at: index, limit: range.upperBound),
                    found.upperBound < range.upperBound, bytes[found.upperBound] == UInt8(ascii: ">")
                {
                    return found
                }
            }
        }
        return nil
    }

    /// Finds `destination` in a reference definition (`[label]: destination`) anywhere in the text.
    func findReferenceDefinition(_ destination: String) -> Range<Int>? {
        let target = Array(destination.utf8)
        var index = 0
        while index + 1 < bytes.count {
            defer { index += 1 }
            if bytes[index] == UInt8(ascii: "]") && bytes[index + 1] == UInt8(ascii: ":"),
                let found = match(target, at: skipSpace(from: index + 2), limit: bytes.count)
            {
                return found
            }
        }
        return nil
    }

    /// Skips spaces and tabs and at most one line ending, as allowed before a destination.
    private func skipSpace(from start: Int) -> Int {
        var index = start
        var sawLineEnding = false
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                index += 1
            case UInt8(ascii: "\n") where !sawLineEnding, UInt8(ascii: "\r") where !sawLineEnding:
                sawLineEnding = true
                let crlf = bytes[index] == UInt8(ascii: "\r") && index + 1 < bytes.count
                    && bytes[index + 1] == UInt8(ascii: "\n")
                index += crlf ? 2 : 1
            default:
                return index
            }
        }
        return index
    }

    /// Matches an optional `<` and then `target` at `start`, ending at a destination boundary.
    private func match(_ target: [UInt8], at start: Int, limit: Int) -> Range<Int>? {
        var begin = start
        if begin < limit && bytes[begin] == UInt8(ascii: "<") { begin += 1 }
        let end = begin + target.count
        guard end <= limit, bytes[begin..<end].elementsEqual(target) else { return nil }
        if end < bytes.count {
            switch bytes[end] {
            case UInt8(ascii: ")"), UInt8(ascii: ">"), UInt8(ascii: " "), UInt8(ascii: "\t"),
                UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                break
            default:
                return nil
            }
        }
        return begin..<end
    }
}
