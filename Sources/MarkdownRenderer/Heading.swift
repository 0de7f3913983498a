/// A heading of the document, for tables of contents and links to sections.
public struct Heading: Sendable, Equatable {
    /// 1 for `#`, 2 for `##`, ... 6.
    public var level: Int
    /// The `id` attribute written on the heading: a slug of `text`, unique within the document.
    public var id: String
    /// The heading's plain text, unescaped (escape it when writing HTML).
    public var text: String

    /// Creates a heading value.
    public init(level: Int, id: String, text: String) {
        self.level = level
        self.id = id
        self.text = text
    }
}
