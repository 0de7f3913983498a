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
}

/// The ids `TemplateValue.input` carries for one assembled site (page indexes and section ordinals
/// packed with a kind), and their `BuildInput`s.
struct InputCodes: Sendable {
    private let sectionNames: [String]
    private let ordinals: [String: Int]
    private let dataFiles: [String]
    private let dataOrdinals: [String: Int]

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
    }

    func summary(_ page: Int) -> Int { page << 3 }
    func sectionHead(_ name: String) -> Int { (ordinals[name] ?? -1) << 3 | 1 }
    func sectionPages(_ name: String) -> Int { (ordinals[name] ?? -1) << 3 | 2 }
    func sectionTitle(_ name: String) -> Int { (ordinals[name] ?? -1) << 3 | 3 }
    var sections: Int { 4 }
    func data(_ name: String) -> Int { (dataOrdinals[name] ?? -1) << 3 | 5 }
    var dataNames: Int { 6 }

    /// The input an id names in `site` (nil for none of its).
    func input(_ code: Int, in site: SiteModel) -> BuildInput? {
        let number = code >> 3
        let section = number >= 0 && number < sectionNames.count ? sectionNames[number] : nil
        switch code & 7 {
        case 0: return number < site.pages.count ? .summary(site.pages[number].outputPath) : nil
        case 1: return section.map(BuildInput.sectionHead)
        case 2: return section.map(BuildInput.sectionPages)
        case 3: return section.map(BuildInput.sectionTitle)
        case 4: return .sections
        case 5: return number >= 0 && number < dataFiles.count ? .data(dataFiles[number]) : nil
        case 6: return .dataNames
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

    /// Takes the values of `site` — of every page, or only of the pages at `pages` (and of their
    /// sections) when the others are known to be as they were — and returns the inputs whose
    /// values changed.
    mutating func update(_ site: SiteModel, contexts: ContextBuilder, pages: [Int]?) -> Set<BuildInput> {
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
