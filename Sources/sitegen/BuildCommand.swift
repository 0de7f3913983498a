import ArgumentParser
import Foundation
import SiteKit

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder.",
        discussion: "Errors are printed as path:line:col: error: message; on any error nothing is written and the exit status is 1."
    )

    @OptionGroup var site: SiteOptions

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Print how long each stage of the build took.")
    var timings = false

    @Flag(name: .customLong("no-wait"), help: "Fail at once when another sitegen build is writing the same output folder, instead of waiting for it.")
    var noWait = false

    func run() throws {
        let start = ContinuousClock.now
        var options = site.buildOptions()
        options.otherBuilds = noWait ? .fail : .wait(notice: { Terminal.error($0) })
        let report = SiteBuilder.build(options)
        let text = DiagnosticFormatter().report(report.diagnostics)
        if !text.isEmpty { Terminal.error(text) }
        if timings {
            for (stage, seconds) in report.timings {
                print("  \(stage.padding(toLength: 14, withPad: " ", startingAt: 0)) \(String(format: "%8.1f ms", seconds * 1000))")
            }
        }
        guard report.succeeded else { throw ExitCode(1) }
        if !quiet {
            let elapsed = ContinuousClock.now - start
            let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            let stats = report.writeStats
            print("Built \(report.pageCount) pages, \(report.fileCount) files (\(stats.written) written, \(stats.unchanged) unchanged) "
                + "into \(site.output)/ in \(String(format: "%.0f", ms)) ms; search index \(formatBytes(report.searchIndexBytes)) "
                + "in \(report.searchIndexFiles) files")
        }
    }
}

func formatBytes(_ count: Int) -> String {
    if count < 1024 { return "\(count) B" }
    if count < 1024 * 1024 { return String(format: "%.1f KB", Double(count) / 1024) }
    return String(format: "%.1f MB", Double(count) / 1024 / 1024)
}
