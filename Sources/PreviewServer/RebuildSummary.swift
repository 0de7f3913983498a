import Foundation
import SiteKit

/// The one line printed per build: what changed, how many pages were rendered, how long it took.
enum RebuildSummary {
    static func line(_ result: BuildWorker.Result, changed: [String], hasGoodBuild: Bool) -> String {
        let outcome = result.outcome
        let report = outcome.report
        let ms = milliseconds(result.duration)
        let clock = timeOfDay()
        let cause = changed.isEmpty ? "Built" : "\(describe(changed)) changed:"
        guard report.succeeded else {
            let errors = report.diagnostics.errorCount + (report.warningsAreErrors ? report.diagnostics.warningCount : 0)
            let serving = hasGoodBuild ? "still serving the last good build" : "nothing to serve until it builds"
            return "\(clock) \(cause) build failed (\(plural(errors, "error")), \(ms) ms); \(serving)"
        }
        let what = changed.isEmpty
            ? "\(plural(report.pageCount, "page")), \(plural(result.outputs.count, "file")) in \(ms) ms"
            : "\(plural(outcome.renderedPages, "page")) re-rendered\(outcome.fullRebuild ? " (full rebuild)" : ""), "
                + "\(plural(outcome.changedOutputs.count, "file")) changed, \(ms) ms"
        return "\(clock) \(cause) \(what)"
    }

    /// The stages of a build and their times, one indented line each (as `sitegen build --timings`).
    static func timings(_ report: BuildReport) -> String {
        report.timings.map { stage, seconds in
            "  " + stage.padding(toLength: 14, withPad: " ", startingAt: 0) + String(format: "%8.1f ms", seconds * 1000)
        }.joined(separator: "\n")
    }

    /// `Content/a.md`, `Content/a.md and Templates/b.mustache`, `Content/a.md and 3 more`.
    static func describe(_ paths: [String]) -> String {
        switch paths.count {
        case 0: return "nothing"
        case 1: return paths[0]
        case 2: return "\(paths[0]) and \(paths[1])"
        default: return "\(paths[0]) and \(paths.count - 1) more"
        }
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    static func milliseconds(_ duration: Duration) -> String {
        let ms = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return ms < 10 ? String(format: "%.1f", ms) : String(format: "%.0f", ms)
    }

    static func timeOfDay() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: Date())
    }
}
