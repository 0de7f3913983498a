import Foundation
import Testing
@testable import MarkdownRenderer

@Suite struct PlainTextTests {
    @Test func plainTextHasOneBlockPerLineAndNoMarkup() {
        let result = MarkdownRenderer.render(
            """
            # Title

            First *para* with `code`
            and a soft break.

            - item one
            - item two\\
              after hard break

            ```swift
            let x = 1
            ```

            <div>html block</div>

            ![alt text](img.png) and <span>inline html</span> text.

            ---

            > quoted
            """)
        #expect(result.plainText == "Title\nFirst para with code and a soft break.\nitem one\nitem two\nafter hard break\nlet x = 1\nalt text and inline html text.\nquoted")
        #expect(result.firstParagraph == "First para with code and a soft break.")
    }

    /// The parse-only first paragraph (a full build's first pass) must be what rendering gives.
    @Test(arguments: [
        "Plain first.\n\nSecond.",
        "# Heading\n\nAfter a \"heading\" -- with dashes...",
        "See [the docs][ref] and [inline](x.md).\n\n[ref]: https://example.com",
        "[undefined] reference stays literal.",
        "- item\n\n> quote\n\n```\ncode\n```\n\nFinally &amp; *here*\nsoft  \nhard.",
        "Setext heading\n===\n\nThen this.",
        "<div>raw</div>\n\nAfter raw HTML.",
        "",
        "> only a quote",
        "工业设计 `code` 大足 ![alt text](i.png)",
    ])
    func parseOnlyFirstParagraphMatchesRendering(markdown: String) {
        for smart in [true, false] {
            let options = MarkdownOptions(smartPunctuation: smart)
            #expect(MarkdownRenderer.firstParagraph(markdown, options: options)
                == MarkdownRenderer.render(markdown, options: options).firstParagraph)
        }
    }

    /// The prefix shortcut of `firstParagraph` against a whole render, on seeded random documents
    /// made of blocks that can span or follow the cut: unclosed fences, setext underlines, lazy
    /// quote lines, reference definitions after the paragraph, CRLF and CR line endings.
    @Test func prefixShortcutAgreesWithRenderingOnRandomDocuments() {
        let blocks = [
            "Plain \"quoted\" text -- with *emphasis*.", "Uses [a reference][r] here.", "[r]: https://example.com/r",
            "Heading text\n===", "Under\n---", "# ATX heading", "```\nfenced", "```", "<div>\nhtml block", "</div>",
            "> quote\nlazy continuation", "- item one\n- item two", "1. first", "    indented code", "***",
            "![image](i.png) and more", "Line with trailing spaces  \nhard break", "[r]", "Another paragraph.",
            "工业设计 大足", "&amp; &copy; entity", "<!-- comment -->", "\t tab-indented", "",
        ]
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        for _ in 0..<1500 {
            let ending = ["\n", "\r\n", "\r"][next(3)]
            let parts = (0..<(2 + next(10))).map { _ in blocks[next(blocks.count)] }
            let separators = parts.map { _ in next(4) == 0 ? ending : ending + ending }
            let markdown = zip(parts, separators).map { ($0 + $1).replacingOccurrences(of: "\n", with: ending) }.joined()
            let expected = MarkdownRenderer.render(markdown).firstParagraph
            for prefix in [1, 8, 24, 60] {
                #expect(MarkdownRenderer.firstParagraph(markdown, prefixBytes: prefix) == expected, "\(markdown.debugDescription) prefix \(prefix)")
            }
        }
    }

    @Test func firstParagraphIsTheFirstTopLevelOneWithText() {
        #expect(MarkdownRenderer.render("- item\n\nReal summary.").firstParagraph == "Real summary.")
        #expect(MarkdownRenderer.render("<span></span>\n\nSummary").firstParagraph == "Summary")
        #expect(MarkdownRenderer.render("> only a quote").firstParagraph == nil)
    }

    @Test func smartPunctuationIsOnByDefault() {
        let markdown = "\"Hello,\" she said -- it's 'fine'... --- ok"
        #expect(MarkdownRenderer.render(markdown).html == "<p>“Hello,” she said – it’s ‘fine’… — ok</p>\n")
        #expect(MarkdownRenderer.render(markdown).plainText == "“Hello,” she said – it’s ‘fine’… — ok")
        #expect(MarkdownRenderer.render(markdown, options: MarkdownOptions(smartPunctuation: false)).html
            == "<p>&quot;Hello,&quot; she said -- it's 'fine'... --- ok</p>\n")
    }

    @Test(arguments: ["", "\n\n   \n"])
    func emptyDocument(markdown: String) {
        let result = MarkdownRenderer.render(markdown)
        #expect(result.html == "")
        #expect(result.plainText == "")
        #expect(result.firstParagraph == nil)
        #expect(result.headings == [])
        #expect(result.tocHTML == "")
        #expect(result.links == [])
        #expect(result.diagnostics == [])
    }

    @Test func crlfInputRendersLikeLF() {
        let result = MarkdownRenderer.render("# Title\r\n\r\nLine one\r\nline two\r\n\r\n```\r\ncode\r\n```\r\n")
        #expect(result.html == "<h1 id=\"title\">Title</h1>\n<p>Line one\nline two</p>\n<pre><code>code\n</code></pre>\n")
        #expect(result.plainText == "Title\nLine one line two\ncode")
        #expect(result.headings == [Heading(level: 1, id: "title", text: "Title")])
    }

    @Test func concurrentRendersMatchSequentialOnes() async {
        let documents = (0..<32).map { "# Page \($0)\n\nText [link](p\($0).md) \"quoted\".\n\n## Part\n\n## Part\n" }
        let expected = documents.map { MarkdownRenderer.render($0).html }
        let results = await withTaskGroup(of: (Int, String).self) { group in
            for _ in 0..<8 {
                for (index, document) in documents.enumerated() {
                    group.addTask { (index, MarkdownRenderer.render(document).html) }
                }
            }
            var collected: [(Int, String)] = []
            for await result in group { collected.append(result) }
            return collected
        }
        #expect(results.count == documents.count * 8)
        for (index, html) in results { #expect(html == expected[index]) }
    }
}
