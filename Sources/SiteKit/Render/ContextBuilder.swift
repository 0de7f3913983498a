import Foundation
import MarkdownRenderer
import TemplateEngine

/// Builds the values a template sees for one page (documented in the README's template reference).
/// Every URL is made relative to that page; grouping and sorting are done here, not in templates.
///
/// Whatever a page shows of other pages comes wrapped as a `TemplateValue.input` naming where it
/// comes from (see `BuildInput`): another page's summary, a section's head or its pages, the list
/// of sections. A render records the inputs it opens, and the preview server redoes an output
/// when one of them changes.
struct ContextBuilder: Sendable {
    var site: SiteModel
    /// The ids of this site's inputs.
    let inputs: InputCodes
    /// Output path of each page's `.ics` file, by page index.
    var calendars: [Int: String]
    /// Makes each page's schema.org JSON-LD when the page is rendered (only rendered pages pay).
    var structuredData: StructuredData
    /// The `event:` maps of event pages, by page index.
    var events: [Int: EventInfo]
    /// Page summaries and section lists kept from earlier renders (the preview server's rebuilds);
    /// nil in a one-off build, which makes each list once anyway.
    var summaries: SummaryCache?
    /// `site` and `section` values of section pages, shared by the pages that see them alike: the
    /// same parent folder gives the same relative links, the same nav entries marked current.
    /// Made on first use, so a rebuild of a few pages makes only the few it needs.
    private let shared = SharedValues()
    /// `site.data`, made once: each file's value tagged as its input (`BuildInput.data`).
    private let dataValue: TemplateValue

    init(site: SiteModel, calendars: [Int: String], events: [Int: EventInfo]) {
        self.site = site
        let inputs = InputCodes(site: site)
        self.inputs = inputs
        dataValue = .input(inputs.dataNames, site.data.value(code: inputs.data))
        self.calendars = calendars
        self.structuredData = StructuredData(site: site, events: events)
        self.events = events
    }

    /// The shared values, filled by whichever rendering thread first needs one.
    private final class SharedValues: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [SharedKey: (site: TemplateValue, section: TemplateValue)] = [:]

