import Testing
@testable import MarkdownRenderer

/// Shortcode calls through cmark: found in running text (paragraphs, list items, blockquotes) with
/// their positions, left as written in code, raw HTML, destinations and alt text.
@Suite struct ShortcodeScanTests {
    @Test func aCallAloneInAParagraphIsABlock() throws {
        let result = MarkdownRenderer.render("Intro.\n\n{{< speaker ref=\"../speakers/tan.md\" >}}\n\nAfter.\n")
        let call = try #require(result.shortcodes.first)
        #expect(result.shortcodes.count == 1)
        #expect(call.name == "speaker")
        #expect(call.arguments == [ShortcodeCall.Argument(key: "ref", value: "../speakers/tan.md", line: 3, column: 13)])
        #expect((call.line, call.column) == (3, 1))
        #expect(call.isBlock)
        #expect(result.html.contains("<p>" + call.placeholder + "</p>"))
        #expect(result.plainText == "Intro.\n" + call.placeholder + "\nAfter.")
        #expect(result.diagnostics == [])
    }

    @Test func aCallInsideTextIsInline() throws {
        let result = MarkdownRenderer.render("Meet {{< badge  text=\"say \\\"hi\\\" \\\\ bye\" >}} today.")
        let call = try #require(result.shortcodes.first)
        #expect(!call.isBlock)
        #expect(call.argument("text")?.value == #"say "hi" \ bye"#)
        #expect(call.argument("text")?.column == 17)
        #expect(result.html == "<p>Meet " + call.placeholder + " today.</p>\n")
    }

    @Test func callsInListItemsAndBlockquotesAreFound() {
        let result = MarkdownRenderer.render("- one\n- {{< card >}}\n\n> Quoted {{< card n=\"2\" >}}\n")
        #expect(result.shortcodes.map(\.line) == [2, 4])
        #expect(result.shortcodes.map(\.column) == [3, 10])
        for call in result.shortcodes { #expect(result.html.contains(call.placeholder)) }
    }

    @Test func callsInCodeAreLeftAsWritten() {
        let markdown = """
            Use `{{< card >}}` inline.

            ```
            {{< card ref="x.md" >}}
            {{< broken
            ```

                {{< indented >}}

            [link]({{<x>}}) ![alt {{< card >}}](a.png)
            """
        let result = MarkdownRenderer.render(markdown)
        #expect(result.shortcodes == [])
        #expect(result.diagnostics == [])
        #expect(result.html.contains("<code>{{&lt; card &gt;}}</code>"))
        #expect(result.html.contains("{{&lt; card ref=&quot;x.md&quot; &gt;}}\n{{&lt; broken\n</code>"))
        #expect(result.html.contains("<code>{{&lt; indented &gt;}}\n</code>"))
        #expect(result.html.contains("alt=\"alt {{&lt; card &gt;}}\""))
        #expect(!result.html.contains("\u{E000}"))
        #expect(result.plainText.contains("{{< card >}}"))
    }

    @Test func rawHTMLKeepsTheCallAsWritten() {
        let result = MarkdownRenderer.render("<div>{{< card >}}</div>\n", options: MarkdownOptions(unsafeHTML: true))
        #expect(result.shortcodes == [])
        #expect(result.html == "<div>{{< card >}}</div>\n")
    }

    @Test func anEscapedCallIsText() {
        let result = MarkdownRenderer.render("Write \\{{< card >}} for a card.")
        #expect(result.shortcodes == [])
        #expect(result.html == "<p>Write {{&lt; card &gt;}} for a card.</p>\n")
    }

    @Test(arguments: [
        ("Text {{< card ref=\"x.md\"\n", 1, 6, "no '>}}' on this line"),
        ("Text\nmore {{< >}}", 2, 6, "must be followed by a shortcode name"),
        ("A {{< card ref=x.md >}}", 1, 3, "argument 'ref' must be written ref=\"value\""),
        ("A {{< card a=\"1\" a=\"2\" >}}", 1, 3, "argument 'a' is given twice"),
        ("A {{< card a=\"1 >}}", 1, 3, "the value of 'a' has no closing '\"'"),
        ("A {{< card a=\"1\"b=\"2\" >}}", 1, 3, "expected a space before an argument"),
    ])
    func malformedCallsAreErrorsAtTheirPosition(markdown: String, line: Int, column: Int, message: String) throws {
        let result = MarkdownRenderer.render(markdown)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1)
        #expect((diagnostic.line, diagnostic.column) == (line, column))
        #expect(diagnostic.message.contains(message), "\(diagnostic.message)")
        #expect(!result.html.contains("\u{E000}"))
        #expect(result.shortcodes == [])
    }

    @Test func columnsCountCharacters() throws {
        let result = MarkdownRenderer.render("重庆 {{< card >}} 成都 {{< card >}}")
        #expect(result.shortcodes.map(\.column) == [4, 20])
    }

    @Test func linkDiagnosticsKeepTheirPositionsAfterACall() throws {
        let result = MarkdownRenderer.render("{{< card >}} [x](bad.md)") { _ in .error("bad") }
        let diagnostic = try #require(result.diagnostics.first)
        #expect((diagnostic.line, diagnostic.column) == (1, 18))
    }

    @Test func summariesLeaveShortcodesOut() {
        #expect(MarkdownRenderer.firstParagraph("{{< card >}}\n\nThe text.\n") == "The text.")
        #expect(MarkdownRenderer.firstParagraph("Before {{< card >}} after.\n") == "Before  after.")
        #expect(MarkdownRenderer.render("{{< card >}}\n\nThe text.\n").firstParagraph == "The text.")
    }

    @Test func headingIdsAndTheTableOfContentsLeaveShortcodesOut() throws {
        let result = MarkdownRenderer.render("## Meet {{< card >}}\n\n## Later\n")
        #expect(result.headings.map(\.id) == ["meet", "later"])
        #expect(!result.tocHTML.contains("\u{E000}"))
        #expect(result.html.contains("<h2 id=\"meet\">Meet " + (try #require(result.shortcodes.first)).placeholder + "</h2>"))
    }

    @Test func textWithoutCallsIsUnchanged() {
        #expect(ShortcodeScanner.replace("No {{ calls }} here {< or <{{ >}}.")?.text == nil)
    }
}
