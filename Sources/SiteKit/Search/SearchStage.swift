import MarkdownRenderer
import SearchIndex

/// Hands every page's searchable text to the search index builder, with per-field weights.
enum SearchStage {
    /// The whole index at once, from pages whose Markdown is kept rendered (`sitegen serve`).
    static func files(for site: SiteModel, settings: SearchSettings) -> [OutputFile] {
        let documents = site.pages.compactMap { document(for: $0, markdown: $0.markdown, site: site) }
        return SearchIndexBuilder.build(documents, options: options(settings)).map { OutputFile(path: $0.path, bytes: $0.bytes) }
    }

    static func options(_ settings: SearchSettings) -> SearchOptions {
        var options = SearchOptions()
        options.k1 = settings.k1
        options.b = settings.b
        return options
    }

    /// What the index holds of `page` (nil for pages left out of search), given its rendered Markdown.
    static func document(for page: Page, markdown: RenderedMarkdown?, site: SiteModel) -> SearchDocument? {
        // Pager pages (a list's page 2, 3, …) repeat the list page's text: only the list page is found.
        guard page.kind != .notFound, page.pagerNumber == 1, page.frontMatter.params["search"] != .bool(false) else { return nil }
        var fields = [
            SearchField(name: "title", text: page.title, weight: 10),
            SearchField(name: "headings", text: (markdown?.headings ?? []).map(\.text).joined(separator: "\n"), weight: 4),
            SearchField(name: "summary", text: page.frontMatter.summary ?? markdown?.firstParagraph ?? page.summary, weight: 2),
            SearchField(name: "body", text: markdown?.plainText ?? "", weight: 1),
        ]
        if let schema = site.schema(of: page) {
            for field in schema.required + schema.enumerations.keys.sorted() where field != "date" {
                guard let value = page.frontMatter.params[field]?.scalarText else { continue }
                let title = schema.enumerations[field]?.first { $0.value == value }?.title ?? value
                fields.append(SearchField(name: field, text: title, weight: 5))
            }
        }
        let label: String
        if let taxonomy = site.taxonomies.taxonomy(named: page.taxonomy) {
            label = taxonomy.schema.title
        } else {
            label = page.section.isEmpty ? (page.kind == .home ? "Home" : "Page") : site.sectionTitle(page.section)
        }
        return SearchDocument(url: page.outputPath, title: page.title, section: label,
                              text: markdown?.plainText ?? "", fields: fields)
    }
}