        func value(_ key: SharedKey, make: () -> (site: TemplateValue, section: TemplateValue)) -> (site: TemplateValue, section: TemplateValue) {
            lock.lock()
            let found = values[key]
            lock.unlock()
            if let found { return found }
            let made = make()
            lock.lock()
            values[key] = made
            lock.unlock()
            return made
        }
    }

    /// Pages in one folder with the same nav entries marked see the same `site` and `section`.
    private struct SharedKey: Hashable {
        var parent: Substring
        var section: String
        var current: [Bool]
    }

    private func sharedKey(_ page: Page) -> SharedKey {
        // `docs/x/index.html` → `docs/`: the folder that holds the page's own folder.
        let path = page.outputPath
        var parent = path[...]
        for _ in 0..<2 {
            guard let slash = parent.lastIndex(of: "/") else { parent = ""; break }
            parent = parent[..<slash]
        }
        return SharedKey(parent: parent, section: page.section, current: site.config.nav.map { isCurrent($0, page) })
    }

    /// The context of page `index`. `names` (the names its layout's templates use) lets the page
    /// lists of sections no tag reaches be left out; nil builds everything. `markdown`, when given,
    /// is the page's rendered Markdown (a full build renders it just before the page).
    func context(for index: Int, names: Set<String>? = nil, markdown: RenderedMarkdown? = nil) -> TemplateValue {
        let page = site.pages[index]
        let linker = Linker(page: page, baseURL: site.config.baseURL)
        if page.kind == .single {
            let values = shared.value(sharedKey(page)) {
                (siteValue(for: page, linker: linker), sectionValue(page.section, linker: linker, withPages: false))
            }
            return .object(["site": values.site, "page": pageValue(index, linker: linker, markdown: markdown, names: names),
                            "section": values.section])
        }
        var object: [String: TemplateValue] = [
            "site": siteValue(for: page, linker: linker, names: names),
            "page": pageValue(index, linker: linker, markdown: markdown, names: names),
        ]
        if !page.section.isEmpty {
            object["section"] = sectionValue(page.section, linker: linker, withPages: page.kind == .section,
                                             pager: page.kind == .section ? page.pagerNumber : nil)
        }
        if page.kind == .section { object["paginator"] = paginatorValue(page, linker: linker) }
        if page.kind == .terms || page.kind == .term, let ordinal = site.taxonomies.ordinal(of: page.taxonomy) {
            let taxonomy = site.taxonomies.taxonomies[ordinal]
            object["taxonomy"] = .input(inputs.termList(ordinal), .object(taxonomyFields(taxonomy, linker: linker).merging(
                ["count": .int(taxonomy.terms.count), "terms": termsValue(ordinal, linker: linker)], uniquingKeysWith: { $1 })))
            if page.kind == .term, let term = taxonomy.termBySlug[page.slug] {
                object["term"] = termValue(ordinal, term, linker: linker)
                object["paginator"] = termPaginatorValue(page, ordinal: ordinal, term: term, linker: linker)
                // The page's own title is the term's name: whatever shows it reads that name.
                object["page"] = .input(inputs.termName(ordinal, term), object["page"]!)
            }
        }
        return .object(object)
    }

    /// What a taxonomy shows of itself: its name, title and URL.
    private func taxonomyFields(_ taxonomy: TaxonomyIndex.Taxonomy, linker: Linker) -> [String: TemplateValue] {
        ["name": .string(taxonomy.name), "title": .string(taxonomy.schema.title),
         "url": .string(linker.link(to: TaxonomyIndex.path(taxonomy: taxonomy.name, slug: nil)))]
    }

    /// `site.taxonomies.<name>` and `taxonomy.terms`: every term `{name, slug, url, count}`, sorted by name.
    func termsValue(_ ordinal: Int, linker: Linker) -> TemplateValue {
        let taxonomy = site.taxonomies.taxonomies[ordinal]
        return .input(inputs.termList(ordinal), .list(taxonomy.terms.map { term in
            .object(["name": .string(term.name), "slug": .string(term.slug), "count": .int(term.members.count),
                     "url": .string(linker.link(to: TaxonomyIndex.path(taxonomy: taxonomy.name, slug: term.slug)))])
        }))
    }

    /// `term` on a term's pages: `{name, slug, url, count, taxonomy: {name, title, url}}`.
    func termValue(_ ordinal: Int, _ index: Int, linker: Linker) -> TemplateValue {
        let taxonomy = site.taxonomies.taxonomies[ordinal]
        let term = taxonomy.terms[index]
        return .reading([inputs.termName(ordinal, index), inputs.termPages(ordinal, index)], .object([
            "name": .string(term.name), "slug": .string(term.slug), "count": .int(term.members.count),
            "url": .string(linker.link(to: TaxonomyIndex.path(taxonomy: taxonomy.name, slug: term.slug))),
            "taxonomy": .object(taxonomyFields(taxonomy, linker: linker)),
        ]))
    }

    /// `paginator` on a term's pages: as on a section's list pages, over the term's pages.
    func termPaginatorValue(_ page: Page, ordinal: Int, term index: Int, linker: Linker) -> TemplateValue {
        let taxonomy = site.taxonomies.taxonomies[ordinal]
        let term = taxonomy.terms[index]
        let size = site.config.pageSize(of: taxonomy.schema)
        let total = Pagination.pageCount(members: term.members.count, size: size)
        var shown = term.members[...]
        if let size {
            let start = min((page.pagerNumber - 1) * size, term.members.count)
            shown = term.members[start..<min(start + size, term.members.count)]
        }
        return .reading([inputs.termName(ordinal, index), inputs.termPages(ordinal, index)], pagerFields(
            number: page.pagerNumber, total: total, title: .string(term.name), folder: taxonomy.name + "/" + term.slug,
            pages: .list(shown.map { summaryValue($0, linker: linker) }), linker: linker))
    }

    /// Whether templates using `names` could reach `site.taxonomies`.
    static func reachesTaxonomies(_ names: Set<String>?) -> Bool {
        guard let names else { return true }
        return names.contains { $0 == "site" || $0 == "taxonomies" || $0.hasPrefix("site.taxonomies") || $0.hasPrefix("taxonomies.") }
    }

    /// `page.taxonomies`: the page's terms of each taxonomy it names, `{name, slug, url}` in the
    /// order written (a taxonomy it names no term of is absent); and `page.term_lists`, the same as
    /// a list `{name, title, url, terms}` in site.yml order, for themes that name no taxonomy.
    func pageTermsValues(_ page: Page, linker: Linker) -> (taxonomies: TemplateValue, lists: TemplateValue) {
        var object: [String: TemplateValue] = [:]
        var lists: [TemplateValue] = []
        for (ordinal, taxonomy) in site.taxonomies.taxonomies.enumerated() {
            let named = site.taxonomies.terms(of: page, taxonomy: taxonomy.name)
            guard !named.isEmpty else { continue }
            let items: [TemplateValue] = named.compactMap { _, slug in
                guard let index = taxonomy.termBySlug[slug] else { return nil }
                return .input(inputs.termName(ordinal, index), .object([
                    "name": .string(taxonomy.terms[index].name), "slug": .string(slug),
                    "url": .string(linker.link(to: TaxonomyIndex.path(taxonomy: taxonomy.name, slug: slug))),
                ]))
            }
            // A term only a draft names has no page: it is shown once another page names it.
            let value = items.count < named.count ? TemplateValue.input(inputs.termList(ordinal), .list(items)) : .list(items)
            object[taxonomy.name] = value
            if !items.isEmpty {
                lists.append(.object(taxonomyFields(taxonomy, linker: linker).merging(["terms": value], uniquingKeysWith: { $1 })))
            }
        }
        return (.object(object), .list(lists))
    }

    func isCurrent(_ item: NavItem, _ page: Page) -> Bool {
        item.path.isEmpty ? page.kind == .home : page.publicPath.hasPrefix(item.path)
    }

    /// Whether templates using `names` could reach `site.sections.<section>.pages`.
    static func reaches(pagesOf section: String, names: Set<String>?) -> Bool {
        reaches("pages", of: section, names: names)
    }

    /// Whether templates using `names` could reach `site.sections.<section>.<key>`.
    static func reaches(_ key: String, of section: String, names: Set<String>?) -> Bool {
        guard let names else { return true }
        let base = "site.sections." + section
        if names.contains(where: { $0.hasPrefix(base + "." + key) || $0.hasPrefix("sections." + section + "." + key) }) { return true }
        let opensSection = names.contains { name in
            name == base || name == "site.sections" || name == "site" || name == "sections" || name == "sections." + section
        }
        return opensSection && names.contains { $0 == key || $0.hasPrefix(key + ".") }
    }

    func siteValue(for page: Page, linker: Linker, names: Set<String>? = nil) -> TemplateValue {
        let config = site.config
        let nav: [TemplateValue] = config.nav.map { item in
            let current = isCurrent(item, page)
            let external = item.path.contains(":")
            return .object(["title": .string(item.title), "url": .string(external ? item.path : linker.link(to: item.path)),
                            "current": .bool(current)])
        }
        var sections: [String: TemplateValue] = [:]
        let withPages = page.kind == .home || page.kind == .section
        for name in site.sectionOrder {
            sections[name] = sectionValue(name, linker: linker, withPages: withPages && ContextBuilder.reaches(pagesOf: name, names: names),
                                          includeGroups: false, withGroupHeads: ContextBuilder.reaches("groups", of: name, names: names))
        }
        var taxonomies: [String: TemplateValue] = [:]
        if Self.reachesTaxonomies(names) {
            for (ordinal, taxonomy) in site.taxonomies.taxonomies.enumerated() {
                taxonomies[taxonomy.name] = termsValue(ordinal, linker: linker)
            }
        }
        return .object([
            "taxonomies": .object(taxonomies),
            "title": .string(config.title),
            "description": .string(config.description),
            "language": .string(config.language),
            "base_url": .string(config.baseURL),
            "root": .string(linker.root),
            "home_url": .string(linker.link(to: "")),
            "feed_url": .string(linker.link(to: "feed.xml")),
            "search_url": .string(linker.link(to: "search/")),
            "params": config.params,
            "nav": .list(nav),
            "sections": .input(inputs.sections, .object(sections)),
            "data": dataValue,
        ])
    }

    /// A section for templates: its head (`BuildInput.sectionHead`), and with `withPages` its
    /// pages and groups (`BuildInput.sectionPages`).
    /// With `pager` (list page `pager` of a paginated section), `pages` are those of that list
    /// page, and `groups` those groups with pages on it, each with those pages (`count` stays the
    /// group's own).
    func sectionValue(_ name: String, linker: Linker, withPages: Bool, includeGroups: Bool = true, withGroupHeads: Bool = false,
                      pager: Int? = nil) -> TemplateValue {
        let members = site.sectionMembers[name] ?? []
        var object = headFields(name, linker: linker)
        object["latest"] = .input(inputs.sectionPages(name), summaryList(Array(members.prefix(site.config.latestCount(of: name))),
                                                                          section: name, group: nil, pager: -1, linker: linker))
        if let first = members.first { object["first"] = .input(inputs.sectionPages(name), summaryValue(first, linker: linker)) }
        if withPages {
            let paged = site.config.pageSize(of: name) == nil ? nil : pager
            let shown = paged.map { site.pagerSlice(of: name, number: $0) } ?? members
            let onPage = paged == nil ? nil : Set(shown)
            object["pages"] = .input(inputs.sectionPages(name), summaryList(shown, section: name, group: nil, pager: paged ?? 0, linker: linker))
            if includeGroups, site.config.section(named: name)?.groupBy != nil {
                object["groups"] = .input(inputs.sectionPages(name), .list(site.groups(of: name).compactMap { group in
                    let listed = onPage.map { set in group.members.filter(set.contains) } ?? group.members
                    if onPage != nil && listed.isEmpty { return nil }
                    guard case .object(var value) = groupValue(group.value, members: group.members, linker: linker,
                                      pages: summaryList(listed, section: name, group: group.value.value, pager: paged ?? 0, linker: linker))
                    else { return nil }
                    value["list_url"] = .string(linker.link(to: Pagination.path(section: name, number: site.pagerNumber(of: group.value.value, in: name))))
                    return .object(value)
                }))
            }
        }
        if withGroupHeads, site.config.section(named: name)?.groupBy != nil {
            // `site.sections.<name>.groups`: each group's head and where its list starts, no pages
            // (as many entries as the field has values, whatever the size of the section).
            object["groups"] = .input(inputs.sectionPages(name), .list(site.groups(of: name).compactMap { group in
                guard case .object(var value) = groupValue(group.value, members: group.members, linker: linker, pages: .list([]))
                else { return nil }
                value["pages"] = nil
                value["list_url"] = .string(linker.link(to: Pagination.path(section: name, number: site.pagerNumber(of: group.value.value, in: name))))
                return .object(value)
            }))
        }
        return .input(inputs.sectionHead(name), .object(object))
    }

    /// `paginator` on a section's list pages: the pages of this list page, its number, and links to
    /// the others (all relative; see the README's template reference).
    func paginatorValue(_ page: Page, linker: Linker) -> TemplateValue {
        let name = page.section
        let number = page.pagerNumber
        let paged = site.config.pageSize(of: name) != nil
        let pages = summaryList(paged ? site.pagerSlice(of: name, number: number) : site.sectionMembers[name] ?? [],
                                section: name, group: nil, pager: paged ? number : 0, linker: linker)
        return .input(inputs.sectionPages(name), pagerFields(
            number: number, total: site.pagerCount(of: name), title: .input(inputs.sectionTitle(name), .string(site.sectionTitle(name))),
            folder: name, pages: pages, linker: linker))
    }

    /// A paginator's fields: list page `number` of `total` at `<folder>/`, `<folder>/page/k/`.
    private func pagerFields(number: Int, total: Int, title: TemplateValue, folder: String, pages: TemplateValue,
                             linker: Linker) -> TemplateValue {
        func url(_ number: Int) -> TemplateValue { .string(linker.link(to: Pagination.path(section: folder, number: number))) }
        // The first and last pages and a window around this one, so that a long list does not make
        // every list page link to every other; `gap_before` marks a number after skipped ones.
        let window = Set([1, total]).union(max(1, number - Self.pagerLinkReach)...min(total, number + Self.pagerLinkReach)).sorted()
        var object: [String: TemplateValue] = [
            "pages": pages,
            "title": title,
            "number": .int(number),
            "total_pages": .int(total),
            "paged": .bool(total > 1),
            "first_url": url(1),
            "last_url": url(total),
            "links": .list(window.enumerated().map { offset, link in
                .object(["number": .int(link), "url": url(link), "current": .bool(link == number),
                         "gap_before": .bool(offset > 0 && window[offset - 1] != link - 1)])
            }),
        ]
        if number > 1 { object["prev_url"] = url(number - 1) }
        if number < total { object["next_url"] = url(number + 1) }
        return .object(object)
    }

    /// How many list pages `paginator.links` names on either side of the current one.
    static let pagerLinkReach = 4

    /// What a section shows of itself: its title, URL, number of pages, and its `_index.md` text.
    func headFields(_ name: String, linker: Linker) -> [String: TemplateValue] {
        var object: [String: TemplateValue] = [
            "name": .string(name),
            "title": .string(site.sectionTitle(name)),
            "url": .string(linker.link(to: name + "/")),
            "count": .int(site.sectionMembers[name]?.count ?? 0),
        ]
        if let list = site.sectionListPage[name] {
            let listPage = site.pages[list]
            object["content"] = .string(listPage.markdown?.html ?? "")
            object["summary"] = .string(listPage.summary)
        }
        return object
    }

    /// A group for templates; `pages` are the summaries of `members` (made here when not given).
    func groupValue(_ value: EnumeratedValue, members: [Int], linker: Linker, pages: TemplateValue? = nil) -> TemplateValue {
        var object = value.params
        object["value"] = .string(value.value)
        object["title"] = .string(value.title)
        object["count"] = .int(members.count)
        object["pages"] = pages ?? .list(members.map { summaryValue($0, linker: linker) })
        return .object(object)
    }

    /// The summaries of a section's pages (or of one group's), from the cache when there is one.
    /// `pager` tells apart lists of one section seen from one place: 0 the whole section (or
    /// group), k ≥ 1 list page k's, -1 `latest`.
    private func summaryList(_ members: [Int], section: String, group: String?, pager: Int = 0, linker: Linker) -> TemplateValue {
        guard let summaries else { return .list(members.map { summaryValue($0, linker: linker) }) }
        let key = SummaryCache.LinkerKey(linker)
        return summaries.list(SummaryCache.ListKey(group: group, pager: pager, linker: key), of: section, members: members, linker: key) { index in
            madeSummary(index, linker: linker)
        }
    }

    /// What lists show of a page (`BuildInput.summary`).
    func summaryValue(_ index: Int, linker: Linker) -> TemplateValue {
        guard let summaries else { return madeSummary(index, linker: linker) }
        return summaries.item(index, SummaryCache.LinkerKey(linker)) { madeSummary(index, linker: linker) }
    }

    private func madeSummary(_ index: Int, linker: Linker) -> TemplateValue {
        .input(inputs.summary(index), .object(Self.commonFields(site.pages[index], linker: linker)))
    }

    /// The fields a page shows in lists and as itself alike: only the page's own data and its URL.
    static func commonFields(_ page: Page, linker: Linker) -> [String: TemplateValue] {
        let matter = page.frontMatter
        var object: [String: TemplateValue] = [
            "title": .string(page.title),
            "url": .string(linker.link(to: page.outputPath)),
            "summary": .string(page.summary),
            "description": .string(matter.description ?? page.summary),
            "slug": .string(page.slug),
            "section": .string(page.section),
            "kind": .string(page.kind.rawValue),
            "params": .object(matter.params),
        ]
        if let date = matter.date {
            object["date"] = .string(date.description)
            object["date_display"] = .string(date.display)
        }
        if let weight = matter.weight { object["weight"] = .int(weight) }
        return object
    }

    /// Whether templates using `names` could reach `page.group.pages` (nil: they could).
    static func reaches(groupPages names: Set<String>?) -> Bool {
        guard let names else { return true }
        if names.contains(where: { $0.hasPrefix("page.group.pages") }) { return true }
        let opensGroup = names.contains { $0 == "page" || $0 == "page.group" }
        return opensGroup && names.contains { $0 == "pages" || $0.hasPrefix("pages.") }
    }

    /// `names`: those the layout's templates use, to leave out lists none reaches (nil: none left out).
    func pageValue(_ index: Int, linker: Linker, markdown given: RenderedMarkdown? = nil, names: Set<String>? = nil) -> TemplateValue {
        let page = site.pages[index]
        let markdown = given ?? page.markdown
        var object = Self.commonFields(page, linker: linker)
        if page.pagerNumber > 1 { object["title"] = .string("\(page.title) — page \(page.pagerNumber)") }
        if object["description"]?.scalarText?.isEmpty ?? true { object["description"] = .string(site.config.description) }
        object["content"] = .string(markdown?.html ?? "")
        object["toc"] = .string(markdown?.tocHTML ?? "")
        object["headings"] = .list((markdown?.headings ?? []).map {
            .object(["level": .int($0.level), "id": .string($0.id), "text": .string($0.text)])
        })
        object["permalink"] = .string(SitePath.absolute(base: site.config.baseURL, path: page.publicPath))
        object["is_home"] = .bool(page.kind == .home)
        object["is_section"] = .bool(page.kind == .section)
        object["is_single"] = .bool(page.kind == .single)
        // Both show the home page's title and the section's; the JSON-LD of an event, its performers'.
        var shown = site.homeIndex.map { [inputs.summary($0)] } ?? []
        if !page.section.isEmpty { shown.append(inputs.sectionTitle(page.section)) }
        let performers = events[index].map { $0.performers.compactMap { site.pageBySource[$0] }.map(inputs.summary) } ?? []
        object["json_ld"] = .reading(shown + performers, .string(structuredData.jsonLD(for: index) ?? ""))
        let crumbs = breadcrumbs(for: page)
        object["breadcrumbs"] = .reading(shown, .list(crumbs.enumerated().map { offset, crumb in
            .object(["title": .string(crumb.title), "url": .string(linker.link(to: crumb.path)),
                     "current": .bool(offset == crumbs.count - 1)])
        }))
        if page.kind == .single || page.kind == .page {
            (object["taxonomies"], object["term_lists"]) = pageTermsValues(page, linker: linker)
        }
        if let event = events[index] { object["event"] = eventValue(event, linker: linker) }
        if let calendar = calendars[index] { object["calendar_url"] = .string(linker.link(to: calendar)) }
        if page.kind == .single, let schema = site.schema(of: page), let field = schema.groupBy,
           let value = page.frontMatter.params[field]?.scalarText,
           let group = site.groups(of: page.section).first(where: { $0.value.value == value }) {
            let siblings = group.members.filter { $0 != index }
            // `pages` (every sibling) only for layouts that can reach it; `latest` is bounded.
            let pages: TemplateValue? = Self.reaches(groupPages: names) ? nil : .list([])
            guard case .object(var value) = groupValue(group.value, members: siblings, linker: linker, pages: pages) else { return .object(object) }
            let shown = siblings.prefix(site.config.latestCount(of: page.section))
            value["latest"] = .list(shown.map { summaryValue($0, linker: linker) })
            value["list_url"] = .string(linker.link(to: Pagination.path(section: page.section, number: site.pagerNumber(of: group.value.value, in: page.section))))
            value["more"] = .bool(shown.count < siblings.count)
            object["group"] = .input(inputs.sectionPages(page.section), .object(value))
        }
        return .object(object)
    }

    /// An event page's `event:` map for templates, with its performers as page summaries.
    func eventValue(_ event: EventInfo, linker: Linker) -> TemplateValue {
        var location: [String: TemplateValue] = ["name": .string(event.location.name)]
        if let locality = event.location.locality { location["locality"] = .string(locality) }
        if let region = event.location.region { location["region"] = .string(region) }
        if let country = event.location.country { location["country"] = .string(country) }
        var object: [String: TemplateValue] = [
            "name": .string(event.name),
            "start_date": .string(event.startDate.description),
            "start_display": .string(event.startDate.display),
            "end_date": .string(event.endDate.description),
            "end_display": .string(event.endDate.display),
            "time_zone": .string(event.timeZone),
            "location": .object(location),
            "performers": .list(event.performers.compactMap { site.pageBySource[$0] }.map { summaryValue($0, linker: linker) }),
        ]
        if let about = event.about { object["about"] = .string(about) }
        return .object(object)
    }

    /// Home › Section › Page, as (title, output path) pairs.
    func breadcrumbs(for page: Page) -> [(title: String, path: String)] {
        var crumbs: [(String, String)] = []
        let homeTitle = site.homeIndex.map { site.pages[$0].title } ?? site.config.title
        crumbs.append((homeTitle, "index.html"))
        if page.kind == .home { return crumbs }
        if !page.section.isEmpty, page.kind == .single {
            crumbs.append((site.sectionTitle(page.section), page.section + "/index.html"))
        }
        if page.kind == .term, let taxonomy = site.taxonomies.taxonomy(named: page.taxonomy) {
            crumbs.append((taxonomy.schema.title, TaxonomyIndex.path(taxonomy: taxonomy.name, slug: nil)))
        }
        crumbs.append((page.title, page.outputPath))
        return crumbs
    }
}

