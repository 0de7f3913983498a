import Foundation
import MarkdownRenderer
import SiteSupport
import TemplateEngine

/// What a run of the pipeline did.
public struct RebuildResult: Sendable {
    public var report: BuildReport
    /// Output paths whose bytes changed, appeared or disappeared since the last good build (kept
    /// results only).
    public var changedOutputs: [String]
    /// Pages rendered through their templates by this run.
    public var renderedPages: Int
    /// Whether everything was rebuilt (the first run, site.yml changed, a template added or removed).
    public var fullRebuild: Bool

    public init(report: BuildReport, changedOutputs: [String], renderedPages: Int, fullRebuild: Bool) {
        self.report = report
        self.changedOutputs = changedOutputs
        self.renderedPages = renderedPages
        self.fullRebuild = fullRebuild
    }
}

/// The one build pipeline of `build`, `check` and `serve`: config → data → content (front matter,
/// Markdown) → templates → assembly → render (`PageStream`) → site-wide files → checks → output.
///
/// A run redoes what the changes it is given mark, and a full build is the run where everything is
/// marked. How it knows what a change marks: every value a page shows of other pages reaches its
/// template wrapped as a `TemplateValue.input` naming a `BuildInput` (another page's summary, a
/// section's head or pages, the list of sections, a data file, a taxonomy's terms; see
/// `ContextBuilder`), and each render records the inputs its template opened, with the templates
/// it went through (`RecordedReads`). A run compares the inputs' values with the last ones
/// (`InputValues`) and re-renders the pages whose source or Markdown changed and the pages that
/// read a changed input — whatever their layouts show, with no rule of its own; pages appearing,
/// disappearing or moving are changes of such inputs too (a section's pages and count, the summary
/// at an output path).
///
/// Two ways to hold the results, chosen when the pipeline is made:
/// - streaming (`keepsResults: false`; `build`, `check`): run once, everything marked. The first
///   pass keeps no page's text, the render loop reads each file again and writes each page into
///   the staging folder as it renders (or keeps it in memory for `check`), and the search index is
///   tokenized page by page; memory does not grow with the pages' text.
/// - kept (`keepsResults: true`; `serve`): parses, Markdown, rendered pages, recorded reads and the
///   inputs' values stay in memory, nothing is written to disk, and each `rebuild(changed:)`
///   redoes only what its changes mark.
public final class BuildPipeline {
    public let options: BuildOptions
    /// Whether results are kept in memory for the next run (`serve`), or streamed (`build`, `check`).
    public let keepsResults: Bool
    /// Files of the last run that succeeded, by output path (kept results only).
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
    /// By output path, with the page's source.
    private var expandedMarkdown: [String: (source: String, markdown: RenderedMarkdown)] = [:]
    private var outputBySource: [String: String] = [:]
    /// What each page's output read when it was last rendered, and who read each input.
    private var reads = RecordedReads()
    /// The same as the template engine gave it, while edits keep every page in place (and so the
    /// ids meaning the same): a page that read the same ids read the same inputs.
    private var rawReads: [String: PageReads] = [:]
    /// The inputs' values at the last rebuild.
    private var inputValues = InputValues()

