import Foundation
import MarkdownRenderer
import SearchIndex
import TemplateEngine

/// The whole pipeline: read → parse → Markdown → assemble → render → write. Every stage collects
/// diagnostics instead of stopping; the output folder is only replaced when no stage found an error.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) -> BuildReport {
        var report = BuildStages.report(options)
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
        let (data, dataDiagnostics) = BuildStages.data(options, config: config)
        report.diagnostics.append(contentsOf: dataDiagnostics)
        clock.lap("config", &report)

        // Pass 1 (see `ContentLoader.load`): front matter and first paragraphs, no page's text kept.
        let contentRoot = options.absolute(options.contentDir)
        let markdownOptions = MarkdownStage.options(config)
        let (paths, scanDiagnostics) = ContentScanner.list(root: contentRoot, displayRoot: options.display(options.contentDir))
        report.diagnostics.append(contentsOf: scanDiagnostics)
        var loaded = ContentLoader.load(paths, root: contentRoot, displayRoot: options.display(options.contentDir), config: config,
                                        includeDrafts: options.includeDrafts, markdownOptions: markdownOptions)
        report.diagnostics.append(contentsOf: loaded.diagnostics)
        var pages = loaded.pages
        loaded.pages = []
        let drafts = loaded.drafts
        clock.lap("read + parse", &report)
        let resolver = MarkdownStage.resolver(for: pages, drafts: drafts, failed: loaded.failed)
        let sectionPages = pages.indices.filter { pages[$0].kind == .section }
        report.diagnostics.append(contentsOf: MarkdownStage.run(&pages, config: config, drafts: drafts, indexes: sectionPages,
                                                                resolver: resolver))
        for index in sectionPages { pages[index].body = "" }

        let (templates, templateDiagnostics) = TemplateStage.load(root: options.absolute(options.templatesDir), displayRoot: templatesDisplay)
        report.diagnostics.append(contentsOf: templateDiagnostics)
        TemplateStage.addNotFoundPage(to: &pages, library: templates.library)
        clock.lap("templates", &report)

        var assembly = Assembly(config: config, pages: pages, data: data)
        pages = []
        report.diagnostics.append(contentsOf: assembly.diagnostics)
        clock.lap("assemble", &report)

        // Pages are written into the staging folder as they are rendered, unless nothing will be written.
        var staging: StagingFolder?
        if !options.dryRun && !report.diagnostics.hasErrors {
            do {
                staging = try StagingFolder(output: options.absolute(options.outputDir), display: options.display(options.outputDir),
                                            waiting: options.otherBuilds)
            } catch {
                report.diagnostics.append(.error(options.display(options.outputDir), error.description))
                return report
            }
        }

        // Pass 2, on all cores: each page's file read again, its Markdown rendered, the page rendered
        // and written, its text indexed for search; then all of it dropped but the term counts.
        let stream = PageStream(assembly: assembly, library: templates.library, templatesDisplay: templatesDisplay,
                                contentRoot: contentRoot, resolver: resolver, markdownOptions: markdownOptions,
                                searchOptions: SearchStage.options(config.search), staging: staging,
                                keepsBytes: options.dryRun)
        let streamed = stream.run()
        report.diagnostics.append(contentsOf: streamed.diagnostics)
        clock.lap("render", &report)

        // The search index's term files on this thread, the sitemap, feed and calendars on another:
        // neither needs the other.
        for (index, markdown) in streamed.feedMarkdown { assembly.site.pages[index].markdown = markdown }
        let siteAssembly = assembly
        let siteFiles = Made<[OutputFile]>()
        let making = DispatchGroup()
        DispatchQueue.global().async(group: making) { siteFiles.value = BuildStages.siteFiles(siteAssembly) }
        let (searchFiles, searchDiagnostics) = streamed.finishSearchIndex()
        making.wait()
        report.diagnostics.append(contentsOf: searchDiagnostics)
        BuildStages.countSearchIndex(files: streamed.searchIndex?.fileCount ?? 0, bytes: streamed.searchIndex?.byteCount ?? 0, into: &report)
        clock.lap("search, feed", &report)

        let others = (siteFiles.value ?? []) + templates.assets
        let outputs = streamed.outputs + searchFiles + others
        BuildStages.finish(outputs, pageCount: streamed.outputs.count, site: assembly.site, templatesDisplay: templatesDisplay,
                           keepsFiles: options.dryRun, into: &report)
        clock.lap("checks", &report)
        if options.checkOutput {
            report.diagnostics.append(contentsOf: SiteChecker.check(outputs, baseURL: config.baseURL,
                                                                    outputDisplay: options.display(options.outputDir), maxPageKB: config.check.maxPageKB))
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
}

/// A value made on another thread, read after waiting for it.
private final class Made<Value>: @unchecked Sendable {
    var value: Value?
}
