import SiteSupport

/// The terms of every taxonomy and the pages of each (see `TaxonomySchema`), made once per
/// assembly: one pass over the pages' front matter, then each term's pages sorted as lists are.
/// What it holds grows with the pages' terms (each page once per term it names), never with
/// pages × terms.
struct TaxonomyIndex: Sendable {
    struct Term: Sendable, Equatable {
        /// As first written, in content-path order.
        var name: String
        var slug: String
        /// Indexes of its pages, sorted as lists are (weight, date, title).
        var members: [Int]
        /// The page that names it first (content-path order), for errors.
        var firstPage: Int
    }

    struct Taxonomy: Sendable {
        var schema: TaxonomySchema
        /// Sorted by name (case and accents folded), then by slug.
        var terms: [Term]
        var termBySlug: [String: Int]

        var name: String { schema.name }
    }

    private(set) var taxonomies: [Taxonomy] = []
    private var byName: [String: Int] = [:]
    /// The slug of each spelling pages write (folding costs microseconds; a site has few spellings).
    private var slugs: [String: String?] = [:]

    init() {}

    /// The index of `pages` (those of kind `single` or `page` that are not drafts count).
    init(pages: [Page], config: SiteConfig) {
        guard !config.taxonomies.isEmpty else { return }
        let counted = pages.indices.filter { (pages[$0].kind == .single || pages[$0].kind == .page) && !pages[$0].frontMatter.draft }
            .sorted { pages[$0].sourcePath.utf8.lexicographicallyPrecedes(pages[$1].sourcePath.utf8) }
        // Each counted page's place in list order, sorted once: terms then sort by these numbers.
        let keys = counted.map { SiteModel.SortKey(pages[$0]) }
        var rank = Array(repeating: 0, count: pages.count)
        for (place, offset) in counted.indices.sorted(by: { keys[$0] < keys[$1] }).enumerated() { rank[counted[offset]] = place }
        for schema in config.taxonomies {
            var terms: [Term] = []
            var bySlug: [String: Int] = [:]
            for index in counted {
                for (name, slug) in Self.terms(of: pages[index], taxonomy: schema.name, slugs: &slugs) {
                    if let known = bySlug[slug] {
                        terms[known].members.append(index)
                    } else {
                        bySlug[slug] = terms.count
                        terms.append(Term(name: name, slug: slug, members: [index], firstPage: index))
                    }
                }
            }
            for offset in terms.indices { terms[offset].members.sort { rank[$0] < rank[$1] } }
            let folded = terms.map { TextFoldingKey($0) }
            let order = terms.indices.sorted { folded[$0] < folded[$1] }
            terms = order.map { terms[$0] }
            bySlug = [:]
            for (offset, term) in terms.enumerated() { bySlug[term.slug] = offset }
            byName[schema.name] = taxonomies.count
            taxonomies.append(Taxonomy(schema: schema, terms: terms, termBySlug: bySlug))
        }
    }

    /// Terms sort by their folded names, then as written, then by slug.
    private struct TextFoldingKey: Comparable {
        var folded: String
        var name: String
        var slug: String

        init(_ term: Term) {
            folded = TaxonomySchema.foldedName(term.name)
            name = term.name
            slug = term.slug
        }

        static func < (a: Self, b: Self) -> Bool { (a.folded, a.name, a.slug) < (b.folded, b.name, b.slug) }
    }

    func taxonomy(named name: String) -> Taxonomy? {
        byName[name].map { taxonomies[$0] }
    }

    /// The position of taxonomy `name` in site.yml order.
    func ordinal(of name: String) -> Int? { byName[name] }

    /// The page's terms of `taxonomy` as written, with their slugs, each slug once; terms without
    /// a slug (reported when the front matter was read) are left out.
    func terms(of page: Page, taxonomy: String) -> [(name: String, slug: String)] {
        var known = slugs
        return Self.terms(of: page, taxonomy: taxonomy, slugs: &known)
    }

    /// `terms(of:taxonomy:)`, with the slugs of spellings already seen in `slugs` (and new ones added).
    static func terms(of page: Page, taxonomy: String, slugs: inout [String: String?]) -> [(name: String, slug: String)] {
        guard let value = page.frontMatter.params[taxonomy], let names = TaxonomySchema.terms(in: value) else { return [] }
        var seen: Set<String> = []
        var terms: [(String, String)] = []
        for name in names {
            let slug: String?
            if let known = slugs[name] { slug = known } else {
                slug = TaxonomySchema.slug(of: name)
                slugs[name] = slug
            }
            guard let slug, seen.insert(slug).inserted else { continue }
            terms.append((name, slug))
        }
        return terms
    }

