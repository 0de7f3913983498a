/// Decides which tags stand alone on their line, so that the line (indentation, tag and line
/// break) disappears from the output, as the Mustache spec asks.
///
/// Besides one tag alone on a line, the inheritance spec treats these pairs as standalone:
/// `{{<p}}{{/p}}`, `{{$b}}{{/b}}` (which keeps its line break), `{{<p}}{{$b}}` and `{{/b}}{{/p}}`.
enum StandaloneLines {
    static func mark(_ tags: inout [Tag], source: SourceText) {
        for index in tags.indices where tags[index].kind.canStandAlone {
            let tag = tags[index]
            let lineStart = source.lineStart(before: tag.start)
            if source.isBlank(lineStart, tag.start), let lineEnd = source.endOfBlankRest(from: tag.end) {
                tags[index].removedStart = lineStart
                tags[index].removedEnd = lineEnd
                tags[index].isStandalone = true
            }
        }
        for index in tags.indices {
            markPairs(&tags, at: index, source: source)
        }
    }

    private static func markPairs(_ tags: inout [Tag], at index: Int, source: SourceText) {
        let tag = tags[index]
        guard !tag.isStandalone, index + 1 < tags.count, tags[index + 1].start == tag.end,
              !tags[index + 1].isStandalone else { return }
        let next = tags[index + 1]
        let lineStart = source.lineStart(before: tag.start)
        guard source.isBlank(lineStart, tag.start), let lineEnd = source.endOfBlankRest(from: next.end) else { return }
        switch (tag.kind, next.kind) {
        case (.parent, .close) where tag.partner == index + 1:
            tags[index].removedStart = lineStart
            tags[index].isStandalone = true
            tags[index + 1].removedEnd = lineEnd
        case (.block, .close) where tag.partner == index + 1:
            // The line break stays: an empty block on its own line still ends the line.
            tags[index].removedStart = lineStart
            tags[index].isStandalone = true
        case (.parent, .block) where next.isArgument:
            tags[index].removedStart = lineStart
            tags[index].isStandalone = true
            tags[index + 1].removedEnd = lineEnd
            tags[index + 1].isStandalone = true
        case (.close, .close):
            guard let block = tag.partner, tags[block].kind == .block, tags[block].isArgument,
                  let parent = next.partner, tags[parent].kind == .parent else { return }
            tags[index].removedStart = lineStart
            tags[index + 1].removedEnd = lineEnd
        default:
            return
        }
    }
}
