import Foundation
import MarkdownRenderer
import SiteSupport
import TemplateEngine

/// What an incremental rebuild did.
public struct IncrementalResult: Sendable {
    public var report: BuildReport
    /// Output paths whose bytes changed, appeared or disappeared since the last good build.
    public var changedOutputs: [String]
    /// Pages rendered through their templates by this rebuild.
    public var renderedPages: Int
    /// Whether everything was rebuilt (site.yml changed, or pages appeared or disappeared).
    public var fullRebuild: Bool

    public init(report: BuildReport, changedOutputs: [String], renderedPages: Int, fullRebuild: Bool) {
        self.report = report
        self.changedOutputs = changedOutputs
        self.renderedPages = renderedPages
        self.fullRebuild = fullRebuild
    }
}

/// Keeps a build's intermediate results in memory so that a change re-does only what it affects.
/// Used by `sitegen serve`; nothing is written to disk.
///
/// How it knows what a change affects: every value a page shows of other pages reaches its
/// template wrapped as a `TemplateValue.input` naming a `BuildInput` (another page's summary, a
/// section's head or pages, the list of sections; see `ContextBuilder`), and each render records
/// the inputs its template opened, with the templates it went through (`RecordedReads`). A rebuild
/// compares the inputs' values with the last ones (`InputValues`) and re-renders the pages whose
/// source or Markdown changed and the pages that read a changed input — whatever their layouts
/// show, with no rule of its own; pages appearing, disappearing or moving are changes of such
/// inputs too (a section's pages and count, the summary at an output path). A full rebuild
/// (site.yml, a template added or removed) is the case where everything is marked.
public final class IncrementalBuilder {
    public let options: BuildOptions
    /// Files of the last build that succeeded, by output path.
    public private(set) var outputs: [String: [UInt8]] = [:]

    private var config: SiteConfig?
    private var configDiagnostics: [Diagnostic] = []
    /// The data files (`Content/data/`), read again when one changes.
    private var data = SiteData()
    private var dataDiagnostics: [Diagnostic] = []
    /// Every content file's parse, and a digest of its bytes to tell a real change from a touch
    /// (the bytes themselves are not kept).
    private var sources: [String: (file: SourceFile, digest: SourceDigest, parsed: ContentLoader.ParsedFile)] = [:]
    private var markdownCache: [String: (page: Page, diagnostics: [Diagnostic])] = [:]
    /// The sources whose cached Markdown diagnostics are not empty (so an edit need not visit all).
    private var sourcesWithMarkdownDiagnostics: Set<String> = []
    private var templateBytes: [String: [UInt8]] = [:]
    private var templates = TemplateStage.Loaded(library: nil, assets: [])
    private var templateDiagnostics: [Diagnostic] = []
    private var rendered: [String: [UInt8]] = [:]
    private var renderDiagnostics: [String: [Diagnostic]] = [:]
    /// The Markdown of the rendered pages that have shortcodes, expanded as their render expanded it:
    /// valid while the page's render is (what the expansion read is recorded with the page's reads).
    private var expandedMarkdown: [String: RenderedMarkdown] = [:]
    private var outputBySource: [String: String] = [:]
    /// What each page's output read when it was last rendered, and who read each input.
    private var reads = RecordedReads()
    /// The same as the template engine gave it, while edits keep every page in place (and so the
    /// ids meaning the same): a page that read the same ids read the same inputs.
    private var rawReads: [String: PageReads] = [:]
    /// The inputs' values at the last rebuild.
    private var inputValues = InputValues()

    /// With this on, `rebuild` leaves the search index, sitemap and feed as they were, so the pages
    /// a change affects are ready sooner; `completeDeferredFiles()` then brings those up to date.
    /// The preview server turns it on; a full `build()` never defers.
    public var defersSiteWideFiles = false
    /// Output paths of the search index, sitemap, robots.txt, feed and .nojekyll of the last build.
    private var siteWidePaths: Set<String> = []
    /// The assembly whose site-wide files are still to be made.
    private var pendingAssembly: Assembly? {
        didSet { version += 1 }
    }
    /// Counts the good rebuilds and the deferred files put in since (each changes `outputs` or
    /// what is pending): higher is newer, and deferred work made at an older version is stale.
    public private(set) var version = 0

