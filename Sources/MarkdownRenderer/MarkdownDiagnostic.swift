/// A problem found while rendering, located in the Markdown text that was given to the renderer.
///
/// `line` and `column` are 1-based and relative to that text (the caller adds the front matter's
/// offset). Columns count Swift `Character`s (grapheme clusters), not bytes, so a CJK or emoji
/// character is one column.
public struct MarkdownDiagnostic: Sendable, Equatable {
    /// 1-based line in the Markdown text.
    public var line: Int
    /// 1-based column, in characters.
    public var column: Int
    /// What is wrong, for the author.
    public var message: String

    /// Creates a diagnostic value.
    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }
}
