import Testing
@testable import MarkdownRenderer

@Suite struct LinkRewriteTests {
    private static func siteRewrite(_ destination: String) -> LinkRewrite {
        if destination.hasSuffix(".md") { return .replace("../" + destination.dropLast(3) + "/") }
        if destination.hasPrefix("images/") { return .replace("../" + destination) }
        return .keep
    }

    @Test func rewritesInlineReferenceAndImageDestinations() {
        let markdown = """
            See [the guide](guide.md), [home](../index.md#top) and [site](https://example.org).

            ![Logo](images/logo.png "Logo")

            [Ref link][speakers] and [collapsed][].

            [speakers]: speakers.md
            [collapsed]: <agenda.md>
            """
        var seen: [String] = []
        let result = MarkdownRenderer.render(markdown) { destination in
            seen.append(destination)
            return Self.siteRewrite(destination)
        }
        #expect(seen == ["guide.md", "../index.md#top", "https://example.org", "images/logo.png", "speakers.md", "agenda.md"])
        #expect(result.links == ["../guide/", "../index.md#top", "https://example.org", "../images/logo.png", "../speakers/", "../agenda/"])
        #expect(result.html.contains("<a href=\"../guide/\">the guide</a>"))
        #expect(result.html.contains("<img src=\"../images/logo.png\" alt=\"Logo\" title=\"Logo\" />"))
        #expect(result.html.contains("<a href=\"../speakers/\">Ref link</a>"))
        #expect(result.html.contains("<a href=\"../agenda/\">collapsed</a>"))
        #expect(result.diagnostics == [])
    }

    @Test func rewriterSeesDecodedDestinations() {
        var seen: [String] = []
        _ = MarkdownRenderer.render("[a](a&amp;b.md) [c](c\\_d.md) <https://example.org/x>") {
            seen.append($0)
            return .keep
        }
        #expect(seen == ["a&b.md", "c_d.md", "https://example.org/x"])
    }

    private static let positionsDocument = [
        "# Title with [bad](h.md)",
        "",
        "Intro paragraph with [ok](ok.md).",
        "",
        "> Quoted paragraph starts here and",
        "> continues",
        "See [this](x.md) and [that](x.md) and 见[链接](y.md).",
        "",
        "Read [the docs][docs].",
        "",
        "[docs]: missing.md",
        "",
        "Escaped [esc](a\\_b.md) here.",
    ]

    private static let expectedPositions = [
        MarkdownDiagnostic(line: 1, column: 20, message: "no page h.md"),
        MarkdownDiagnostic(line: 7, column: 12, message: "no page x.md"),
        MarkdownDiagnostic(line: 7, column: 29, message: "no page x.md"),
        // Columns count characters: 见, 链 and 接 are one column each (three bytes each).
        MarkdownDiagnostic(line: 7, column: 45, message: "no page y.md"),
        // A reference link is reported at its definition.
        MarkdownDiagnostic(line: 11, column: 9, message: "no page missing.md"),
        // Written as a\_b.md, parsed as a_b.md: not found as written, so the paragraph's start.
        MarkdownDiagnostic(line: 13, column: 1, message: "no page a_b.md"),
    ]

    private static func rejectUnknownPages(_ destination: String) -> LinkRewrite {
        destination == "ok.md" ? .replace("../ok/") : .error("no page \(destination)")
    }

    @Test func errorsAreReportedAtTheDestination() {
        let result = MarkdownRenderer.render(Self.positionsDocument.joined(separator: "\n"), rewriteLink: Self.rejectUnknownPages)
        #expect(result.diagnostics == Self.expectedPositions)
        // Links with errors are left as written.
        #expect(result.links == ["h.md", "../ok/", "x.md", "x.md", "y.md", "missing.md", "a_b.md"])
        #expect(result.html.contains("<a href=\"x.md\">this</a>"))
    }

    @Test func errorPositionsAreTheSameWithCRLF() {
        let result = MarkdownRenderer.render(Self.positionsDocument.joined(separator: "\r\n"), rewriteLink: Self.rejectUnknownPages)
        #expect(result.diagnostics == Self.expectedPositions)
    }

    @Test func repeatedDestinationIsFoundAtItsOwnPlace() {
        var calls = 0
        let result = MarkdownRenderer.render("[one](p.md) [two](p.md)") { _ in
            calls += 1
            return calls == 2 ? .error("second") : .keep
        }
        #expect(result.diagnostics == [MarkdownDiagnostic(line: 1, column: 19, message: "second")])
    }
}
