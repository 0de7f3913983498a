import Testing
@testable import SiteKit

@Suite struct DiagnosticFormatterTests {
    func format(_ line: String, column: Int) -> String {
        DiagnosticFormatter { _ in "first\n" + line + "\nlast" }
            .format(.error("x.md", line: 2, column: column, "m"))
    }

    @Test func quotesAShortLineWithACaretUnderTheColumn() {
        #expect(format("title: galactic", column: 8) == "x.md:2:8: error: m\ntitle: galactic\n       ^")
    }

    @Test func cutsALongLineToAWindowAroundTheColumn() {
        let line = String(repeating: "a", count: 50_000) + "X" + String(repeating: "b", count: 50_000)
        let formatted = format(line, column: 50_001)
        let lines = formatted.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3)
        let quoted = Array(lines[1]), caretLine = Array(lines[2])
        #expect(quoted.count == DiagnosticFormatter.quoteWidth + 2)
        #expect(quoted.first == "…" && quoted.last == "…")
        #expect(caretLine.count - 1 < quoted.count && quoted[caretLine.count - 1] == "X")
        #expect(caretLine.last == "^")
    }

    @Test func aWindowAtTheStartOrEndIsMarkedOnTheCutSideOnly() {
        let line = String(repeating: "c", count: 1_000)
        let start = format(line, column: 1).split(separator: "\n")[1]
        #expect(!start.hasPrefix("…") && start.hasSuffix("…"))
        let end = format(line, column: 1_000).split(separator: "\n")
        #expect(end[1].hasPrefix("…") && !end[1].hasSuffix("…"))
        #expect(end[2].count == end[1].count)
    }
}
