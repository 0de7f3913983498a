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

    static func split(_ text: String) -> Result<SplitPage, Failure> {
        if text.allSatisfy({ $0.isWhitespace }) { return .failure(.empty) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, isFence(first, allowDots: false) else { return .failure(.noFrontMatter) }
        lines = lines.dropFirst()
        var yamlLines: [Substring] = []
        var lineNumber = 1
        while let line = lines.first {
            lineNumber += 1
            lines = lines.dropFirst()
            if isFence(line, allowDots: true) {
                let body = lines.joined(separator: "\n")
                return .success(SplitPage(yaml: yamlLines.joined(separator: "\n"), yamlFirstLine: 2,
                                          body: body, bodyFirstLine: lineNumber + 1))
            }
            yamlLines.append(line)
        }
        return .failure(.unclosed)
    }

    /// `---` (or `...` to close), optionally followed by spaces or tabs.
    private static func isFence(_ line: Substring, allowDots: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
        return trimmed == "---" || (allowDots && trimmed == "...")
    }
}