    /// The pages after the Markdown stage of the last rebuild (and the 404 page, last), with what
    /// loading them said: an edit that moves nothing swaps the edited pages in instead of
    /// reassembling the list.
    private var lastPages: [Page] = []
    private var lastDrafts: Set<String> = []
    private var lastLoadDiagnostics: [Diagnostic] = []
    private var lastIndexBySource: [String: Int] = [:]
    /// The link targets of the last rebuild's pages, kept while edits keep every page in place.
    private var linkResolver: LinkResolver?
    /// The site of the last rebuild, whose order and groups an edit that keeps them can reuse.
    private var lastSite: SiteModel?
    /// Whether `outputs` is the last rebuild's result (it is not after a failed rebuild).
    private var lastRebuildSucceeded = false
    /// Page summaries and section lists of earlier renders, for list pages re-rendered by an edit.
    let summaries = SummaryCache()

    public init(options: BuildOptions) {
        var options = options
        options.dryRun = true
        self.options = options
    }

    private var contentRoot: String { options.absolute(options.contentDir) }
    private var templatesRoot: String { options.absolute(options.templatesDir) }

    /// A full build from disk, with every cache refilled.
    public func build() -> BuildReport {
        config = nil
        sources = [:]
        markdownCache = [:]
        sourcesWithMarkdownDiagnostics = []
        templateBytes = [:]
        rendered = [:]
        renderDiagnostics = [:]
        expandedMarkdown = [:]
        linkResolver = nil
        reads.forgetAll()
        rawReads = [:]
        inputValues = InputValues()
        return rebuild(changed: []).report
    }