extension TemplateValue {
    /// `value` as handed out by all of `inputs` together (a value made of several).
    static func reading(_ inputs: [Int], _ value: TemplateValue) -> TemplateValue {
        inputs.reversed().reduce(value) { .input($1, $0) }
    }
}

/// Page summaries and section lists that stay valid across the preview server's rebuilds: a
/// summary depends only on its page and on the folder the links start from. The incremental
/// builder drops the entries of the pages an edit changes (and all of them when pages move).
/// Filled from the rendering threads, hence the lock.
final class SummaryCache: @unchecked Sendable {
    /// Where a list's links start from: the page's folder, or the base URL on the 404 page.
    struct LinkerKey: Hashable {
        var folder: String
        var absoluteBase: String?

        init(_ linker: Linker) {
            folder = linker.folder
            absoluteBase = linker.absoluteBase
        }
    }

    /// A section's summaries (`group` nil) or one group's, with links from one place.
    struct ListKey: Hashable {
        var group: String?
        /// Which list of the section (see `ContextBuilder.summaryList`).
        var pager: Int
        var linker: LinkerKey
    }

    private let lock = NSLock()
    /// Summaries by where their links start from, then by page index (nil: not made yet).
    private var items: [LinkerKey: [TemplateValue?]] = [:]
    private var lists: [String: [ListKey: TemplateValue]] = [:]

