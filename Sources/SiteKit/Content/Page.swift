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
    /// A taxonomy's page, `/<taxonomy>/`: every term with its number of pages (`TaxonomyIndex`).
    case terms
    /// A term's page, `/<taxonomy>/<term>/` (and `…/page/k/`): the pages that name the term.
    case term
}

/// One page of the site: where it comes from, where it goes, and its content.
/// What is fixed once the file is read sits behind one reference, and so does the rendered
/// Markdown, so that copying a page (every stage walks them all) costs a few retains, not thirty.
public struct Page: Sendable {
    private let identity: Identity
    /// The Markdown after the front matter.
    public var body: String
    private var rendered: RenderedBox?
    /// The first paragraph's text when the Markdown is not kept rendered (a full build renders
    /// each page only when its turn comes, but lists need every page's summary before that).
    public var leadParagraph: String?
    /// Whether its front matter had errors: such a page still answers links (so one mistake does not
    /// cascade into "no such file" errors elsewhere) but is not rendered.
    public var hasErrors = false
    /// Content paths this page's Markdown links to (and its event's performers), for knowing
    /// which pages a change affects.
    public var linkedSources: Set<String> = []
    /// Which page of its section's list this is: 1 for the list page itself, k ≥ 2 for the pager
    /// page `<section>/page/k/` that `Pagination` makes from it.
    public var pagerNumber = 1
    /// On the pages of a taxonomy (kinds `terms` and `term`): its name; the term's slug is `slug`.
    public var taxonomy = ""

    private final class Identity: Sendable {
        let sourcePath: String
        let displayPath: String
        let kind: PageKind
        let section: String
        let slug: String
        let outputPath: String
        let frontMatter: FrontMatter
        let bodyFirstLine: Int

        init(sourcePath: String, displayPath: String, kind: PageKind, section: String, slug: String, outputPath: String,
             frontMatter: FrontMatter, bodyFirstLine: Int) {
            self.sourcePath = sourcePath
            self.displayPath = displayPath
            self.kind = kind
            self.section = section
            self.slug = slug
            self.outputPath = outputPath
            self.frontMatter = frontMatter
            self.bodyFirstLine = bodyFirstLine
        }
    }

    private final class RenderedBox: Sendable {
        let value: RenderedMarkdown
        init(_ value: RenderedMarkdown) { self.value = value }
    }

    public init(sourcePath: String, displayPath: String, kind: PageKind, section: String, slug: String, outputPath: String,
                frontMatter: FrontMatter, body: String, bodyFirstLine: Int, markdown: RenderedMarkdown? = nil) {
        identity = Identity(sourcePath: sourcePath, displayPath: displayPath, kind: kind, section: section, slug: slug,
                            outputPath: outputPath, frontMatter: frontMatter, bodyFirstLine: bodyFirstLine)
        self.body = body
        self.rendered = markdown.map(RenderedBox.init)
    }

    /// Path inside the content folder (`speakers/tan-jialing.md`); empty for pages sitegen makes itself.
    public var sourcePath: String { identity.sourcePath }
    /// Path shown in diagnostics.
    public var displayPath: String { identity.displayPath }
    public var kind: PageKind { identity.kind }
    /// Section (top-level folder) name; empty for the home page and top-level pages.
    public var section: String { identity.section }
    public var slug: String { identity.slug }
    /// Output file, relative to the output root: `speakers/tan-jialing/index.html`.
    public var outputPath: String { identity.outputPath }
    public var frontMatter: FrontMatter { identity.frontMatter }
    /// File line of the body's first line, to shift Markdown diagnostics.
    public var bodyFirstLine: Int { identity.bodyFirstLine }

    /// Set by the Markdown stage.
    public var markdown: RenderedMarkdown? {
        get { rendered?.value }
        set { rendered = newValue.map(RenderedBox.init) }
    }

    /// The page's folder in the output (`speakers/tan-jialing/`), the base of its relative links.
    public var folder: String { SitePath.folder(of: outputPath) }

    /// The public path (`speakers/tan-jialing/`), as in canonical URLs and the sitemap.
    public var publicPath: String {
        outputPath.hasSuffix("index.html") ? String(outputPath.dropLast("index.html".count)) : outputPath
    }

    public var title: String { frontMatter.title }

    /// Front matter `summary`, else the first paragraph's text, else empty.
    public var summary: String {
        frontMatter.summary ?? markdown?.firstParagraph ?? leadParagraph ?? ""
    }
}
