import MarkdownRenderer
import SiteSupport
import TemplateEngine

/// The site after assembly: the model plus everything derived from it that rendering needs.
struct Assembly: Sendable {
    var site: SiteModel
    var contexts: ContextBuilder
    /// `.ics` files of event pages.
    var calendarFiles: [OutputFile]
    /// The `<section>/page/1/` redirects of paginated sections (`Pagination.redirectFiles`).
    var redirectFiles: [OutputFile]
    var diagnostics: [Diagnostic]

    /// Events, calendars and structured data for `pages`. Cheap (no Markdown, no templates), so it
    /// is redone whole on every build.
    /// With `previous`, the site keeps its order and groups (see `SiteModel(config:pages:reusingOrderOf:)`);
    /// with `previousTerms`, its taxonomies' terms and their order (edits that changed no term and no sort key).
    init(config: SiteConfig, pages: [Page], data: SiteData = SiteData(), reusingOrderOf previous: SiteModel? = nil,
         reusingTermsOf previousTerms: TaxonomyIndex? = nil) {
        var pages = pages
        var diagnostics: [Diagnostic] = []
        var events: [Int: EventInfo] = [:]
        for (index, page) in pages.enumerated() {
            let (event, eventDiagnostics) = EventInfo.parse(page)
            diagnostics.append(contentsOf: eventDiagnostics)
            if let event {
                events[index] = event
                pages[index].linkedSources.formUnion(event.performers)
            }
        }
        Pagination.addPagerPages(to: &pages, config: config)
        let taxonomies = previousTerms ?? TaxonomyIndex(pages: pages, config: config)
        diagnostics += taxonomies.collisions(with: pages, config: config)
        taxonomies.addPages(to: &pages, config: config)
        var site = previous.map { SiteModel(config: config, pages: pages, reusingOrderOf: $0) } ?? SiteModel(config: config, pages: pages)
        site.data = data
        site.taxonomies = taxonomies
        var calendars: [Int: String] = [:]
        var calendarFiles: [OutputFile] = []
        let host = config.baseURL.split(separator: "/").dropFirst().first.map(String.init) ?? "localhost"
        for (index, event) in events.sorted(by: { $0.key < $1.key }) {
            let page = site.pages[index]
            for performer in event.performers where site.pageBySource[performer] == nil {
                let at = page.frontMatter.positions["event"] ?? SourcePosition(line: 1, column: 1)
                diagnostics.append(.error(page.displayPath, line: at.line, column: at.column,
                                          "event: performer '\(performer)' is not a content file of this build"))
            }
            let path = page.folder + page.slug + ".ics"
            calendars[index] = path
            let permalink = SitePath.absolute(base: config.baseURL, path: page.publicPath)
            calendarFiles.append(OutputFile(path: path, text: CalendarFile.make(
                event: event, page: page, permalink: permalink,
                description: page.frontMatter.description ?? page.summary, host: host)))
        }
        self.site = site
        self.contexts = ContextBuilder(site: site, calendars: calendars, events: events)
        self.calendarFiles = calendarFiles
        self.redirectFiles = Pagination.redirectFiles(site)
        self.diagnostics = diagnostics
    }

    /// The pages whose `site.pages` entry must carry its rendered Markdown when `siteFiles()`
    /// runs: the feed's entries, whose content it includes.
    var feedEntries: [Int] { SiteFiles.feedEntries(site, feedSections: feedSections) }

    private var feedSections: [String] {
        site.config.sections.filter { $0.schemaType == "NewsArticle" }.map(\.name)
    }

    /// Sitemap, robots.txt, the feed, `.nojekyll`.
    func siteFiles() -> [OutputFile] {
        [
            OutputFile(path: "sitemap.xml", text: SiteFiles.sitemap(site)),
            OutputFile(path: "robots.txt", text: SiteFiles.robots(site)),
            OutputFile(path: "feed.xml", text: SiteFiles.atomFeed(site, feedSections: feedSections)),
            OutputFile(path: ".nojekyll", bytes: []),
        ]
    }
}