    func item(_ index: Int, _ linker: LinkerKey, make: () -> TemplateValue) -> TemplateValue {
        if let found = lock.withLock({ items[linker].flatMap { index < $0.count ? $0[index] : nil } }) { return found }
        let made = make()
        lock.withLock { store(made, at: index, linker) }
        return made
    }

    /// The list of the summaries of `members` (page indexes) with links from `linker`, kept as
    /// `key` of `section`; summaries not kept yet are made by `make`.
    func list(_ key: ListKey, of section: String, members: [Int], linker: LinkerKey, make: (Int) -> TemplateValue) -> TemplateValue {
        // Under the lock only lookups: the missing summaries are made outside it.
        var values: [TemplateValue?] = []
        let found: TemplateValue? = lock.withLock {
            if let list = lists[section]?[key] { return list }
            let column = items[linker] ?? []
            values = members.map { $0 < column.count ? column[$0] : nil }
            return nil
        }
        if let found { return found }
        var made: [(Int, TemplateValue)] = []
        for (offset, index) in members.enumerated() where values[offset] == nil {
            let value = make(index)
            values[offset] = value
            made.append((index, value))
        }
        let list = TemplateValue.list(values.map { $0! })
        lock.withLock {
            for (index, value) in made { store(value, at: index, linker) }
            lists[section, default: [:]][key] = list
        }
        return list
    }

    /// Call with the lock held.
    private func store(_ value: TemplateValue, at index: Int, _ linker: LinkerKey) {
        var column = items.removeValue(forKey: linker) ?? []
        if column.count <= index { column.append(contentsOf: repeatElement(nil, count: index + 1 - column.count)) }
        column[index] = value
        items[linker] = column
    }

    /// Forgets the summaries of page `index` and every list of `section` (which may hold it).
    func forget(page index: Int, section: String) {
        lock.withLock {
            for linker in Array(items.keys) where index < items[linker]!.count {
                items[linker]![index] = nil
            }
            lists[section] = nil
        }
    }

    func forgetAll() {
        lock.withLock {
            items = [:]
            lists = [:]
        }
    }

    /// How many summaries and lists are kept (for tests).
    var counts: (items: Int, lists: Int) {
        lock.withLock { (items.values.reduce(0) { $0 + $1.count { $0 != nil } }, lists.values.reduce(0) { $0 + $1.count }) }
    }
}
