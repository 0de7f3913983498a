internal import CCmark

/// Renders Markdown (CommonMark, through the system libcmark) into HTML plus the data the site
/// pipeline needs: headings with ids, a table of contents, plain text, links and diagnostics.
///
/// Each call parses, walks and renders its own cmark tree and frees it before returning, so
/// calls share no state and may run concurrently from any number of tasks.
public enum MarkdownRenderer {
    /// Renders `markdown`, calling `rewriteLink` once for every link and image destination (as
    /// cmark parsed it: entities and backslash escapes decoded), in document order.
    ///
    /// In safe mode (the default) raw HTML is omitted and `javascript:`, `vbscript:`, `file:` and
    /// `data:` destinations are emptied, except `data:image/png|gif|jpeg|webp` images; this also
    /// applies to destinations returned by `rewriteLink`.
    public static func render(
        _ markdown: String,
        options: MarkdownOptions = .init(),
        rewriteLink: (String) -> LinkRewrite = { _ in .keep }
    ) -> RenderedMarkdown {
        var cmarkOptions = CMARK_OPT_DEFAULT
        if options.smartPunctuation { cmarkOptions |= CMARK_OPT_SMART }
        if options.unsafeHTML { cmarkOptions |= CMARK_OPT_UNSAFE }

        let parsed = markdown.withCString { cmark_parse_document($0, markdown.utf8.count, cmarkOptions) }
        guard let document = parsed else {
            return RenderedMarkdown(
                html: "", plainText: "", firstParagraph: nil, headings: [], tocHTML: "", links: [],
                diagnostics: [])
        }
        defer { cmark_node_free(document) }

        var walk = DocumentWalk(source: markdown, dropsDangerousDestinations: !options.unsafeHTML)
        walk.walk(document, rewriteLink: rewriteLink)
        for pending in walk.pendingHeadings {
            HeadingAnchors.replace(pending.node, level: pending.heading.level, id: pending.heading.id)
        }
        let headings = walk.pendingHeadings.map(\.heading)

        return RenderedMarkdown(
            html: renderHTML(document, options: cmarkOptions),
            plainText: walk.plainText,
            firstParagraph: walk.firstParagraph,
            headings: headings,
            tocHTML: TableOfContents.html(for: headings),
            links: walk.links,
            diagnostics: walk.diagnostics)
    }

    /// The text of the first top-level paragraph, exactly as `render(_:options:)` gives it in
    /// `firstParagraph`, found by parsing alone (no HTML, no link callbacks): what lists and
    /// feeds show of a page before its turn to be rendered comes.
    public static func firstParagraph(_ markdown: String, options: MarkdownOptions = .init()) -> String? {
        var cmarkOptions = CMARK_OPT_DEFAULT
        if options.smartPunctuation { cmarkOptions |= CMARK_OPT_SMART }
        if options.unsafeHTML { cmarkOptions |= CMARK_OPT_UNSAFE }
        guard let document = markdown.withCString({ cmark_parse_document($0, markdown.utf8.count, cmarkOptions) }) else {
            return nil
        }
        defer { cmark_node_free(document) }
        var walk = DocumentWalk(source: markdown, dropsDangerousDestinations: false)
        walk.walk(document, untilFirstParagraph: true) { _ in .keep }
        return walk.firstParagraph
    }

    private static func renderHTML(_ document: OpaquePointer, options: Int32) -> String {
        guard let rendered = cmark_render_html(document, options) else { return "" }
        defer { cmark_get_default_mem_allocator().pointee.free(rendered) }
        return String(cString: rendered)
    }
}