/// Renders single pages through their layouts: the layout of each page resolved once, and the names
/// each layout's templates use, so that lists no tag can reach are not built.
struct PageRenderer: Sendable {
    let assembly: Assembly
    let library: TemplateLibrary
    /// The layout of each page asked for, in the order asked.
    let layouts: [Result<String, Diagnostic>]
    private let namesByLayout: [String: Set<String>]
    /// Each layout and the templates it includes, as inputs.
    private let templatesByLayout: [String: Set<BuildInput>]

    init(_ assembly: Assembly, library: TemplateLibrary, templatesDisplay: String, indexes: [Int]) {
        self.assembly = assembly
        self.library = library
        layouts = indexes.map { LayoutResolver.resolve(assembly.site.pages[$0], in: library, templatesDisplay: templatesDisplay) }
        var names: [String: Set<String>] = [:]
        var templates: [String: Set<BuildInput>] = [:]
        for case .success(let layout) in layouts where names[layout] == nil {
            names[layout] = library.referencedNames(of: layout)
            templates[layout] = Set(library.dependencies(of: layout).union([layout]).map(BuildInput.template))
        }
        namesByLayout = names
        templatesByLayout = templates
    }

    /// `markdown` with its shortcodes expanded (itself when it has none); the templates they went
    /// through are added to `templates`.
    func expandingShortcodes(_ index: Int, markdown: RenderedMarkdown?, reads: inout Set<Int>?,
                             templates: inout Set<BuildInput>) -> Result<RenderedMarkdown?, Diagnostics> {
        guard let markdown, !markdown.shortcodes.isEmpty else { return .success(markdown) }
        for call in markdown.shortcodes {
            let name = "shortcodes/" + call.name
            if library.contains(name) {
                templates.formUnion(library.dependencies(of: name).union([name]).map(BuildInput.template))
            } else {
                templates.insert(.template(name))
            }
        }
        let expander = ShortcodeExpander(site: assembly.site, contexts: assembly.contexts, library: library)
        return expander.expand(markdown, page: index, reads: &reads).map { $0 }
    }

    /// Page `index` through `layout`, with `markdown` as its content when given (else the page's
    /// own); written to `staging` when given, the result then keeping only the path. Names in
    /// `reads` (unless nil) what the page read: the inputs its templates opened, and the templates
    /// themselves, added to what `reads` holds already (the reads of shortcodes expanded before).
    func render(_ index: Int, layout resolved: Result<String, Diagnostic>, markdown: RenderedMarkdown? = nil,
                staging: StagingFolder?, recording reads: inout PageReads?) -> Result<OutputFile, Diagnostics> {
        let page = assembly.site.pages[index]
        switch resolved {
        case .failure(let diagnostic):
            return .failure(Diagnostics([diagnostic]))
        case .success(let layout):
            var shortcodeReads: Set<Int>? = reads?.codes
            var templates = (templatesByLayout[layout] ?? []).union(reads?.templates ?? [])
            let content: RenderedMarkdown?
            switch expandingShortcodes(index, markdown: markdown ?? page.markdown, reads: &shortcodeReads, templates: &templates) {
            case .success(let expanded): content = expanded
            case .failure(let diagnostics):
                if reads != nil { reads = PageReads(codes: shortcodeReads ?? [], templates: templates) }
                return .failure(diagnostics)
            }
            let bytes: [UInt8]
            do throws(TemplateErrors) {
                let context = assembly.contexts.context(for: index, names: namesByLayout[layout], markdown: content)
                if reads != nil {
                    var codes: Set<Int> = shortcodeReads ?? []
                    defer { reads = PageReads(codes: codes, templates: templates) }
                    bytes = try library.render(layout, context: context, strict: true, reads: &codes)
                } else {
                    bytes = try library.render(layout, context: context, strict: true)
                }
            } catch {
                return .failure(Diagnostics(error.errors.map(TemplateStage.diagnostic)))
            }
            guard let staging else { return .success(OutputFile(path: page.outputPath, bytes: bytes)) }
            do throws(StagingFolder.WriteError) {
                try staging.write(OutputFile(path: page.outputPath, bytes: bytes))
                return .success(OutputFile(path: page.outputPath, bytes: []))
            } catch {
                return .failure(Diagnostics([.error(staging.output, error.description)]))
            }
        }
    }
}
