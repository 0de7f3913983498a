/// How Markdown is turned into HTML; the defaults are what site pages want (curly quotes, no raw HTML).
public struct MarkdownOptions: Sendable, Equatable {
    /// Turns straight quotes, `--`, `---` and `...` into typographic punctuation (cmark's `CMARK_OPT_SMART`).
    public var smartPunctuation: Bool = true
    /// Lets raw HTML and `javascript:`-style destinations through (cmark's `CMARK_OPT_UNSAFE`); only for trusted content.
    public var unsafeHTML: Bool = false

    /// Creates options; with no arguments, smart punctuation on and raw HTML dropped.
    public init(smartPunctuation: Bool = true, unsafeHTML: Bool = false) {
        self.smartPunctuation = smartPunctuation
        self.unsafeHTML = unsafeHTML
    }
}
