import MarkdownRenderer

/// What a page is, which decides its layout and its place in the site.
public enum PageKind: String, Sendable {
    /// `Content/index.md`, the site's root.
    case home
    /// A top-level file such as `Content/event.md`.
    case page
    /// A section's list page, from `Content/<section>/_index.md` or made for a section without one.
    case section
    /// A page inside a section folder.
    case single
    /// The `404.html` page.
    case notFound = "404"
}

/// One page of the site: where it comes from, where it goes, and its content.
public struct Page: Sendable {
    /// Path inside the content folder (`speakers/tan-jialing.md`); empty for pages sitegen makes itself.
    public var sourcePath: String
    /// Path shown in diagnostics.
    public var displayPath: String
    public var kind: PageKind
    /// Section (top-level folder) name; empty for the home page and top-level pages.
    public var section: String
    public var slug: String
    /// Output file, relative to the output root: `speakers/tan-jialing/index.html`.
    public var outputPath: String
    public var frontMatter: FrontMatter
    /// The Markdown after the front matter.
    public var body: String
    /// File line of the body's first line, to shift Markdown diagnostics.
    public var bodyFirstLine: Int
    /// Set by the Markdown stage.
    public var markdown: RenderedMarkdown?
    /// Whether its front matter had errors: such a page still answers links (so one mistake does not
    /// cascade into "no such file" errors elsewhere) but is not rendered.
    public var hasErrors = false
    /// Content paths this page's Markdown links to (and its event's performers), for knowing
    /// which pages a change affects.
    public var linkedSources: Set<String> = []

    /// The page's folder in the output (`speakers/tan-jialing/`), the base of its relative links.
    public var folder: String { SitePath.folder(of: outputPath) }

    /// The public path (`speakers/tan-jialing/`), as in canonical URLs and the sitemap.
    public var publicPath: String {
        outputPath.hasSuffix("index.html") ? String(outputPath.dropLast("index.html".count)) : outputPath
    }

    public var title: String { frontMatter.title }

    /// Front matter `summary`, else the first paragraph's text, else empty.
    public var summary: String {
        frontMatter.summary ?? markdown?.firstParagraph ?? ""
    }
}
