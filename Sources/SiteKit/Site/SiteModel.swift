import TemplateEngine

/// The assembled site: every page with its place, the sections with their sorted pages and groups.
/// Built once after the Markdown stage; read-only (and so shareable across threads) afterwards.
struct SiteModel: Sendable {
    var config: SiteConfig
    var pages: [Page]
    /// Indexes of each section's single pages, sorted by weight, then date (newest first), then title.
    var sectionMembers: [String: [Int]]
    /// Index of each section's list page.
    var sectionListPage: [String: Int]
    /// Section names in site.yml order, then others by name.
    var sectionOrder: [String]
    /// Index of each page by content path.
    var pageBySource: [String: Int]
    /// Index of the home page, if any.
    var homeIndex: Int?
    /// The data files (`site.data`).
    var data = SiteData()
    /// Indexes of each paginated section's pager pages, for list pages 2, 3, … (see `Pagination`).
    var pagerPages: [String: [Int]] = [:]
    /// The taxonomies' terms and their pages (set by `Assembly`).
    var taxonomies = TaxonomyIndex()
    /// Grouped sections' pages by group value, in the order site.yml declares the values.
    private var groupsBySection: [String: [(value: EnumeratedValue, members: [Int])]] = [:]

    init(config: SiteConfig, pages: [Page]) {
        self.config = config
        self.pages = pages
        var members: [String: [Int]] = [:]
        var lists: [String: Int] = [:]
        var bySource: [String: Int] = [:]
        for (index, page) in pages.enumerated() {
            if !page.sourcePath.isEmpty { bySource[page.sourcePath] = index }
            switch page.kind {
            case .single: members[page.section, default: []].append(index)
            case .section where page.pagerNumber > 1: pagerPages[page.section, default: []].append(index)
            case .section: lists[page.section] = index
            case .home: homeIndex = index
            default: break
            }
        }
        for (name, indexes) in members {
            // Sort keys taken once per page: comparing pages directly would copy two pages per comparison.
            let keys = indexes.map { SortKey(pages[$0]) }
            members[name] = indexes.indices.sorted { keys[$0] < keys[$1] }.map { indexes[$0] }
        }
        sectionMembers = members
        sectionListPage = lists
        pageBySource = bySource
        let configured = config.sections.map(\.name)
        sectionOrder = configured + lists.keys.filter { !configured.contains($0) }.sorted()
        for schema in config.sections {
            guard let field = schema.groupBy, let values = schema.enumerations[field] else { continue }
            let sectionPages = members[schema.name] ?? []
            groupsBySection[schema.name] = values.map { value in
                (value, sectionPages.filter { pages[$0].frontMatter.params[field]?.scalarText == value.value })
            }
        }
    }

    /// Weight first (pages without one last), then date (newest first), then title, then path:
    /// what lists sort pages by, taken once per page.
    struct SortKey: Comparable {
        var weight: Int?
        var date: ContentDate?
        var title: String
        var foldedTitle: String
        var outputPath: String

        init(_ page: Page) {
            weight = page.frontMatter.weight
            date = page.frontMatter.date
            title = page.title
            foldedTitle = page.title.lowercased()
            outputPath = page.outputPath
        }

        static func < (a: SortKey, b: SortKey) -> Bool {
            switch (a.weight, b.weight) {
            case let (x?, y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: break
            }
            switch (a.date, b.date) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: break
            }
            if a.foldedTitle != b.foldedTitle { return a.foldedTitle < b.foldedTitle }
            if a.title != b.title { return a.title < b.title }
            return a.outputPath < b.outputPath
        }
    }

    /// The same order and groups as `previous`, for pages that kept their kinds, URLs, sort keys and
    /// group values (an edit that changed none of them): no sorting again.
    init(config: SiteConfig, pages: [Page], reusingOrderOf previous: SiteModel) {
        self.config = config
        self.pages = pages
        sectionMembers = previous.sectionMembers
        sectionListPage = previous.sectionListPage
        sectionOrder = previous.sectionOrder
        pageBySource = previous.pageBySource
        homeIndex = previous.homeIndex
        groupsBySection = previous.groupsBySection
        pagerPages = previous.pagerPages
    }

    func schema(of page: Page) -> SectionSchema? {
        page.section.isEmpty ? nil : config.section(named: page.section)
    }

    func sectionTitle(_ name: String) -> String {
        if let list = sectionListPage[name] { return pages[list].title }
        return config.section(named: name)?.title ?? name.capitalized
    }

    /// Pages of a grouped section, by the group's value, in the order site.yml declares the values.
    func groups(of section: String) -> [(value: EnumeratedValue, members: [Int])] {
        groupsBySection[section] ?? []
    }

    /// The list page of grouped `section` on which group `value` starts (see `pagerSlice`).
    func pagerNumber(of value: String, in section: String) -> Int {
        guard let size = config.pageSize(of: section) else { return 1 }
        var offset = 0
        for group in groups(of: section) {
            if group.value.value == value { break }
            offset += group.members.count
        }
        return min(offset / size + 1, pagerCount(of: section))
    }

    /// How many list pages `section` has (1 when it is not paginated).
    func pagerCount(of section: String) -> Int {
        Pagination.pageCount(members: sectionMembers[section]?.count ?? 0, size: config.pageSize(of: section))
    }

    /// The pages list page `number` of `section` shows. A grouped section is paged in group order
    /// (the groups in site.yml order, each sorted as lists are; pages in no group last), so a group
    /// goes on where the last page left it; any other in list order.
    func pagerSlice(of section: String, number: Int) -> [Int] {
        let members = sectionMembers[section] ?? []
        guard let size = config.pageSize(of: section) else { return members }
        var order = members
        let groups = groups(of: section)
        if !groups.isEmpty {
            let grouped = groups.flatMap(\.members)
            let inGroups = Set(grouped)
            order = grouped + members.filter { !inGroups.contains($0) }
        }
        let start = min((number - 1) * size, order.count)
        return Array(order[start..<min(start + size, order.count)])
    }
}
