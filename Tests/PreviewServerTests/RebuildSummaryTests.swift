@testable import SiteKit
import Testing
@testable import PreviewServer

@Suite struct RebuildSummaryTests {
    func result(pages: Int, changed: [String], rendered: Int, full: Bool, errors: Int = 0) -> BuildWorker.Result {
        var report = BuildReport()
        report.pageCount = pages
        for index in 0..<errors { report.diagnostics.append(.error("Content/a.md", line: index + 1, "bad")) }
        let outcome = RebuildResult(report: report, changedOutputs: changed, renderedPages: rendered, fullRebuild: full)
        return BuildWorker.Result(outcome: outcome, outputs: ["index.html": [], "a/index.html": []], duration: .milliseconds(12))
    }

    @Test func rebuildLineSaysWhatChangedHowMuchAndHowLong() {
        let line = RebuildSummary.line(result(pages: 20, changed: ["a/index.html", "index.html"], rendered: 2, full: false),
                                       changed: ["Content/a.md"], hasGoodBuild: true)
        #expect(line.hasSuffix(" Content/a.md changed: 2 pages re-rendered, 2 files changed, 12 ms"))
    }

    @Test func failedRebuildSaysTheLastGoodBuildStays() {
        let line = RebuildSummary.line(result(pages: 0, changed: [], rendered: 0, full: false, errors: 2),
                                       changed: ["Content/a.md", "Content/b.md", "Templates/x.mustache"], hasGoodBuild: true)
        #expect(line.hasSuffix(" Content/a.md and 2 more changed: build failed (2 errors, 12 ms); still serving the last good build"))
    }

    @Test func firstBuildLine() {
        let line = RebuildSummary.line(result(pages: 1, changed: [], rendered: 1, full: true), changed: [], hasGoodBuild: true)
        #expect(line.hasSuffix(" Built 1 page, 2 files in 12 ms"))
    }
}
