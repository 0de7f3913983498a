/// Splits a template into tags, following `{{=<% %>=}}` delimiter changes as it goes.
struct TagScanner {
    private static let defaultOpen = Array("{{".utf8)
    private static let defaultClose = Array("}}".utf8)

    let source: SourceText
    private(set) var tags: [Tag] = []
    private(set) var issues: [SyntaxIssue] = []
    /// Set when a tag never closes: the rest of the template could not be read.
    private(set) var stoppedEarly = false

    private var open = TagScanner.defaultOpen
    private var close = TagScanner.defaultClose

    init(source: SourceText) {
        self.source = source
    }

    /// Scans the whole template.
    mutating func scan() {
        var offset = 0
        while let tagStart = source.find(open, from: offset) {
            guard let next = scanTag(at: tagStart) else {
                stoppedEarly = true
                return
            }
            offset = next
        }
    }

    /// Reads the tag at `start`; returns where scanning continues, or nil when the tag never closes.
    private mutating func scanTag(at start: Int) -> Int? {
        let bytes = source.bytes
        let contentStart = start + open.count
        let sigil: UInt8? = contentStart < bytes.count ? bytes[contentStart] : nil
        let kind: Tag.Kind
        var terminator = close
        switch sigil {
        case UInt8(ascii: "{"): kind = .variable(escaped: false); terminator = Array("}".utf8) + close
        case UInt8(ascii: "&"): kind = .variable(escaped: false)
        case UInt8(ascii: "#"): kind = .section
        case UInt8(ascii: "^"): kind = .invertedSection
        case UInt8(ascii: "/"): kind = .close
        case UInt8(ascii: "!"): kind = .comment
        case UInt8(ascii: ">"): kind = .partial
        case UInt8(ascii: "<"): kind = .parent
        case UInt8(ascii: "$"): kind = .block
        case UInt8(ascii: "="): return scanDelimiterChange(at: start)
        default: kind = .variable(escaped: true)
        }
        let nameStart = kind == .variable(escaped: true) ? contentStart : contentStart + 1
        guard let terminatorStart = source.find(terminator, from: nameStart) else {
            issues.append(SyntaxIssue(offset: start, message: unclosedMessage(expecting: terminator)))
            return nil
        }
        if kind != .comment, let reopened = source.find(open, from: nameStart, before: terminatorStart) {
            // `{{a {{b}}`: the first tag was never closed; read on from the second.
            issues.append(SyntaxIssue(offset: start, message: unclosedMessage(expecting: terminator)))
            return reopened
        }
        let end = terminatorStart + terminator.count
        let name = source.string(nameStart, terminatorStart).trimmingTagWhitespace()
        if kind != .comment, let problem = Self.problem(withName: name, kind: kind) {
            issues.append(SyntaxIssue(offset: start, message: problem))
        }
        tags.append(Tag(kind: kind, name: name, start: start, end: end))
        return end
    }

    /// Reads `{{=<% %>=}}` and switches delimiters for the rest of the template.
    private mutating func scanDelimiterChange(at start: Int) -> Int? {
        let contentStart = start + open.count + 1
        let terminator = Array("=".utf8) + close
        guard let terminatorStart = source.find(terminator, from: contentStart) else {
            if let closeStart = source.find(close, from: contentStart) {
                issues.append(SyntaxIssue(
                    offset: start,
                    message: "bad delimiter change: expected '=\(String(decoding: close, as: UTF8.self))' to end it, as in {{=<% %>=}}"))
                return closeStart + close.count
            }
            issues.append(SyntaxIssue(offset: start, message: unclosedMessage(expecting: terminator)))
            return nil
        }
        let end = terminatorStart + terminator.count
        let content = source.string(contentStart, terminatorStart)
        let parts = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        if parts.count == 2 && !parts.contains(where: { $0.contains("=") }) {
            open = Array(parts[0].utf8)
            close = Array(parts[1].utf8)
        } else {
            issues.append(SyntaxIssue(
                offset: start,
                message: "bad delimiter change '\(content.trimmingTagWhitespace())': expected two delimiters without '=' separated by a space, as in {{=<% %>=}}"))
        }
        tags.append(Tag(kind: .delimiters, name: content.trimmingTagWhitespace(), start: start, end: end))
        return end
    }

    private func unclosedMessage(expecting terminator: [UInt8]) -> String {
        "unclosed tag: expected '\(String(decoding: terminator, as: UTF8.self))'"
    }

    /// What is wrong with a tag's name, if anything.
    private static func problem(withName name: String, kind: Tag.Kind) -> String? {
        if name.isEmpty { return "empty tag name" }
        if name.contains(where: \.isWhitespace) {
            return "invalid name '\(name)': names contain no spaces"
        }
        switch kind {
        case .partial, .parent, .block:
            return nil
        default:
            if name == "." { return nil }
            if name.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
                return "invalid name '\(name)': a dotted name needs a name between every two dots"
            }
            return nil
        }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingTagWhitespace() -> String {
        let isPadding: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isPadding($0) }),
              let last = lastIndex(where: { !isPadding($0) }) else { return "" }
        return String(self[first...last])
    }
}