    /// With this on (kept results only), `rebuild` leaves the search index, sitemap and feed as they
    /// were, so the pages a change affects are ready sooner; `completeDeferredFiles()` then brings
    /// those up to date. The preview server turns it on; a full `build()` never defers.
    public var defersSiteWideFiles = false
    /// Output paths of the search index, sitemap, robots.txt, feed and .nojekyll of the last build.
    private var siteWidePaths: Set<String> = []
    /// The assembly whose site-wide files are still to be made, and the expanded Markdown of its
    /// pages with shortcodes (put in by the deferred work, off the edited page's way).
    private var pending: (assembly: Assembly, expanded: [(index: Int, markdown: RenderedMarkdown)])? {
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
    /// The site of the last rebuild, whose order and groups an edit that keeps them can reuse, and
    /// the number of pages it was assembled from.
    private var lastSite: SiteModel?
    private var lastAssembledCount = 0
    /// Whether `outputs` is the last rebuild's result (it is not after a failed rebuild).
    private var lastRebuildSucceeded = false
    /// Page summaries and section lists of earlier renders, for list pages re-rendered by an edit.
    let summaries = SummaryCache()

    /// A pipeline under `options`; with `keepsResults`, one that writes nothing to disk and keeps
    /// what each run made for the next.
    public init(options: BuildOptions, keepsResults: Bool = true) {
        var options = options
        if keepsResults { options.dryRun = true }
        self.options = options
        self.keepsResults = keepsResults
    }

    private var contentRoot: String { options.absolute(options.contentDir) }
    private var templatesRoot: String { options.absolute(options.templatesDir) }

    /// A full build from disk, with every cache refilled.
    public func build() -> BuildReport {
        config = nil
        forgetContent()
        templateBytes = [:]
        linkResolver = nil
        reads.forgetAll()
        rawReads = [:]
        inputValues = InputValues()
        return rebuild(changed: []).report
    }

    /// Forgets every content file's parse and Markdown and every page's render (the config changed).
    private func forgetContent() {
        sources = [:]
        markdownCache = [:]
        sourcesWithMarkdownDiagnostics = []
        rendered = [:]
        renderDiagnostics = [:]
        expandedMarkdown = [:]
    }

    /// Runs the pipeline after changes to the files at `changed` (absolute paths of files or folders
    /// under the content or templates folder, added, edited or removed); the first run (and every
    /// run of a streaming pipeline) marks everything. Every stage collects diagnostics instead of
    /// stopping; the output is only replaced when no stage found an error.
    public func rebuild(changed: [String]) -> RebuildResult {
        var report = BuildReport()
        report.warningsAreErrors = options.warningsAreErrors
        var clock = StageClock()
        let templatesDisplay = options.display(options.templatesDir)
        let contentPrefix = contentRoot + "/"
        let templatesPrefix = templatesRoot + "/"
        func failed(renderedPages: Int = 0, full: Bool = true) -> RebuildResult {
            lastRebuildSucceeded = false
            return RebuildResult(report: report, changedOutputs: [], renderedPages: renderedPages, fullRebuild: full)
        }

        if !options.dryRun, let problem = OutputGuard.problem(
            output: options.absolute(options.outputDir), content: contentRoot, templates: templatesRoot,
            projectRoot: options.workingDirectory) {
            report.diagnostics.append(.error(options.display(options.outputDir), problem))
            return failed()
        }

        // Configuration: a change to site.yml rebuilds everything.
        var full = !keepsResults || config == nil || changed.contains(contentPrefix + "site.yml")
        if full {
            (config, configDiagnostics) = ConfigStage.load(options)
            forgetContent()
        }
        report.diagnostics.append(contentsOf: configDiagnostics)
        guard let config else { return failed() }

        // Data files: read again when one changed (or the content folder itself); what changed is
        // an input (`BuildInput.data`), redone where read.
        let dataRoot = contentPrefix + SiteData.folder
        let isData = { (path: String) in path == dataRoot || path.hasPrefix(dataRoot + "/") }
        if full || changed.contains(where: { isData($0) || $0 == contentRoot }) {
            (data, dataDiagnostics) = DataLoader.load(contentRoot: contentRoot, contentDisplay: options.display(options.contentDir),
                                                      config: config)
        }
        report.diagnostics.append(contentsOf: dataDiagnostics)
        clock.lap("config", &report)

        // Content and Markdown: what changed read again, the rest kept; or (streaming) every file
        // read once for its front matter and first paragraph, its text dropped until it renders.
        var content = keepsResults
            ? keptContent(changed: changed, full: full, config: config, isData: isData, report: &report, clock: &clock)
            : streamedContent(config: config, report: &report, clock: &clock)
        // Taken out, so that the one copy is dropped once assembled.
        var pages = content.pages
        content.pages = []
        let (swapsInPlace, changedSources, previousParses) = (content.swapsInPlace, content.changedSources, content.previousParses)
        let resolver = content.resolver

        // Templates: reload when any changed, and note which.
        var changedTemplates: Set<String> = []
        let templatesChanged = changed.contains(where: { $0.hasPrefix(templatesPrefix) || $0 == templatesRoot })
        if !keepsResults {
            (templates, templateDiagnostics) = TemplateStage.load(root: templatesRoot, displayRoot: templatesDisplay)
        } else if full || templates.library == nil || templatesChanged {
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
        if keepsResults { lastPages = pages }
        clock.lap("templates", &report)

        // Reuse the last order and groups when no edited page changed its group or its place in its
        // section, and the same pages are assembled (templates that fail to load give no 404 page).
        let samePages = swapsInPlace && pages.count == lastAssembledCount
        let keepsOrder = samePages && changedSources.allSatisfy { source in
            guard let before = previousParses[source]??.page, let after = sources[source]?.parsed.page else { return false }
            let group = config.section(named: after.section)?.groupBy
            guard group.map({ before.frontMatter.params[$0] == after.frontMatter.params[$0] }) ?? true else { return false }
            return SiteModel.SortKey(before) == SiteModel.SortKey(after) || keepsPlace(source, in: pages)
        }
        // Terms and their order stay when no edited page changed its place among its terms' pages
        // (in place, none changed its terms).
        let keepsTerms = samePages && changedSources.allSatisfy { source in
            guard let before = previousParses[source]??.page, let after = sources[source]?.parsed.page else { return false }
            return SiteModel.SortKey(before) == SiteModel.SortKey(after) || keepsPlaceInTerms(source, in: pages)
        }
        let keptTerms = keepsTerms ? lastSite?.taxonomies : nil
        var assembly = Assembly(config: config, pages: pages, data: data, reusingOrderOf: keepsOrder ? lastSite : nil,
                                reusingTermsOf: keptTerms)
        report.diagnostics.append(contentsOf: assembly.diagnostics)
        let site = assembly.site
        var changedInputs: Set<BuildInput> = []
        let editedIndexes = swapsInPlace ? changedSources.compactMap { lastIndexBySource[$0] } : nil
        if keepsResults {
            (lastSite, lastAssembledCount) = (site, pages.count)
            // The inputs this change changed (in place, only the edited pages' summaries can have).
            changedInputs = inputValues.update(site, contexts: assembly.contexts, pages: editedIndexes, termsKept: keptTerms != nil)
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
        }
        pages = []
        clock.lap("assemble", &report)

        // Which pages to render: all on a full rebuild; else those whose own source or Markdown
        // changed, those that did not render last time, and those that read a changed input.
        var affected: Set<Int> = []
        if !full {
            // (A list page with no `_index.md` has no Markdown of its own to change.)
            affected.formUnion(content.markdownRendered.filter { !site.pages[$0].sourcePath.isEmpty })
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

        // Pages are written into the staging folder as they are rendered, unless nothing will be written.
        var staging: StagingFolder?
        if !options.dryRun && !report.diagnostics.hasErrors {
            do {
                staging = try StagingFolder(output: options.absolute(options.outputDir), display: options.display(options.outputDir),
                                            waiting: options.otherBuilds)
            } catch {
                report.diagnostics.append(.error(options.display(options.outputDir), error.description))
                return failed()
            }
        }

        // Render, on all cores (`PageStream`): every page or the marked ones, each written as it is
        // done or kept; streaming, each page's text is tokenized for search on the way.
        let stream = PageStream(assembly: assembly, library: templates.library, templatesDisplay: templatesDisplay,
                                contentRoot: keepsResults ? nil : contentRoot, resolver: resolver,
                                markdownOptions: MarkdownStage.options(config), indexes: full ? nil : affected.sorted(),
                                searchOptions: keepsResults ? nil : SearchStage.options(config.search), staging: staging,
                                keepsBytes: options.dryRun, recordsReads: keepsResults)
        let streamed = stream.run()
        let renderedPages = templates.library == nil ? 0
            : full ? site.pages.count { !$0.hasErrors } : affected.count { !site.pages[$0].hasErrors }
        if keepsResults {
            keep(streamed.visited, of: assembly, inPlace: swapsInPlace)
            // Without templates nothing renders, as in a full build: the errors of earlier renders are
            // moot (those pages have no file, so they are rendered again once the templates are fixed).
            if templates.library == nil { renderDiagnostics = [:] }
            for diagnostics in renderDiagnostics.values { report.diagnostics.append(contentsOf: diagnostics) }
        } else {
            report.diagnostics.append(contentsOf: streamed.diagnostics)
        }
        clock.lap("render", &report)

        // (From here on the site is `assembly.site`, with no second reference, so that the feed's
        // Markdown goes in without copying the list of pages.)
        // Site-wide files: the search index (finished from the streamed pages' terms, or made from
        // every page's kept text), sitemap, robots.txt, feed and .nojekyll; `serve` may make them
        // after the pages are out.
        let deferring = keepsResults && defersSiteWideFiles && !full && !changed.isEmpty && !siteWidePaths.isEmpty
        var searchFiles: [OutputFile] = []
        var siteFiles: [OutputFile] = []
        // Search and the feed show the shortcodes' text (when deferred, put in by the deferred work);
        // streaming, the feed gets its entries' rendered Markdown.
        let expanded = keepsResults ? expansions(in: assembly.site) : []
        if !deferring {
            assembly.site.give(keepsResults ? expanded : streamed.feedMarkdown)
            let made = Self.siteWideFiles(assembly, settings: config.search, streamed: keepsResults ? nil : streamed)
            (searchFiles, siteFiles) = (made.search, made.site)
            report.diagnostics.append(contentsOf: made.diagnostics)
            // (Streamed search files keep only their paths.)
            report.searchIndexFiles = searchFiles.count
            report.searchIndexBytes = streamed.searchIndex?.byteCount ?? searchFiles.reduce(0) { $0 + $1.bytes.count }
        }
        clock.lap("search, feed", &report)

        // Kept results after an in-place edit of a good build: patch the files it changed instead of
        // listing them all.
        if keepsResults && swapsInPlace && !templatesChanged && lastRebuildSucceeded {
            report.pageCount = rendered.count
            clock.lap("checks", &report)
            guard report.succeeded else { return failed(renderedPages: renderedPages, full: full) }
            let renderedPaths = streamed.visited.map { assembly.site.pages[$0.index].outputPath }
            var changedOutputs = patch(renderedPaths: renderedPaths, files: assembly.calendarFiles + assembly.redirectFiles,
                                       siteWide: deferring ? nil : searchFiles + siteFiles)
            if deferring { pending = (assembly, expanded) }
            changedOutputs.sort()
            report.fileCount = outputs.count
            return RebuildResult(report: report, changedOutputs: changedOutputs, renderedPages: renderedPages, fullRebuild: full)
        }

        if deferring {
            searchFiles = siteWidePaths.sorted().compactMap { path in outputs[path].map { OutputFile(path: path, bytes: $0) } }
        }
        let pageFiles = keepsResults
            ? assembly.site.pages.compactMap { page in rendered[page.outputPath].map { OutputFile(path: page.outputPath, bytes: $0) } }
            : streamed.outputs
        let others = assembly.calendarFiles + assembly.redirectFiles + siteFiles + templates.assets
        let files = pageFiles + searchFiles + others
        // Outputs can only start to clash when pages move or templates (assets) change.
        if !swapsInPlace || templatesChanged {
            report.diagnostics.append(contentsOf: OutputClashes.check(files, site: assembly.site, templatesDisplay: templatesDisplay))
        }
        report.pageCount = pageFiles.count
        report.fileCount = files.count
        if options.dryRun { report.files = files }
        clock.lap("checks", &report)
        if options.checkOutput {
            report.diagnostics.append(contentsOf: SiteChecker.check(files, baseURL: config.baseURL,
                                                                    outputDisplay: options.display(options.outputDir),
                                                                    maxPageKB: config.check.maxPageKB))
            clock.lap("check", &report)
        }

        guard report.succeeded else {
            staging?.discard()
            return failed(renderedPages: renderedPages, full: full)
        }
        lastRebuildSucceeded = true
        if let staging {
            // Streaming: the pages and the search index are in the staging folder already.
            do {
                for file in others { try staging.write(file) }
                report.writeStats = try staging.commit()
            } catch {
                staging.discard()
                report.diagnostics.append(.error(options.display(options.outputDir), error.description))
            }
            clock.lap("write", &report)
            return RebuildResult(report: report, changedOutputs: [], renderedPages: renderedPages, fullRebuild: full)
        }
        guard keepsResults else {
            return RebuildResult(report: report, changedOutputs: [], renderedPages: renderedPages, fullRebuild: full)
        }
        var next: [String: [UInt8]] = [:]
        for file in files { next[file.path] = file.bytes }
        let changedOutputs = Set(next.keys).union(outputs.keys).filter { next[$0] != outputs[$0] }.sorted()
        outputs = next
        if deferring {
            pending = (assembly, expanded)
        } else {
            pending = nil
            siteWidePaths = Set((searchFiles + siteFiles).map(\.path))
        }
        return RebuildResult(report: report, changedOutputs: changedOutputs, renderedPages: renderedPages, fullRebuild: full)
    }

    /// The site-wide files: the search index, and the sitemap, robots.txt, feed and `.nojekyll` (made
    /// on another thread: neither needs the other). The index is finished from the terms the render
    /// loop counted when it `streamed` the pages (its files already written to staging), or made
    /// whole from every page's kept text.
    static func siteWideFiles(_ assembly: Assembly, settings: SearchSettings,
                              streamed: PageStream.Output?) -> (search: [OutputFile], site: [OutputFile], diagnostics: [Diagnostic]) {
        let made = Made<[OutputFile]>()
        let making = DispatchGroup()
        DispatchQueue.global().async(group: making) { made.value = assembly.siteFiles() }
        let (search, diagnostics) = streamed?.finishSearchIndex() ?? (SearchStage.files(for: assembly.site, settings: settings), [])
        making.wait()
        return (search, made.value ?? [], diagnostics)
    }

    /// Keeps what the render loop made of the pages it visited: their files or errors, what they
    /// read, their expanded shortcodes; and forgets what pages that are gone made.
    private func keep(_ visited: [PageStream.Visited], of assembly: Assembly, inPlace: Bool) {
        let site = assembly.site
        if !inPlace { rawReads = [:] }
        for visit in visited {
            let path = site.pages[visit.index].outputPath
            if site.pages[visit.index].hasErrors || visit.reads == nil {
                // Not rendered: its errors are its own (reported with its front matter or Markdown).
                reads.forget(path)
                rawReads[path] = nil
                rendered[path] = nil
                renderDiagnostics[path] = nil
                expandedMarkdown[path] = nil
                continue
            }
            let pageReads = visit.reads ?? PageReads()
            if rawReads[path] != pageReads || !reads.hasRecord(of: path) {
                reads.record(path, reads: pageReads.inputs(in: assembly))
                rawReads[path] = pageReads
            }
            rendered[path] = visit.file?.bytes
            renderDiagnostics[path] = visit.file == nil ? visit.diagnostics : nil
            expandedMarkdown[path] = visit.expanded.map { (site.pages[visit.index].sourcePath, $0) }
        }
        if !inPlace {
            // Pages may have gone: forget what they rendered.
            let livePaths = Set(site.pages.map(\.outputPath))
            for path in rendered.keys where !livePaths.contains(path) { reads.forget(path) }
            rendered = rendered.filter { livePaths.contains($0.key) }
            renderDiagnostics = renderDiagnostics.filter { livePaths.contains($0.key) }
            expandedMarkdown = expandedMarkdown.filter { livePaths.contains($0.key) }
        }
    }

    /// Puts the files an in-place edit changed into `outputs` (and the site-wide files, unless
    /// nil: deferred); returns the output paths whose bytes changed.
    private func patch(renderedPaths: [String], files: [OutputFile], siteWide: [OutputFile]?) -> [String] {
        var changedOutputs: [String] = []
        func put(_ path: String, _ bytes: [UInt8]) {
            if !BuildPipeline.same(outputs[path], bytes) {
                outputs[path] = bytes
                changedOutputs.append(path)
            }
        }
        for path in renderedPaths { if let bytes = rendered[path] { put(path, bytes) } }
        for file in files { put(file.path, file.bytes) }
        if let siteWide {
            let paths = Set(siteWide.map(\.path))
            for path in siteWidePaths where !paths.contains(path) {
                outputs[path] = nil
                changedOutputs.append(path)
            }
            for file in siteWide { put(file.path, file.bytes) }
            pending = nil
            siteWidePaths = paths
        }
        return changedOutputs
    }

    /// What the content stage gives the rest of a run.
    private struct ContentPass {
        var pages: [Page]
        /// Link targets of every page.
        var resolver: LinkResolver
        /// The pages whose Markdown this run rendered.
        var markdownRendered: [Int]
        /// The sources this run read again (kept results), and their parses before (files read one by one).
        var changedSources: Set<String> = []
        var previousParses: [String: ContentLoader.ParsedFile?] = [:]
        /// Whether the edits kept every page in place, so that the last list was patched.
        var swapsInPlace = false
    }

    /// Streaming: every file read once for its front matter and first paragraph (`ContentLoader.load`),
    /// no page's text kept but the section lists', whose Markdown other pages show.
    private func streamedContent(config: SiteConfig, report: inout BuildReport, clock: inout StageClock) -> ContentPass {
        let markdownOptions = MarkdownStage.options(config)
        let (paths, scanDiagnostics) = ContentScanner.list(root: contentRoot, displayRoot: options.display(options.contentDir))
        report.diagnostics.append(contentsOf: scanDiagnostics)
        var loaded = ContentLoader.load(paths, root: contentRoot, displayRoot: options.display(options.contentDir), config: config,
                                        includeDrafts: options.includeDrafts, markdownOptions: markdownOptions)
        report.diagnostics.append(contentsOf: loaded.diagnostics)
        var pages = loaded.pages
        loaded.pages = []
        clock.lap("read + parse", &report)
        let resolver = MarkdownStage.resolver(for: pages, drafts: loaded.drafts, failed: loaded.failed)
        let sectionPages = pages.indices.filter { pages[$0].kind == .section }
        report.diagnostics.append(contentsOf: MarkdownStage.run(&pages, config: config, drafts: loaded.drafts, indexes: sectionPages,
                                                                resolver: resolver))
        for index in sectionPages { pages[index].body = "" }
        return ContentPass(pages: pages, resolver: resolver, markdownRendered: sectionPages)
    }

    /// Kept results: the files that changed read and parsed again, the rest kept; the Markdown of
    /// pages whose source changed or that link to a page that moved rendered again.
    private func keptContent(changed: [String], full: Bool, config: SiteConfig, isData: (String) -> Bool,
                             report: inout BuildReport, clock: inout StageClock) -> ContentPass {
        let contentPrefix = contentRoot + "/"
        // Re-read what changed (everything on a full build or when a folder changed).
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
        return ContentPass(pages: pages, resolver: linkResolver!, markdownRendered: toRender, changedSources: changedSources,
                           previousParses: previousParses, swapsInPlace: swapsInPlace)
    }

    /// The pages of `site` with shortcodes, by index, with their Markdown expanded as their renders
    /// expanded it: search and the feed show the shortcodes' text.
    private func expansions(in site: SiteModel) -> [(index: Int, markdown: RenderedMarkdown)] {
        expandedMarkdown.compactMap { path, expanded in
            guard let index = site.pageBySource[expanded.source], site.pages[index].outputPath == path else { return nil }
            return (index, expanded.markdown)
        }
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

    /// Whether the edited page `source` still sorts between its neighbours (as they are now) among
    /// the pages of each of its terms in the last taxonomy index: then every term's pages are in the
    /// same order although its sort key changed (a retitled page, most often).
    private func keepsPlaceInTerms(_ source: String, in pages: [Page]) -> Bool {
        guard let taxonomies = lastSite?.taxonomies, let index = lastIndexBySource[source] else { return false }
        let key = SiteModel.SortKey(pages[index])
        for taxonomy in taxonomies.taxonomies {
            for (_, slug) in taxonomies.terms(of: pages[index], taxonomy: taxonomy.name) {
                guard let term = taxonomy.termBySlug[slug].map({ taxonomy.terms[$0] }),
                      let position = term.members.firstIndex(of: index) else { return false }
                let members = term.members
                if position > members.startIndex, !(SiteModel.SortKey(pages[members[position - 1]]) < key) { return false }
                if position + 1 < members.endIndex, !(key < SiteModel.SortKey(pages[members[position + 1]])) { return false }
            }
        }
        return true
    }

    /// The site-wide files (search index, sitemap, feed) a deferring `rebuild` left as they were.
    /// `make()` is pure and may run on any thread while this builder goes on; give its files to
    /// `installDeferred(_:version:)`, which takes them only when no later rebuild made them stale.
    public struct DeferredWork: Sendable {
        /// The builder's `version` when the rebuild that left these files for later was done.
        public let version: Int
        let assembly: Assembly
        let expanded: [(index: Int, markdown: RenderedMarkdown)]
        let settings: SearchSettings

        public func make() -> [OutputFile] {
            var assembly = assembly
            assembly.site.give(expanded)
            let made = BuildPipeline.siteWideFiles(assembly, settings: settings, streamed: nil)
            return made.search + made.site
        }
    }

    /// The site-wide files the last rebuild left for later, if any.
    public func deferredWork() -> DeferredWork? {
        guard let pending, let config else { return nil }
        return DeferredWork(version: version, assembly: pending.assembly, expanded: pending.expanded, settings: config.search)
    }

    /// Puts in the files `work` made at `version`; returns the output paths that changed, or nil
    /// (nothing taken) when a rebuild since has made them stale.
    public func installDeferred(_ files: [OutputFile], version: Int) -> [String]? {
        guard pending != nil, version == self.version else { return nil }
        pending = nil
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

extension SiteModel {
    /// Gives the pages at the indexes their rendered Markdown.
    mutating func give(_ markdown: [(index: Int, markdown: RenderedMarkdown)]) {
        for (index, rendered) in markdown { pages[index].markdown = rendered }
    }
}

/// A value made on another thread, read after waiting for it.
private final class Made<Value>: @unchecked Sendable {
    var value: Value?
}

/// Times the pipeline's stages for `--timings`.
struct StageClock {
    private var last = ContinuousClock.now

    mutating func lap(_ stage: String, _ report: inout BuildReport) {
        let now = ContinuousClock.now
        let elapsed = now - last
        report.timings.append((stage, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
        last = now
    }
}
