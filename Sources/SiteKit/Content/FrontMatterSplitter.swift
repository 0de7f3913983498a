/// A page file cut into its YAML front matter and its Markdown body.
struct SplitPage: Sendable, Equatable {
    /// The YAML between the `---` lines.
    var yaml: String
    /// File line number of the first YAML line.
    var yamlFirstLine: Int
    /// The Markdown after the closing `---`.
    var body: String
    /// File line number of the body's first line.
    var bodyFirstLine: Int
}

/// Splits `---` front matter from the body, with error positions in file lines.
enum FrontMatterSplitter {
    enum Failure: Error, Equatable {
        case empty
        case noFrontMatter
        case unclosed
    }

    /// Works on the UTF-8 bytes: finds the fences line by line, then slices the text once (at line
    /// starts, so the slices are copied without being validated again).
    static func split(_ text: String) -> Result<SplitPage, Failure> {
        var text = text
        let found = text.withUTF8 { bytes -> Result<(yaml: Range<Int>, body: Int, bodyFirstLine: Int), Failure> in
            var position = 0
            var lineNumber = 0
            var yamlStart = -1
            var yamlEnd = 0
            while position < bytes.count {
                let start = position
                while position < bytes.count, bytes[position] != 10 { position += 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<position])
                let next = min(position + 1, bytes.count)
                position = next
                lineNumber += 1
                if yamlStart < 0 {
                    if lineNumber == 1 {
                        guard isFence(line, allowDots: false) else {
                            return isBlank(bytes) ? .failure(.empty) : .failure(.noFrontMatter)
                        }
                        yamlStart = next
                    }
                    continue
                }
                if isFence(line, allowDots: true) {
                    return .success((yamlStart..<max(yamlStart, yamlEnd), next, lineNumber + 1))
                }
                yamlEnd = start + line.count
            }
            if yamlStart < 0 { return isBlank(bytes) ? .failure(.empty) : .failure(.noFrontMatter) }
            return .failure(.unclosed)
        }
        return found.map { parts in
            let utf8 = text.utf8
            func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
            return SplitPage(yaml: String(text[index(parts.yaml.lowerBound)..<index(parts.yaml.upperBound)]), yamlFirstLine: 2,
                             body: String(text[index(parts.body)...]), bodyFirstLine: parts.bodyFirstLine)
        }
    }

    private static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 || $0 == 12 || $0 == 11 }
    }

    /// `---` (or `...` to close), optionally followed by spaces or tabs.
    private static func isFence(_ line: UnsafeBufferPointer<UInt8>, allowDots: Bool) -> Bool {
        var end = line.count
        while end > 0, line[end - 1] == 32 || line[end - 1] == 9 { end -= 1 }
        guard end == 3 else { return false }
        let mark = line[0]
        return (mark == UInt8(ascii: "-") || (allowDots && mark == UInt8(ascii: "."))) && line[1] == mark && line[2] == mark
    }
}
