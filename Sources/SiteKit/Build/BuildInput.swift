import TemplateEngine

/// Something an output reads besides its own page: what it read is recorded while it renders
/// (`RecordedReads`), and an edit that changes an input redoes exactly the outputs that read it.
/// Named by output paths and section names, so that a read outlives the page indexes of a rebuild.
/// (`site.yml` is no input of its own: a change to it redoes everything.)
enum BuildInput: Hashable, Sendable {
    /// What lists, groups, performers and breadcrumbs show of the page at this output path: its
    /// title, URL, summary, description, date, weight, params (`ContextBuilder.commonFields`).
    case summary(String)
    /// A section's title, URL, page count and `_index.md` text (`ContextBuilder.headFields`).
    case sectionHead(String)
    /// A section's title alone, as breadcrumbs and JSON-LD show it.
    case sectionTitle(String)
    /// Which pages a section has, in which order and in which groups.
    case sectionPages(String)
    /// Which sections the site has (`site.sections`).
    case sections
    /// A data file's value, by its dotted name (`site.data.programme`).
    case data(String)
    /// Which data files the site has (`site.data`).
    case dataNames
    /// A template file, by name: the layout an output was rendered through and what it includes.
    case template(String)
    /// A taxonomy's terms: their names, URLs and page counts (`site.taxonomies.<name>`, `/<name>/`).
    case termList(String)
    /// A term's name as shown (as first written), by taxonomy and slug: what `page.taxonomies`
    /// shows of a page's terms, and a term page's title.
    case termName(String, String)
    /// Which pages a term has, in which order (a term page's `paginator`, `term.count`).
    case termPages(String, String)
}

/// The ids `TemplateValue.input` carries for one assembled site (page indexes, section, data-file,
/// taxonomy and term ordinals, shifted left by 4 and or-ed with the kind, 0…9), and their `BuildInput`s.
struct InputCodes: Sendable {
    private let sectionNames: [String]
    private let ordinals: [String: Int]
    private let dataFiles: [String]
    private let dataOrdinals: [String: Int]
    private let taxonomyNames: [String]
    /// The ordinal of each taxonomy's first term: terms are numbered across taxonomies.
    private let termOffsets: [Int]
    /// Taxonomy and slug of each term ordinal.
    private let terms: [(taxonomy: String, slug: String)]
    /// The bits of the kind.
    static let kindBits = 4
    private static let kindMask = (1 << kindBits) - 1

    /// Every section a page can name: those with a list page or in site.yml, those with pages, and "".
    init(site: SiteModel) {
        var names = site.sectionOrder
        var ordinals: [String: Int] = [:]
        for (ordinal, name) in names.enumerated() { ordinals[name] = ordinal }
        for name in site.sectionMembers.keys.sorted() + [""] where ordinals[name] == nil {
            ordinals[name] = names.count
            names.append(name)
        }
        sectionNames = names
        self.ordinals = ordinals
        dataFiles = site.data.names
        dataOrdinals = Dictionary(uniqueKeysWithValues: dataFiles.enumerated().map { ($0.element, $0.offset) })
        var offsets: [Int] = []
        var terms: [(String, String)] = []
        for taxonomy in site.taxonomies.taxonomies {
            offsets.append(terms.count)
            terms += taxonomy.terms.map { (taxonomy.name, $0.slug) }
        }
        taxonomyNames = site.taxonomies.taxonomies.map(\.name)
        termOffsets = offsets
        self.terms = terms
    }

    private static func code(_ number: Int, kind: Int) -> Int { number << kindBits | kind }

    func summary(_ page: Int) -> Int { Self.code(page, kind: 0) }
    func sectionHead(_ name: String) -> Int { Self.code(ordinals[name] ?? -1, kind: 1) }
    func sectionPages(_ name: String) -> Int { Self.code(ordinals[name] ?? -1, kind: 2) }
    func sectionTitle(_ name: String) -> Int { Self.code(ordinals[name] ?? -1, kind: 3) }
    var sections: Int { Self.code(0, kind: 4) }
    func data(_ name: String) -> Int { Self.code(dataOrdinals[name] ?? -1, kind: 5) }
    var dataNames: Int { Self.code(0, kind: 6) }
    /// Taxonomy `taxonomy` (its position in site.yml) and its term `term` (position in its list).
    func termList(_ taxonomy: Int) -> Int { Self.code(taxonomy, kind: 7) }
    func termName(_ taxonomy: Int, _ term: Int) -> Int { Self.code(termOffsets[taxonomy] + term, kind: 8) }
    func termPages(_ taxonomy: Int, _ term: Int) -> Int { Self.code(termOffsets[taxonomy] + term, kind: 9) }