    /// Rebuilds after changes to the files at `changed` (absolute paths of files or folders under
    /// the content or templates folder, added, edited or removed).
    public func rebuild(changed: [String]) -> IncrementalResult {
        var report = BuildStages.report(options)
        var clock = StageClock()
        let templatesDisplay = options.display(options.templatesDir)
        let contentPrefix = contentRoot + "/"
        let templatesPrefix = templatesRoot + "/"

        // Configuration: a change to site.yml rebuilds everything.
        var full = config == nil || changed.contains(contentPrefix + "site.yml")
        if full {
            (config, configDiagnostics) = ConfigStage.load(options)
            sources = [:]
            markdownCache = [:]
            sourcesWithMarkdownDiagnostics = []
            rendered = [:]
            renderDiagnostics = [:]
            expandedMarkdown = [:]
        }
        report.diagnostics.append(contentsOf: configDiagnostics)
        guard let config else { return IncrementalResult(report: report, changedOutputs: [], renderedPages: 0, fullRebuild: true) }

        // Data files: read again when one changed (or the content folder itself); what changed is
        // an input (`BuildInput.data`), redone where read.
        let dataRoot = contentPrefix + SiteData.folder
        let isData = { (path: String) in path == dataRoot || path.hasPrefix(dataRoot + "/") }
        if full || changed.contains(where: { isData($0) || $0 == contentRoot }) {
            (data, dataDiagnostics) = BuildStages.data(options, config: config)
        }
        report.diagnostics.append(contentsOf: dataDiagnostics)

        // Content: re-read what changed (everything on a full build or when a folder changed).
        var changedSources: Set<String> = []
        var previousParses: [String: ContentLoader.ParsedFile?] = [:]
        let contentChanges = changed.filter { $0.hasPrefix(contentPrefix) && !$0.hasSuffix("/site.yml") && !isData($0) }
        // A changed file is read alone only when it resolves inside the content folder; anything
        // else (a folder, a link leading out) is listed again, which reports it as a build does.
        let needsScan = full || contentChanges.contains { !$0.hasSuffix(".md") || !SourceTree.resolvesInside(root: contentRoot, $0) }
        if needsScan {
            let (files, scanDiagnostics) = ContentScanner.scan(root: contentRoot, displayRoot: options.display(options.contentDir))
            report.diagnostics.append(contentsOf: scanDiagnostics)
            let seen = Set(files.map(\.relativePath))
            for removed in sources.keys where !seen.contains(removed) {
                sources[removed] = nil
                changedSources.insert(removed)
            }
            let fresh = files.filter { sources[$0.relativePath]?.digest != SourceDigest($0.bytes) }
            let includeDrafts = options.includeDrafts
            let parsed = Parallel.map(fresh) { ContentLoader.parse($0, config: config, includeDrafts: includeDrafts) }
            for (file, result) in zip(fresh, parsed) {
                sources[file.relativePath] = (file.withoutBytes, SourceDigest(file.bytes), result)
                changedSources.insert(file.relativePath)
            }
        } else {
            for path in contentChanges {
                let relative = String(path.dropFirst(contentPrefix.count))
                guard let bytes = ContentScanner.readFile(path) else {
                    if sources.removeValue(forKey: relative) != nil { changedSources.insert(relative) }
                    continue
                }
                if sources[relative]?.digest == SourceDigest(bytes) { continue }
                previousParses[relative] = sources[relative]?.parsed
                let file = SourceFile(relativePath: relative, displayPath: ContentScanner.join(options.display(options.contentDir), relative), bytes: bytes)
                sources[relative] = (file.withoutBytes, SourceDigest(bytes), ContentLoader.parse(file, config: config, includeDrafts: options.includeDrafts))
                changedSources.insert(relative)
            }
        }
        // Edits that keep every page where it was (same kind and URL, no errors before or after)
        // swap the edited pages into the last list; anything else reassembles it.
        let swapsInPlace = !full && !needsScan && !lastPages.isEmpty && changedSources.allSatisfy { source in
            guard let previous = previousParses[source] ?? nil, let before = previous.page, previous.diagnostics.isEmpty,
                  let now = sources[source]?.parsed, let after = now.page, now.diagnostics.isEmpty,
                  lastIndexBySource[source] != nil else { return false }
            return before.outputPath == after.outputPath && before.kind == after.kind && Self.sameTerms(before, after, config: config)
        }
        var pages: [Page]
        var drafts: Set<String>
        var loadDiagnostics: [Diagnostic]
        var movedSources: Set<String> = []
        if swapsInPlace {
            // Taken out of `lastPages`, so that the edits below change the one copy in place.
            pages = lastPages
            lastPages = []
            if pages.last?.kind == .notFound { pages.removeLast() }
            for source in changedSources {
                if let index = lastIndexBySource[source], let page = sources[source]?.parsed.page { pages[index] = page }
            }
            (drafts, loadDiagnostics) = (lastDrafts, lastLoadDiagnostics)
        } else {
            let ordered = sources.keys.sorted().map { (file: sources[$0]!.file, parsed: sources[$0]!.parsed) }
            (pages, drafts, loadDiagnostics) = ContentLoader.finish(ordered, config: config)
            // Pages appearing, disappearing or moving: the pages linking to them get their Markdown
            // again; the lists, counts and summaries they change are inputs, redone where read.
            var newOutputs: [String: String] = [:]
            for page in pages where !page.sourcePath.isEmpty { newOutputs[page.sourcePath] = page.outputPath }
            movedSources = Set(newOutputs.keys.filter { outputBySource[$0] != newOutputs[$0] })
                .union(outputBySource.keys.filter { newOutputs[$0] == nil })
            outputBySource = newOutputs
        }
        report.diagnostics.append(contentsOf: loadDiagnostics)
        clock.lap("front matter", &report)

        // Markdown: reuse what neither changed nor links to a page that moved.
        var toRender: [Int] = []
        if swapsInPlace {
            toRender = changedSources.compactMap { lastIndexBySource[$0] }.sorted()
            for source in sourcesWithMarkdownDiagnostics where !changedSources.contains(source) {
                report.diagnostics.append(contentsOf: markdownCache[source]?.diagnostics ?? [])
            }
        } else {
            for (index, page) in pages.enumerated() {
                if !page.sourcePath.isEmpty, !changedSources.contains(page.sourcePath), let cached = markdownCache[page.sourcePath],
                   cached.page.linkedSources.isDisjoint(with: movedSources) {
                    pages[index].markdown = cached.page.markdown
                    pages[index].linkedSources = cached.page.linkedSources
                    report.diagnostics.append(contentsOf: cached.diagnostics)
                } else {
                    toRender.append(index)
                }
            }
        }
        // Every page's link target: unchanged by an edit that keeps pages in place.
        if !swapsInPlace || linkResolver == nil {
            let failed = ContentLoader.failedSources(sources.values.map { (file: $0.file, parsed: $0.parsed) })
            linkResolver = MarkdownStage.resolver(for: pages, drafts: drafts, failed: failed)
        }
        var markdownDiagnostics: [String: [Diagnostic]] = [:]
        for diagnostic in MarkdownStage.run(&pages, config: config, drafts: drafts, indexes: toRender, resolver: linkResolver) {
            markdownDiagnostics[diagnostic.path, default: []].append(diagnostic)
        }
        for index in toRender where !pages[index].sourcePath.isEmpty {
            let diagnostics = markdownDiagnostics[pages[index].displayPath] ?? []
            markdownCache[pages[index].sourcePath] = (pages[index], diagnostics)
            if diagnostics.isEmpty {
                sourcesWithMarkdownDiagnostics.remove(pages[index].sourcePath)
            } else {
                sourcesWithMarkdownDiagnostics.insert(pages[index].sourcePath)
            }
            report.diagnostics.append(contentsOf: diagnostics)
        }
        if !swapsInPlace {
            // Forget pages that are gone, and index the list for the next in-place edit.
            var live: [String: Int] = [:]
            for index in pages.indices where !pages[index].sourcePath.isEmpty { live[pages[index].sourcePath] = index }
            markdownCache = markdownCache.filter { live[$0.key] != nil }
            sourcesWithMarkdownDiagnostics = sourcesWithMarkdownDiagnostics.filter { live[$0] != nil }
            lastIndexBySource = live
        }
        (lastDrafts, lastLoadDiagnostics) = (drafts, loadDiagnostics)
        clock.lap("markdown", &report)

        // Templates: reload when any changed, and note which.
        var changedTemplates: Set<String> = []
        if full || templates.library == nil || changed.contains(where: { $0.hasPrefix(templatesPrefix) || $0 == templatesRoot }) {
            let files = TemplateStage.walk(templatesRoot)
            var bytes: [String: [UInt8]] = [:]
            for relative in files { bytes[relative] = ContentScanner.readFile(templatesRoot + "/" + relative) ?? [] }
            for key in Set(bytes.keys).union(templateBytes.keys) where bytes[key] != templateBytes[key] {
                if key.hasSuffix(".mustache") { changedTemplates.insert(String(key.dropLast(".mustache".count))) }
                if key.hasSuffix(".mustache") && (bytes[key] == nil || templateBytes[key] == nil) { full = true }
            }
            templateBytes = bytes
            if !changedTemplates.isEmpty || templates.library == nil || full {
                (templates, templateDiagnostics) = TemplateStage.load(root: templatesRoot, displayRoot: templatesDisplay)
            } else {
                let loaded = TemplateStage.load(root: templatesRoot, displayRoot: templatesDisplay)
                (templates.assets, templateDiagnostics) = (loaded.0.assets, loaded.1)
            }
        }
        report.diagnostics.append(contentsOf: templateDiagnostics)
        TemplateStage.addNotFoundPage(to: &pages, library: templates.library)
        lastPages = pages
        clock.lap("templates", &report)

        // Reuse the last order and groups when no edited page changed its group or its place in its section.
        let keepsOrder = swapsInPlace && changedSources.allSatisfy { source in
            guard let before = previousParses[source]??.page, let after = sources[source]?.parsed.page else { return false }
            let group = config.section(named: after.section)?.groupBy
            guard group.map({ before.frontMatter.params[$0] == after.frontMatter.params[$0] }) ?? true else { return false }
            return SiteModel.SortKey(before) == SiteModel.SortKey(after) || keepsPlace(source, in: pages)
        }
        // Terms and their order stay when no edited page changed its sort key (in place, none changed its terms).
        let keepsTerms = swapsInPlace && changedSources.allSatisfy { source in
            guard let before = previousParses[source]??.page, let after = sources[source]?.parsed.page else { return false }
            return SiteModel.SortKey(before) == SiteModel.SortKey(after)
        }
        let keptTerms = keepsTerms ? lastSite?.taxonomies : nil
        var assembly = Assembly(config: config, pages: pages, data: data, reusingOrderOf: keepsOrder ? lastSite : nil,
                                reusingTermsOf: keptTerms)
        lastSite = assembly.site
        report.diagnostics.append(contentsOf: assembly.diagnostics)
        // The inputs this change changed (in place, only the edited pages' summaries can have).
        let site = assembly.site
        let editedIndexes = swapsInPlace ? changedSources.compactMap { lastIndexBySource[$0] } : nil
        var changedInputs = inputValues.update(site, contexts: assembly.contexts, pages: editedIndexes,
                                               termsKept: keptTerms != nil)
        changedInputs.formUnion(changedTemplates.map(BuildInput.template))
        // Summaries stay valid but for the pages whose summaries changed (and all when pages may have moved).
        if full || !swapsInPlace {
            summaries.forgetAll()
        } else {
            for index in editedIndexes ?? [] where changedInputs.contains(.summary(site.pages[index].outputPath)) {
                summaries.forget(page: index, section: site.pages[index].section)
            }
        }
        assembly.contexts.summaries = summaries
        clock.lap("assemble", &report)

        // Which pages to render: all on a full rebuild; else those whose own source or Markdown
        // changed, those that did not render last time, and those that read a changed input.
        var affected: Set<Int> = []
        if full {
            affected = Set(site.pages.indices)
        } else {
            // (A list page with no `_index.md` has no Markdown of its own to change.)
            affected.formUnion(toRender.filter { !site.pages[$0].sourcePath.isEmpty })
            let readers = reads.readers(of: changedInputs)
            if !readers.isEmpty {
                for (index, page) in site.pages.enumerated() where readers.contains(page.outputPath) { affected.insert(index) }
            }
            // Pages that did not render last time (errors, or not rendered yet) are tried again. In
            // place, `rendered` holds only pages of this build: a full count means every one rendered.
            if !swapsInPlace || rendered.count < site.pages.count || !renderDiagnostics.isEmpty {
                for index in site.pages.indices {
                    let path = site.pages[index].outputPath
                    if rendered[path] == nil || renderDiagnostics[path] != nil || !reads.hasRecord(of: path) { affected.insert(index) }
                }
            }
            // Pager pages show their list page's own text (title, `_index.md`): redone with it.
            for (section, pagers) in site.pagerPages where site.sectionListPage[section].map(affected.contains) ?? false {
                affected.formUnion(pagers)
            }
        }

        var renderedPages = 0
        var renderedPaths: [String] = []
        if let library = templates.library {
            let indexes = affected.sorted().filter { !site.pages[$0].hasErrors }
            renderedPaths = indexes.map { site.pages[$0].outputPath }
            for index in affected where site.pages[index].hasErrors {
                rendered[site.pages[index].outputPath] = nil
                renderDiagnostics[site.pages[index].outputPath] = nil
                reads.forget(site.pages[index].outputPath)
                rawReads[site.pages[index].outputPath] = nil
                expandedMarkdown[site.pages[index].outputPath] = nil
            }
            let stream = PageStream(assembly: assembly, library: library, templatesDisplay: templatesDisplay, contentRoot: nil,
                                    resolver: linkResolver ?? MarkdownStage.resolver(for: [], drafts: []),
                                    markdownOptions: MarkdownStage.options(config), indexes: indexes, searchOptions: nil,
                                    staging: nil, keepsBytes: true, recordsReads: true)
            let streamed = stream.run()
            renderedPages = indexes.count
            if !swapsInPlace { rawReads = [:] }
            for visit in streamed.visited {
                let path = site.pages[visit.index].outputPath
                let pageReads = visit.reads ?? PageReads()
                if rawReads[path] != pageReads || !reads.hasRecord(of: path) {
                    reads.record(path, reads: pageReads.inputs(in: assembly))
                    rawReads[path] = pageReads
                }
                rendered[path] = visit.file?.bytes
                renderDiagnostics[path] = visit.file == nil ? visit.diagnostics : nil
                expandedMarkdown[path] = visit.expanded
            }
        }
        if !swapsInPlace {
            // Pages may have gone: forget what they rendered.
            let livePaths = Set(site.pages.map(\.outputPath))
            for path in rendered.keys where !livePaths.contains(path) { reads.forget(path) }
            rendered = rendered.filter { livePaths.contains($0.key) }
            renderDiagnostics = renderDiagnostics.filter { livePaths.contains($0.key) }
            expandedMarkdown = expandedMarkdown.filter { livePaths.contains($0.key) }
        }
        // Without templates nothing renders, as in a full build: the errors of earlier renders are moot
        // (those pages have no file, so they are rendered again once the templates are fixed).
        if templates.library == nil { renderDiagnostics = [:] }
        for diagnostics in renderDiagnostics.values { report.diagnostics.append(contentsOf: diagnostics) }
        clock.lap("render", &report)

        // Site-wide files: made now, or (serve) left as they were and made after the pages are out.
        let deferring = defersSiteWideFiles && !full && !changed.isEmpty && !siteWidePaths.isEmpty
        var siteWide: [OutputFile] = []
        if !deferring {
            let expanded = withExpandedShortcodes(assembly)
            let searchFiles = SearchStage.files(for: expanded.site, settings: config.search)
            BuildStages.countSearchIndex(files: searchFiles.count, bytes: searchFiles.reduce(0) { $0 + $1.bytes.count }, into: &report)
            siteWide = searchFiles + expanded.siteFiles()
        }
        clock.lap("search index", &report)

        // An in-place edit after a good build: patch the files it changed instead of listing them all.
        let templatesChanged = changed.contains(where: { $0.hasPrefix(templatesPrefix) || $0 == templatesRoot })
        if swapsInPlace && !templatesChanged && lastRebuildSucceeded {
            report.pageCount = rendered.count
            clock.lap("site files", &report)
            guard report.succeeded else {
                lastRebuildSucceeded = false
                return IncrementalResult(report: report, changedOutputs: [], renderedPages: renderedPages, fullRebuild: full)
            }
            var changedOutputs: [String] = []
            func put(_ path: String, _ bytes: [UInt8]) {
                if !IncrementalBuilder.same(outputs[path], bytes) {
                    outputs[path] = bytes
                    changedOutputs.append(path)
                }
            }
            for path in renderedPaths { if let bytes = rendered[path] { put(path, bytes) } }
            for file in assembly.calendarFiles + assembly.redirectFiles { put(file.path, file.bytes) }
            if deferring {
                pendingAssembly = withExpandedShortcodes(assembly)
            } else {
                let paths = Set(siteWide.map(\.path))
                for path in siteWidePaths where !paths.contains(path) {
                    outputs[path] = nil
                    changedOutputs.append(path)
                }
                for file in siteWide { put(file.path, file.bytes) }
                pendingAssembly = nil
                siteWidePaths = paths
            }
            report.fileCount = outputs.count
            return IncrementalResult(report: report, changedOutputs: changedOutputs.sorted(), renderedPages: renderedPages, fullRebuild: full)
        }

        if deferring {
            siteWide = siteWidePaths.sorted().compactMap { path in outputs[path].map { OutputFile(path: path, bytes: $0) } }
        }
        let pageFiles = site.pages.compactMap { page in rendered[page.outputPath].map { OutputFile(path: page.outputPath, bytes: $0) } }
        let files = pageFiles + assembly.calendarFiles + assembly.redirectFiles + siteWide + templates.assets
        // Outputs can only start to clash when pages move or templates (assets) change.
        BuildStages.finish(files, pageCount: pageFiles.count, site: site, templatesDisplay: templatesDisplay,
                           checksClashes: !swapsInPlace || templatesChanged, keepsFiles: true, into: &report)
        clock.lap("site files", &report)

        guard report.succeeded else {
            lastRebuildSucceeded = false
            return IncrementalResult(report: report, changedOutputs: [], renderedPages: renderedPages, fullRebuild: full)
        }
        lastRebuildSucceeded = true
        var next: [String: [UInt8]] = [:]
        for file in files { next[file.path] = file.bytes }
        let changedOutputs = Set(next.keys).union(outputs.keys).filter { next[$0] != outputs[$0] }.sorted()
        outputs = next
        if deferring {
            pendingAssembly = withExpandedShortcodes(assembly)
        } else {
            pendingAssembly = nil
            siteWidePaths = Set(siteWide.map(\.path))
        }
        return IncrementalResult(report: report, changedOutputs: changedOutputs, renderedPages: renderedPages, fullRebuild: full)
    }

