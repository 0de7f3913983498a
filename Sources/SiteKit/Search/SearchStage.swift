import SearchIndex

/// Hands every page's searchable text to the search index builder, with per-field weights.
enum SearchStage {
    static func files(for site: SiteModel, settings: SearchSettings) -> [OutputFile] {
        var documents: [SearchDocument] = []
        documents.reserveCapacity(site.pages.count)
        for page in site.pages where page.kind != .notFound && page.frontMatter.params["search"] != .bool(false) {
            let markdown = page.markdown
            var fields = [
                SearchField(name: "title", text: page.title, weight: 10),
                SearchField(name: "headings", text: (markdown?.headings ?? []).map(\.text).joined(separator: "\n"), weight: 4),
                SearchField(name: "summary", text: page.summary, weight: 2),
                SearchField(name: "body", text: markdown?.plainText ?? "", weight: 1),
            ]
            if let schema = site.schema(of: page) {
                for field in schema.required + schema.enumerations.keys.sorted() where field != "date" {
                    guard let value = page.frontMatter.params[field]?.scalarText else { continue }
                    let title = schema.enumerations[field]?.first { $0.value == value }?.title ?? value
                    fields.append(SearchField(name: field, text: title, weight: 5))
                }
            }
            let label = page.section.isEmpty ? (page.kind == .home ? "Home" : "Page") : site.sectionTitle(page.section)
            documents.append(SearchDocument(url: page.outputPath, title: page.title, section: label,
                                            text: markdown?.plainText ?? "", fields: fields))
        }
        var options = SearchOptions()
        options.k1 = settings.k1
        options.b = settings.b
        return SearchIndexBuilder.build(documents, options: options).map { OutputFile(path: $0.path, bytes: $0.bytes) }
    }
}