    /// The input an id names in `site` (nil for none of its).
    func input(_ code: Int, in site: SiteModel) -> BuildInput? {
        let number = code >> Self.kindBits
        let section = number >= 0 && number < sectionNames.count ? sectionNames[number] : nil
        let term = number >= 0 && number < terms.count ? terms[number] : nil
        switch code & Self.kindMask {
        case 0: return number < site.pages.count ? .summary(site.pages[number].outputPath) : nil
        case 1: return section.map(BuildInput.sectionHead)
        case 2: return section.map(BuildInput.sectionPages)
        case 3: return section.map(BuildInput.sectionTitle)
        case 4: return .sections
        case 5: return number >= 0 && number < dataFiles.count ? .data(dataFiles[number]) : nil
        case 6: return .dataNames
        case 7: return number >= 0 && number < taxonomyNames.count ? .termList(taxonomyNames[number]) : nil
        case 8: return term.map { .termName($0.taxonomy, $0.slug) }
        case 9: return term.map { .termPages($0.taxonomy, $0.slug) }
        default: return nil
        }
    }
}

/// What one render read, as it comes from the template engine: the ids of the inputs it opened
/// (valid for the site it was rendered from) and the templates it went through.
struct PageReads: Sendable, Equatable {
    var codes: Set<Int> = []
    var templates: Set<BuildInput> = []

    /// The inputs, named as they outlive the site's page indexes.
    func inputs(in assembly: Assembly) -> Set<BuildInput> {
        let codes = assembly.contexts.inputs
        return templates.union(self.codes.lazy.compactMap { codes.input($0, in: assembly.site) })
    }
}

/// The value of each input as outputs saw it at the last rebuild, to tell which an edit changed.
struct InputValues {
    private var summaries: [String: TemplateValue] = [:]
    private var heads: [String: TemplateValue] = [:]
    private var titles: [String: String] = [:]
    private var sectionPages: [String: [String]] = [:]
    private var sections: [String] = []
    private var data: [String: TemplateValue] = [:]
    /// Each taxonomy's terms as its list shows them: name, slug, number of pages.
    private var termLists: [String: [TermEntry]] = [:]
    /// Each term's pages (output paths, in order), by taxonomy and slug.
    private var termPages: [String: [String: [String]]] = [:]

    private struct TermEntry: Equatable {
        var name: String
        var slug: String
        var count: Int
    }

    /// Takes the values of `site` — of every page, or only of the pages at `pages` (and of their
    /// sections) when the others are known to be as they were — and returns the inputs whose
    /// values changed.
    /// With `termsKept`, the site's taxonomies are the last rebuild's (`Assembly(reusingTermsOf:)`)
    /// and their inputs are not compared again.
    mutating func update(_ site: SiteModel, contexts: ContextBuilder, pages: [Int]?, termsKept: Bool = false) -> Set<BuildInput> {
        var changed: Set<BuildInput> = []
        let linker = { (page: Page) in Linker(page: page, baseURL: site.config.baseURL) }
        func summary(_ page: Page) -> TemplateValue {
            .object(ContextBuilder.commonFields(page, linker: linker(page)))
        }
        if let pages {
            for index in pages {
                let page = site.pages[index]
                let value = summary(page)
                if summaries.updateValue(value, forKey: page.outputPath) != value { changed.insert(.summary(page.outputPath)) }
            }
        } else {
            var next: [String: TemplateValue] = [:]
            next.reserveCapacity(site.pages.count)
            for page in site.pages { next[page.outputPath] = summary(page) }
            for path in Set(next.keys).union(summaries.keys) where next[path] != summaries[path] { changed.insert(.summary(path)) }
            summaries = next
        }
        if site.data.files != data {
            for name in Set(data.keys).union(site.data.files.keys) where data[name] != site.data.files[name] { changed.insert(.data(name)) }
            if Set(data.keys) != Set(site.data.files.keys) { changed.insert(.dataNames) }
            data = site.data.files
        }
        var names = site.sectionOrder
        for name in site.sectionMembers.keys.sorted() where !names.contains(name) { names.append(name) }
        if names != sections {
            changed.insert(.sections)
            sections = names
        }
        // Edits in place change no section but those of the edited pages.
        let touched = pages.map { Set($0.map { site.pages[$0].section }) }
        for name in Set(names).union(heads.keys) where touched?.contains(name) ?? true {
            let head: TemplateValue? = names.contains(name) ? .object(contexts.headFields(name, linker: Linker(folder: ""))) : nil
            if heads[name] != head { changed.insert(.sectionHead(name)) }
            heads[name] = head
            let title = head.map { _ in site.sectionTitle(name) }
            if titles[name] != title { changed.insert(.sectionTitle(name)) }
            titles[name] = title
            var paths: [String]?
            if head != nil {
                var list = (site.sectionMembers[name] ?? []).map { site.pages[$0].outputPath }
                for group in site.groups(of: name) {
                    list.append("#" + group.value.value)
                    list += group.members.map { site.pages[$0].outputPath }
                }
                paths = list
            }
            if sectionPages[name] != paths { changed.insert(.sectionPages(name)) }
            sectionPages[name] = paths
        }
        if !termsKept { changed.formUnion(updateTerms(site)) }
        return changed
    }

