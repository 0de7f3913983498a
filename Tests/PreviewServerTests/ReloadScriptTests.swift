import Testing
@testable import PreviewServer

@Suite struct ReloadScriptTests {
    func inject(_ html: String, build: String = "abc-1") -> String {
        String(decoding: ReloadScript.inject(into: Array(html.utf8), build: build), as: UTF8.self)
    }

    @Test func goesBeforeTheLastClosingBody() {
        let html = "<html><body><p>a</p><pre>&lt;/body&gt; </body> inside text</pre></body>\n</html>\n"
        let out = inject(html)
        let script = ReloadScript.tag(build: "abc-1")
        // Exactly one insertion, at the last `</body>`: the page around it is unchanged.
        #expect(out == "<html><body><p>a</p><pre>&lt;/body&gt; </body> inside text</pre>" + script + "</body>\n</html>\n")
    }

    @Test func closingTagCaseDoesNotMatter() {
        #expect(inject("<BODY>x</BODY>").hasSuffix("</script>\n</BODY>"))
    }

    @Test func appendedWhenThereIsNoBody() {
        let out = inject("<p>fragment</p>")
        #expect(out.hasPrefix("<p>fragment</p><script id=\"sitegen-live-reload\">"))
        #expect(out.hasSuffix("</script>\n"))
    }

    @Test func scriptNamesTheBuildAndTheSocket() {
        let tag = ReloadScript.tag(build: "k3x9-12")
        #expect(tag.contains("const build = \"k3x9-12\";"))
        #expect(tag.contains("/__sitegen/events"))
        // Errors reach the page as text, never as markup.
        #expect(tag.contains(".textContent = text"))
        #expect(!tag.contains("innerHTML"))
    }

    @Test func buildIdCannotBreakOutOfTheString() {
        let tag = ReloadScript.tag(build: "x\";alert(1);</script>\"")
        #expect(tag.contains("const build = \"xalert1script\";"))
        #expect(tag.components(separatedBy: "</script>").count == 2)
    }
}
