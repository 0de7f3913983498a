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
        let templatesDisplay = options.display(options.templatesDir)

        if !options.dryRun, let problem = OutputGuard.problem(
            output: options.absolute(options.outputDir), content: options.absolute(options.contentDir),
            templates: options.absolute(options.templatesDir), projectRoot: options.workingDirectory) {
            report.diagnostics.append(.error(options.display(options.outputDir), problem))
            return report
        }

        let (loadedConfig, configDiagnostics) = ConfigStage.load(options)
        report.diagnostics.append(contentsOf: configDiagnostics)
        guard let config = loadedConfig else { return report }
        clock.lap("config", &report)

        // The files' bytes are released as soon as their pages are parsed.
        var (pages, drafts) = { () -> ([Page], Set<String>) in
            let (files, scanDiagnostics) = ContentScanner.scan(root: options.absolute(options.contentDir),
                                                               displayRoot: options.display(options.contentDir))
            report.diagnostics.append(contentsOf: scanDiagnostics)
            clock.lap("read", &report)
            let (pages, drafts, loadDiagnostics) = ContentLoader.load(files, config: config, includeDrafts: options.includeDrafts)
            report.diagnostics.append(contentsOf: loadDiagnostics)
            clock.lap("front matter", &report)
            return (pages, drafts)
        }()
        report.diagnostics.append(contentsOf: MarkdownStage.run(&pages, config: config, drafts: drafts))
        // The Markdown is rendered; a one-off build has no further use for the source text.
        for index in pages.indices { pages[index].body = "" }
        clock.lap("markdown", &report)

        let (templates, templateDiagnostics) = TemplateStage.load(root: options.absolute(options.templatesDir), displayRoot: templatesDisplay)
        report.diagnostics.append(contentsOf: templateDiagnostics)
        TemplateStage.addNotFoundPage(to: &pages, library: templates.library)
        clock.lap("templates", &report)

        let assembly = Assembly(config: config, pages: pages)
        report.diagnostics.append(contentsOf: assembly.diagnostics)
        clock.lap("assemble", &report)

        // Pages are written into the staging folder as they are rendered, unless nothing will be written.
        var staging: StagingFolder?
        if !options.dryRun && !report.diagnostics.hasErrors {
            do {
                staging = try StagingFolder(output: options.absolute(options.outputDir))
            } catch {
                report.diagnostics.append(.error(options.display(options.outputDir), error.description))
                return report
            }
        }
        var rendered: [OutputFile] = []
        if let library = templates.library {
            let renderable = assembly.site.pages.indices.filter { !assembly.site.pages[$0].hasErrors }
            for result in assembly.render(renderable, library: library, templatesDisplay: templatesDisplay, staging: staging) {
                switch result {
                case .success(let file): rendered.append(file)
                case .failure(let diagnostics): report.diagnostics.append(contentsOf: diagnostics)
                }
            }
        }
        clock.lap("render", &report)

        let searchFiles = SearchStage.files(for: assembly.site, settings: config.search)
        report.searchIndexFiles = searchFiles.count
        report.searchIndexBytes = searchFiles.reduce(0) { $0 + $1.bytes.count }
        clock.lap("search index", &report)

        let others = assembly.calendarFiles + searchFiles + assembly.siteFiles() + templates.assets
        let outputs = rendered + others
        report.diagnostics.append(contentsOf: duplicateOutputs(outputs, site: assembly.site, templatesDisplay: templatesDisplay))
        report.pageCount = rendered.count
        report.fileCount = outputs.count
        if options.dryRun { report.files = outputs }
        clock.lap("site files", &report)
        if options.checkOutput {
            report.diagnostics.append(contentsOf: SiteChecker.check(outputs, baseURL: config.baseURL,
                                                                    outputDisplay: options.display(options.outputDir)))
            clock.lap("check", &report)
        }

        guard let staging, report.succeeded else {
            staging?.discard()
            return report
        }
        do {
            for file in others { try staging.write(file) }
            report.writeStats = try staging.commit()
        } catch {
            staging.discard()
            report.diagnostics.append(.error(options.display(options.outputDir), error.description))
        }
        clock.lap("write", &report)
        return report
    }
    /// Two generated files at one path (a page named like an asset, say): an error naming both.
    /// Pages clashing with pages are already reported where their URLs are decided.
    static func duplicateOutputs(_ files: [OutputFile], site: SiteModel, templatesDisplay: String) -> [Diagnostic] {
        var seen: Set<String> = []
        var pagePaths: Set<String> = []
        var clashing: Set<String> = []
        for page in site.pages where !pagePaths.insert(page.outputPath).inserted { clashing.insert(page.outputPath) }
        var diagnostics: [Diagnostic] = []
        for file in files where !seen.insert(file.path).inserted && !clashing.contains(file.path) {
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