    /// The taxonomies' inputs that changed (all of their terms, in one pass over their pages).
    private mutating func updateTerms(_ site: SiteModel) -> Set<BuildInput> {
        var changed: Set<BuildInput> = []
        var lists: [String: [TermEntry]] = [:]
        var pages: [String: [String: [String]]] = [:]
        for taxonomy in site.taxonomies.taxonomies {
            let name = taxonomy.name
            let entries = taxonomy.terms.map { TermEntry(name: $0.name, slug: $0.slug, count: $0.members.count) }
            lists[name] = entries
            if termLists[name] != entries { changed.insert(.termList(name)) }
            let before = Dictionary((termLists[name] ?? []).map { ($0.slug, $0.name) }, uniquingKeysWith: { first, _ in first })
            var members: [String: [String]] = [:]
            for term in taxonomy.terms {
                if before[term.slug] != term.name { changed.insert(.termName(name, term.slug)) }
                let paths = term.members.map { site.pages[$0].outputPath }
                if termPages[name]?[term.slug] != paths { changed.insert(.termPages(name, term.slug)) }
                members[term.slug] = paths
            }
            // Terms that are gone change too: their pages are gone, and who showed them must know.
            for (slug, _) in before where members[slug] == nil {
                changed.insert(.termName(name, slug))
                changed.insert(.termPages(name, slug))
            }
            pages[name] = members
        }
        for name in termLists.keys where lists[name] == nil { changed.insert(.termList(name)) }
        termLists = lists
        termPages = pages
        return changed
    }
}

/// What each output read at its last render, and the other way round: who read each input.
struct RecordedReads {
    private var readsByOutput: [String: Set<BuildInput>] = [:]
    private var readers: [BuildInput: Set<String>] = [:]

    /// Replaces what `output` read.
    mutating func record(_ output: String, reads: Set<BuildInput>) {
        // Mostly a page reads what it read before (a list whose entries changed, not its members).
        if readsByOutput[output] == reads { return }
        forget(output)
        readsByOutput[output] = reads
        for input in reads { readers[input, default: []].insert(output) }
    }

    mutating func forget(_ output: String) {
        guard let old = readsByOutput.removeValue(forKey: output) else { return }
        for input in old {
            readers[input]?.remove(output)
            if readers[input]?.isEmpty == true { readers[input] = nil }
        }
    }

    mutating func forgetAll() {
        readsByOutput = [:]
        readers = [:]
    }

    /// The outputs that read any of `inputs`.
    func readers(of inputs: Set<BuildInput>) -> Set<String> {
        var found: Set<String> = []
        for input in inputs { found.formUnion(readers[input] ?? []) }
        return found
    }

    /// Whether anything is recorded for `output`.
    func hasRecord(of output: String) -> Bool { readsByOutput[output] != nil }
}

extension Linker {
    /// Links from the folder `folder` (`""`: the site root).
    init(folder: String) {
        self.folder = folder
        absoluteBase = nil
    }
}
