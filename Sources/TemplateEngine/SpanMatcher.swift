/// Pairs every `{{#x}}`, `{{^x}}`, `{{<x}}` and `{{$x}}` with its `{{/x}}`, and reports the tags
/// that do not pair: stray or mismatched closers, and openers never closed.
enum SpanMatcher {
    static func match(_ tags: inout [Tag], source: SourceText, reportUnclosed: Bool) -> [SyntaxIssue] {
        var issues: [SyntaxIssue] = []
        var open: [Int] = []
        for index in tags.indices {
            let kind = tags[index].kind
            if kind.opensSpan {
                if kind == .block, let enclosing = open.last, tags[enclosing].kind == .parent {
                    tags[index].isArgument = true
                }
                open.append(index)
                continue
            }
            guard kind == .close else { continue }
            let name = tags[index].name
            guard let innermost = open.last else {
                issues.append(SyntaxIssue(
                    offset: tags[index].start,
                    message: "stray closing tag \(tags[index].display): no section is open"))
                continue
            }
            if tags[innermost].name == name {
                pair(&tags, innermost, index)
                open.removeLast()
                continue
            }
            let opener = tags[innermost]
            let openedAt = source.position(of: opener.start)
            issues.append(SyntaxIssue(
                offset: tags[index].start,
                message: "mismatched closing tag \(tags[index].display): expected {{/\(opener.name)}} to close \(opener.display) from line \(openedAt.line), column \(openedAt.column)"))
            // Recover: if an outer span has this name, the inner ones were left open; close up to it.
            if let outer = open.lastIndex(where: { tags[$0].name == name }) {
                pair(&tags, open[outer], index)
                open.removeSubrange(outer...)
            }
        }
        if reportUnclosed {
            for index in open {
                issues.append(SyntaxIssue(
                    offset: tags[index].start,
                    message: "unclosed section \(tags[index].display): no {{/\(tags[index].name)}} follows"))
            }
        }
        return issues
    }

    private static func pair(_ tags: inout [Tag], _ opener: Int, _ closer: Int) {
        tags[opener].partner = closer
        tags[closer].partner = opener
    }
}
