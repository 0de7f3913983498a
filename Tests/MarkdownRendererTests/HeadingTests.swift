import Testing
@testable import MarkdownRenderer

@Suite struct HeadingTests {
    @Test func headingsGetSlugIDsInDocumentOrder() {
        let result = MarkdownRenderer.render(
            """
            # Hello, World!

            ## Hello world

            ## Hello: World?

            Setext Title
            ------------

            ## 2024 Agenda

            ## ?!
            """)
        #expect(result.headings == [
            Heading(level: 1, id: "hello-world", text: "Hello, World!"),
            Heading(level: 2, id: "hello-world-1", text: "Hello world"),
            Heading(level: 2, id: "hello-world-2", text: "Hello: World?"),
            Heading(level: 2, id: "setext-title", text: "Setext Title"),
            Heading(level: 2, id: "2024-agenda", text: "2024 Agenda"),
            Heading(level: 2, id: "section", text: "?!"),
        ])
        #expect(result.html.contains("<h1 id=\"hello-world\">Hello, World!</h1>\n"))
        #expect(result.html.contains("<h2 id=\"hello-world-2\">Hello: World?</h2>\n"))
        #expect(result.html.contains("<h2 id=\"setext-title\">Setext Title</h2>\n"))
        #expect(!result.html.contains("<h2>"))
    }

    @Test func duplicateSuffixesSkipIDsAlreadyTaken() {
        let headings = MarkdownRenderer.render("## Intro 1\n\n## Intro\n\n## Intro\n\n## Intro 1\n").headings
        #expect(headings.map(\.id) == ["intro-1", "intro", "intro-2", "intro-1-1"])
    }

    @Test func idsKeepLettersOfAnyScript() {
        let result = MarkdownRenderer.render("## 你好，世界\n\n## Ärger über Öl\n\n## 🚀 Launch — Day 1\n")
        #expect(result.headings.map(\.id) == ["你好-世界", "ärger-über-öl", "launch-day-1"])
        #expect(result.html.contains("<h2 id=\"你好-世界\">你好，世界</h2>"))
    }

    @Test func slugLowercasesWithFullUnicodeMappingAndTrims() {
        #expect(HeadingSlugger.slug("  --Hello--  ") == "hello")
        #expect(HeadingSlugger.slug("C++ & C#") == "c-c")
        // "İ" lowercases to "i" plus a combining dot (a mark, so it is kept).
        #expect(HeadingSlugger.slug("İstanbul") == "i\u{307}stanbul")
        #expect(HeadingSlugger.slug("") == "section")
    }

    @Test func headingContentIsRenderedAndEscapedByCmark() {
        let result = MarkdownRenderer.render("## The *best* `x < y` & co\n")
        #expect(result.html == "<h2 id=\"the-best-x-y-co\">The <em>best</em> <code>x &lt; y</code> &amp; co</h2>\n")
        #expect(result.headings == [Heading(level: 2, id: "the-best-x-y-co", text: "The best x < y & co")])
    }

    @Test func scriptInHeadingNeverReachesTheHTML() {
        let raw = MarkdownRenderer.render("## <script>alert(1)</script> Title\n\n## Two\n")
        #expect(!raw.html.contains("<script"))
        #expect(raw.headings.first?.text == "alert(1) Title")

        let escaped = MarkdownRenderer.render(
            "## \\<script>alert(\"x\")\\</script>\n\n## Two\n", options: MarkdownOptions(smartPunctuation: false))
        #expect(escaped.headings.first == Heading(level: 2, id: "script-alert-x-script", text: "<script>alert(\"x\")</script>"))
        #expect(escaped.html.contains("<h2 id=\"script-alert-x-script\">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</h2>"))
        #expect(!escaped.html.contains("<script"))
        #expect(escaped.tocHTML.contains(">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</a>"))
        #expect(!escaped.tocHTML.contains("<script"))
    }

    @Test func headingsInsideContainersGetIDsToo() {
        let result = MarkdownRenderer.render("> ## Quoted heading\n>\n> text\n")
        #expect(result.html == "<blockquote>\n<h2 id=\"quoted-heading\">Quoted heading</h2>\n<p>text</p>\n</blockquote>\n")
    }

    @Test func tableOfContentsNestsDeeperHeadings() {
        let result = MarkdownRenderer.render("## A\n### A1\n### A2\n## B\n#### B deep\n## C\n")
        #expect(result.tocHTML == """
            <ul>
            <li><a href="#a">A</a>
            <ul>
            <li><a href="#a1">A1</a></li>
            <li><a href="#a2">A2</a></li>
            </ul>
            </li>
            <li><a href="#b">B</a>
            <ul>
            <li><a href="#b-deep">B deep</a></li>
            </ul>
            </li>
            <li><a href="#c">C</a></li>
            </ul>

            """)
    }

    @Test func tableOfContentsNeedsTwoHeadings() {
        #expect(MarkdownRenderer.render("## Only one\n\ntext").tocHTML == "")
        #expect(MarkdownRenderer.render("text").tocHTML == "")
        #expect(MarkdownRenderer.render("### Deep first\n## Then shallow\n").tocHTML == """
            <ul>
            <li><a href="#deep-first">Deep first</a></li>
            <li><a href="#then-shallow">Then shallow</a></li>
            </ul>

            """)
    }
}