    /// The output path of term page `number` (1…), or of the taxonomy's page (`slug` nil).
    static func path(taxonomy: String, slug: String?, number: Int = 1) -> String {
        guard let slug else { return taxonomy + "/index.html" }
        return Pagination.path(section: taxonomy + "/" + slug, number: number)
    }

    /// Appends the taxonomies' pages to `pages`, after the others: each taxonomy's page (`/<name>/`,
    /// kind `terms`) and each term's pages (`/<name>/<slug>/`, `…/page/k/`, kind `term`).
    func addPages(to pages: inout [Page], config: SiteConfig) {
        for taxonomy in taxonomies {
            var matter = FrontMatter()
            matter.title = taxonomy.schema.title
            var list = Page(sourcePath: "", displayPath: "", kind: .terms, section: "", slug: taxonomy.name,
                            outputPath: Self.path(taxonomy: taxonomy.name, slug: nil), frontMatter: matter, body: "", bodyFirstLine: 1)
            list.taxonomy = taxonomy.name
            pages.append(list)
            let size = config.pageSize(of: taxonomy.schema)
            for term in taxonomy.terms {
                var matter = FrontMatter()
                matter.title = term.name
                for number in 1...Pagination.pageCount(members: term.members.count, size: size) {
                    var page = Page(sourcePath: "", displayPath: "", kind: .term, section: "", slug: term.slug,
                                    outputPath: Self.path(taxonomy: taxonomy.name, slug: term.slug, number: number),
                                    frontMatter: matter, body: "", bodyFirstLine: 1)
                    page.taxonomy = taxonomy.name
                    page.pagerNumber = number
                    pages.append(page)
                }
            }
        }
    }

    /// A taxonomy named like a section, or a page of a taxonomy at a content page's URL: errors
    /// naming both (site.yml or the file that names the term first, and the content file).
    func collisions(with pages: [Page], config: SiteConfig) -> [Diagnostic] {
        guard !taxonomies.isEmpty else { return [] }
        var diagnostics: [Diagnostic] = []
        // Each section named as the message will: by its folder when it has pages, else in site.yml.
        var sections: [String: String] = [:]
        for schema in config.sections { sections[schema.name] = "the section '\(schema.name)' of site.yml" }
        var byOutput: [String: [Int]] = [:]
        var folders: Set<String> = []
        for (index, page) in pages.enumerated() where !page.sourcePath.isEmpty {
            if !page.section.isEmpty, folders.insert(page.section).inserted {
                let root = page.displayPath.utf8.dropLast(page.sourcePath.utf8.count)
                sections[page.section] = "the section " + String(decoding: root, as: UTF8.self) + page.section + "/"
            }
            byOutput[page.outputPath, default: []].append(index)
        }
        for taxonomy in taxonomies {
            let schema = taxonomy.schema
            if let section = sections[taxonomy.name] {
                diagnostics.append(.error(schema.declaredPath, line: schema.declaredAt.line, column: schema.declaredAt.column,
                                          "taxonomy '\(taxonomy.name)' would write /\(taxonomy.name)/, which is \(section): rename one of them"))
                continue
            }
            func clash(_ path: String, _ what: String) {
                for index in byOutput[path] ?? [] {
                    let page = pages[index]
                    let at = page.frontMatter.positions["slug"] ?? SourcePosition(line: 1, column: 1)
                    diagnostics.append(.error(page.displayPath, line: at.line, column: at.column,
                                              "writes the same URL /\(page.publicPath) as \(what)"))
                }
            }
            clash(Self.path(taxonomy: taxonomy.name, slug: nil),
                  "the list of terms of taxonomy '\(taxonomy.name)' (\(schema.declaredPath):\(schema.declaredAt.line):\(schema.declaredAt.column))")
            let size = config.pageSize(of: schema)
            for term in taxonomy.terms {
                let first = pages[term.firstPage]
                let at = first.frontMatter.positions[taxonomy.name] ?? SourcePosition(line: 1, column: 1)
                for number in 1...Pagination.pageCount(members: term.members.count, size: size) {
                    clash(Self.path(taxonomy: taxonomy.name, slug: term.slug, number: number),
                          "the term '\(term.name)' of taxonomy '\(taxonomy.name)' (named first in \(first.displayPath):\(at.line):\(at.column))")
                }
            }
        }
        return diagnostics
    }
}
