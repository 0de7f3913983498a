import Foundation
import SearchIndex
import TemplateEngine

/// The whole pipeline: read → parse → Markdown → assemble → render → write. Every stage collects
/// diagnostics instead of stopping; the output folder is only replaced when no stage found an error.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) -> BuildReport {
        var report = BuildReport()
        report.warningsAreErrors = options.warningsAreErrors
        var clock = StageClock()
        let contentDisplay = options.display(options.contentDir)
        let templatesDisplay = options.display(options.templatesDir)

        if let problem = OutputGuard.problem(output: options.absolute(options.outputDir), content: options.absolute(options.contentDir),
                                             templates: options.absolute(options.templatesDir), projectRoot: options.workingDirectory),
           !options.dryRun {
            report.diagnostics.append(.error(options.display(options.outputDir), problem))
            return report
        }

        // Configuration.
        let configPath = options.absolute(options.contentDir) + "/site.yml"
        let configDisplay = ContentScanner.join(contentDisplay, "site.yml")
        guard let configBytes = ContentScanner.readFile(configPath) else {
            report.diagnostics.append(.error(configDisplay, "site configuration not found (is \(contentDisplay) the content folder?)"))
            return report
        }
        var config: SiteConfig
        switch SourceText.decode(configBytes) {
        case .failure(let position):
            report.diagnostics.append(.error(configDisplay, line: position.line, column: position.column, "file is not valid UTF-8"))
            return report
        case .success(let text):
            let (parsed, diagnostics) = SiteConfig.parse(text, path: configDisplay)
            report.diagnostics.append(contentsOf: diagnostics)
            guard let parsed else { return report }
            config = parsed
        }
        if let override = options.baseURL {
            if let normalised = SiteConfig.normaliseBaseURL(override) {
                config.baseURL = normalised
            } else {
                report.diagnostics.append(.error("--base-url", "'\(override)' is not an absolute http or https URL"))
            }
        }
        clock.lap("config", &report)

        // Content.
        let (files, scanDiagnostics) = ContentScanner.scan(root: options.absolute(options.contentDir), displayRoot: contentDisplay)
        report.diagnostics.append(contentsOf: scanDiagnostics)
        clock.lap("read", &report)
        var (pages, drafts, loadDiagnostics) = ContentLoader.load(files, config: config, includeDrafts: options.includeDrafts)
        report.diagnostics.append(contentsOf: loadDiagnostics)
        if !pages.contains(where: { $0.kind == .home }) {
            var matter = FrontMatter()
            matter.title = config.title
            pages.append(Page(sourcePath: "", displayPath: "", kind: .home, section: "", slug: "", outputPath: "index.html",
                              frontMatter: matter, body: "", bodyFirstLine: 1))
        }
        clock.lap("front matter", &report)
        report.diagnostics.append(contentsOf: MarkdownStage.run(&pages, config: config, drafts: drafts))
        clock.lap("markdown", &report)

        // Templates.
        let (templates, templateDiagnostics) = TemplateStage.load(root: options.absolute(options.templatesDir), displayRoot: templatesDisplay)
        report.diagnostics.append(contentsOf: templateDiagnostics)
        if let library = templates.library, library.contains("layouts/404"), !pages.contains(where: { $0.kind == .notFound }) {
            var matter = FrontMatter()
            matter.title = "Page not found"
            pages.append(Page(sourcePath: "", displayPath: "", kind: .notFound, section: "", slug: "404", outputPath: "404.html",
                              frontMatter: matter, body: "", bodyFirstLine: 1))
        }
        clock.lap("templates", &report)

        // Site assembly: events, structured data, contexts.
        let site = SiteModel(config: config, pages: pages)
        var events: [Int: EventInfo] = [:]
        var calendars: [Int: String] = [:]
        var extraFiles: [OutputFile] = []
        let host = config.baseURL.split(separator: "/").dropFirst().first.map(String.init) ?? "localhost"
        for (index, page) in site.pages.enumerated() {
            let (event, diagnostics) = EventInfo.parse(page)
            report.diagnostics.append(contentsOf: diagnostics)
            guard let event else { continue }
            for performer in event.performers where site.pageBySource[performer] == nil {
                let at = page.frontMatter.positions["event"] ?? SourcePosition(line: 1, column: 1)
                report.diagnostics.append(.error(page.displayPath, line: at.line, column: at.column,
                                                 "event: performer '\(performer)' is not a content file of this build"))
            }
            events[index] = event
            let path = page.folder + page.slug + ".ics"
            calendars[index] = path
            let permalink = SitePath.absolute(base: config.baseURL, path: page.publicPath)
            extraFiles.append(OutputFile(path: path, text: CalendarFile.make(event: event, page: page, permalink: permalink,
                                                                             description: page.frontMatter.description ?? page.summary, host: host)))
        }
        let structured = StructuredData(site: site, events: events)
        var jsonLD: [Int: String] = [:]
        for index in site.pages.indices {
            if let json = structured.jsonLD(for: index) { jsonLD[index] = json }
        }
        let contexts = ContextBuilder(site: site, calendars: calendars, jsonLD: jsonLD)
        clock.lap("assemble", &report)

        // Rendering, in parallel across pages.
        var rendered: [OutputFile] = []
        if let library = templates.library {
            let results = ParallelMap.map(Array(site.pages.indices)) { (index: Int) -> Result<OutputFile, Diagnostics> in
                let page = site.pages[index]
                switch LayoutResolver.resolve(page, in: library, templatesDisplay: templatesDisplay) {
                case .failure(let diagnostic):
                    return .failure(Diagnostics([diagnostic]))
                case .success(let layout):
                    do throws(TemplateErrors) {
                        let bytes = try library.render(layout, context: contexts.context(for: index), strict: true)
                        return .success(OutputFile(path: page.outputPath, bytes: bytes))
                    } catch {
                        return .failure(Diagnostics(error.errors.map(TemplateStage.diagnostic)))
                    }
                }
            }
            for result in results {
                switch result {
                case .success(let file): rendered.append(file)
                case .failure(let diagnostics): report.diagnostics.append(contentsOf: diagnostics)
                }
            }
        }
        clock.lap("render", &report)

        // Search index.
        let searchFiles: [OutputFile] = []  // SEARCH-PENDING
        report.searchIndexFiles = searchFiles.count
        report.searchIndexBytes = searchFiles.reduce(0) { $0 + $1.bytes.count }
        clock.lap("search index", &report)

        let feedSections = config.sections.filter { $0.schemaType == "NewsArticle" }.map(\.name)
        var outputs = rendered + extraFiles + searchFiles
        outputs.append(OutputFile(path: "sitemap.xml", text: SiteFiles.sitemap(site)))
        outputs.append(OutputFile(path: "robots.txt", text: SiteFiles.robots(site)))
        outputs.append(OutputFile(path: "feed.xml", text: SiteFiles.atomFeed(site, feedSections: feedSections)))
        outputs.append(OutputFile(path: ".nojekyll", bytes: []))
        outputs += templates.assets
        report.diagnostics.append(contentsOf: duplicateOutputs(outputs, site: site, templatesDisplay: templatesDisplay))
        report.pageCount = rendered.count
        report.files = outputs
        clock.lap("site files", &report)
        if options.checkOutput {
            report.diagnostics.append(contentsOf: SiteChecker.check(outputs, baseURL: config.baseURL,
                                                                    outputDisplay: options.display(options.outputDir)))
            clock.lap("check", &report)
        }

        guard report.succeeded, !options.dryRun else { return report }
        do {
            report.writeStats = try OutputWriter.write(outputs, to: options.absolute(options.outputDir))
        } catch {
            report.diagnostics.append(.error(options.display(options.outputDir), error.description))
        }
        clock.lap("write", &report)
        return report
    }

    /// Two generated files at one path (a page named like an asset, say): an error naming both.
    static func duplicateOutputs(_ files: [OutputFile], site: SiteModel, templatesDisplay: String) -> [Diagnostic] {
        var seen: Set<String> = []
        var diagnostics: [Diagnostic] = []
        for file in files where !seen.insert(file.path).inserted {
            let page = site.pages.first { $0.outputPath == file.path }
            let origin = page.map { $0.displayPath.isEmpty ? $0.outputPath : $0.displayPath } ?? templatesDisplay + "/" + file.path
            diagnostics.append(.error(origin, "two outputs would be written to \(file.path)"))
        }
        return diagnostics
    }
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
