/// Everything the pipeline needs from one Markdown document, as plain Swift values.
public struct RenderedMarkdown: Sendable {
    /// The body HTML, headings carrying `id` attributes.
    public var html: String
    /// The document's text without markup, one block a line (for search and summaries).
    public var plainText: String
    /// Plain text of the first top-level paragraph that has text (the default summary), or nil.
    public var firstParagraph: String?
    /// All headings, in document order.
    public var headings: [Heading]
    /// A nested `<ul>` of links to the heading ids; "" when the document has fewer than 2 headings.
    public var tocHTML: String
    /// Link and image destinations after rewriting, in document order, repeats kept, empty and dropped ones left out.
    public var links: [String]
    /// Problems reported by the link rewriter, at the positions of the destinations.
    public var diagnostics: [MarkdownDiagnostic]
    /// The shortcode calls in running text, in document order; each stands as its placeholder in
    /// `html` and `plainText` until the site pipeline expands it.
    public var shortcodes: [ShortcodeCall] = []

    /// Creates a rendered document value.
    public init(
        html: String, plainText: String, firstParagraph: String?, headings: [Heading],
        tocHTML: String, links: [String], diagnostics: [MarkdownDiagnostic]
    ) {
        self.html = html
        self.plainText = plainText
        self.firstParagraph = firstParagraph
        self.headings = headings
        self.tocHTML = tocHTML
        self.links = links
        self.diagnostics = diagnostics
    }
}