    /// `assembly` with the pages' shortcodes expanded as their renders expanded them, for the search
    /// index and the feed, which show the shortcodes' text.
    private func withExpandedShortcodes(_ assembly: Assembly) -> Assembly {
        var assembly = assembly
        for index in assembly.site.pages.indices where !(assembly.site.pages[index].markdown?.shortcodes.isEmpty ?? true) {
            if let expanded = expandedMarkdown[assembly.site.pages[index].outputPath] { assembly.site.pages[index].markdown = expanded }
        }
        return assembly
    }

    /// Whether a page names the same terms after an edit as before, and counts alike (drafts do not):
    /// else the taxonomies' pages may appear, disappear or move, and the site is reassembled.
    static func sameTerms(_ before: Page, _ after: Page, config: SiteConfig) -> Bool {
        config.taxonomies.isEmpty || before.frontMatter.draft == after.frontMatter.draft
            && config.taxonomies.allSatisfy { before.frontMatter.params[$0.name] == after.frontMatter.params[$0.name] }
    }

    /// Whether `old` holds exactly `new` (memcmp: list pages are megabytes).
    static func same(_ old: [UInt8]?, _ new: [UInt8]) -> Bool {
        guard let old, old.count == new.count else { return false }
        return old.withUnsafeBytes { a in new.withUnsafeBytes { b in a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 } }
    }

