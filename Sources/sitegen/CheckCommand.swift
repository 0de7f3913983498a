import ArgumentParser
import SiteKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Build the site without writing it, then check the HTML: links, #anchors, alt text, headings, titles.",
        discussion: "Reports every problem as path:line:col: error|warning: message and exits 1 on errors (on warnings too with --strict)."
    )

    @OptionGroup var site: SiteOptions

    func run() throws {
        var options = site.buildOptions()
        options.dryRun = true
        options.checkOutput = true
        let report = SiteBuilder.build(options)
        // Quote lines of the HTML just built (in memory), not of an older public/ on disk.
        var built: [String: String] = [:]
        let prefix = site.output.hasSuffix("/") ? site.output : site.output + "/"
        for file in report.files where file.path.hasSuffix(".html") {
            built[prefix + file.path] = String(decoding: file.bytes, as: UTF8.self)
        }
        let snapshot = built
        let formatter = DiagnosticFormatter { path in snapshot[path] ?? DiagnosticFormatter.readFile(path) }
        let text = formatter.report(report.diagnostics)
        if !text.isEmpty { Terminal.error(text) }
        guard report.succeeded else { throw ExitCode(1) }
        print("Checked \(report.pageCount) pages and \(report.fileCount) files: no errors"
            + (report.diagnostics.warningCount > 0 ? ", \(report.diagnostics.warningCount) warnings" : ""))
    }
}
