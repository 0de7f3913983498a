import SearchIndex

/// The steps `SiteBuilder` (build and check: streaming into the staging folder) and
/// `BuildPipeline` (serve: in memory, redoing what recorded reads mark) share, written once
/// so that both run them alike: how a run starts, how the data files are read, which files the
/// site makes beside its pages, and how the complete list of outputs is checked and counted.
enum BuildStages {
    /// An empty report for a run under `options`.
    static func report(_ options: BuildOptions) -> BuildReport {
        var report = BuildReport()
        report.warningsAreErrors = options.warningsAreErrors
        return report
    }

    /// The data files (`Content/data/`) under `config`.
    static func data(_ options: BuildOptions, config: SiteConfig) -> (SiteData, [Diagnostic]) {
        DataLoader.load(contentRoot: options.absolute(options.contentDir), contentDisplay: options.display(options.contentDir), config: config)
    }

    /// The files made from the assembled site that are not pages and need no rendered text but
    /// the feed's: `.ics` calendars, pager redirects, sitemap, robots.txt, feed, `.nojekyll`.
    static func siteFiles(_ assembly: Assembly) -> [OutputFile] {
        assembly.calendarFiles + assembly.redirectFiles + assembly.siteFiles()
    }

    /// Counts the search index's files and bytes into `report`.
    static func countSearchIndex(files: Int, bytes: Int, into report: inout BuildReport) {
        report.searchIndexFiles = files
        report.searchIndexBytes = bytes
    }

    /// Checks the complete list of a run's outputs (unless `checksClashes` is false: nothing could
    /// have started to clash) and counts them into `report`, which keeps them when `keepsFiles`.
    static func finish(_ outputs: [OutputFile], pageCount: Int, site: SiteModel, templatesDisplay: String,
                       checksClashes: Bool = true, keepsFiles: Bool, into report: inout BuildReport) {
        if checksClashes {
            report.diagnostics.append(contentsOf: OutputClashes.check(outputs, site: site, templatesDisplay: templatesDisplay))
        }
        report.pageCount = pageCount
        report.fileCount = outputs.count
        if keepsFiles { report.files = outputs }
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