    /// Whether the edited single page `source` still sorts between its neighbours of the last order
    /// (those as they are now): then its section's order is the same although its sort key changed.
    private func keepsPlace(_ source: String, in pages: [Page]) -> Bool {
        guard let site = lastSite, let index = lastIndexBySource[source], pages[index].kind == .single,
              let members = site.sectionMembers[pages[index].section], let position = members.firstIndex(of: index) else { return false }
        let key = SiteModel.SortKey(pages[index])
        if position > members.startIndex, !(SiteModel.SortKey(pages[members[position - 1]]) < key) { return false }
        if position + 1 < members.endIndex, !(key < SiteModel.SortKey(pages[members[position + 1]])) { return false }
        return true
    }

    /// The site-wide files (search index, sitemap, feed) a deferring `rebuild` left as they were.
    /// `make()` is pure and may run on any thread while this builder goes on; give its files to
    /// `installDeferred(_:version:)`, which takes them only when no later rebuild made them stale.
    public struct DeferredWork: Sendable {
        /// The builder's `version` when the rebuild that left these files for later was done.
        public let version: Int
        let assembly: Assembly
        let settings: SearchSettings

        public func make() -> [OutputFile] {
            SearchStage.files(for: assembly.site, settings: settings) + assembly.siteFiles()
        }
    }

    /// The site-wide files the last rebuild left for later, if any.
    public func deferredWork() -> DeferredWork? {
        guard let assembly = pendingAssembly, let config else { return nil }
        return DeferredWork(version: version, assembly: assembly, settings: config.search)
    }

    /// Puts in the files `work` made at `version`; returns the output paths that changed, or nil
    /// (nothing taken) when a rebuild since has made them stale.
    public func installDeferred(_ files: [OutputFile], version: Int) -> [String]? {
        guard pendingAssembly != nil, version == self.version else { return nil }
        pendingAssembly = nil
        let paths = Set(files.map(\.path))
        var changed: [String] = []
        for path in siteWidePaths where !paths.contains(path) {
            outputs[path] = nil
            changed.append(path)
        }
        for file in files where outputs[file.path] != file.bytes {
            outputs[file.path] = file.bytes
            changed.append(file.path)
        }
        siteWidePaths = paths
        return changed.sorted()
    }

    /// Makes the site-wide files a deferring `rebuild` left as they were, here and now; returns the
    /// output paths that changed (empty when nothing was pending).
    public func completeDeferredFiles() -> [String] {
        guard let work = deferredWork() else { return [] }
        return installDeferred(work.make(), version: work.version) ?? []
    }
}

/// Tells whether a file's bytes changed without keeping them: its length and two 64-bit hashes
/// (Swift's seeded SipHash, and FNV-1a's digest).
struct SourceDigest: Equatable {
    var count: Int
    var sip: Int
    var fnv: UInt64

    init(_ bytes: [UInt8]) {
        count = bytes.count
        var hasher = Hasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        sip = hasher.finalize()
        fnv = FNV1a.digest(bytes)
    }
}

extension SourceFile {
    /// The file's paths without its bytes.
    var withoutBytes: SourceFile { SourceFile(relativePath: relativePath, displayPath: displayPath, bytes: []) }
}
