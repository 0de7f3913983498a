import Testing
@testable import MarkdownRenderer

@Suite struct SafetyTests {
    private let rawHTML = "<div class=\"x\">block</div>\n\nText <span>inline</span> end.\n"

    @Test func rawHTMLIsOmittedByDefault() {
        let result = MarkdownRenderer.render(rawHTML)
        #expect(result.html == "<!-- raw HTML omitted -->\n<p>Text <!-- raw HTML omitted -->inline<!-- raw HTML omitted --> end.</p>\n")
        #expect(result.plainText == "Text inline end.")
    }

    @Test func rawHTMLIsKeptWithUnsafeHTML() {
        let result = MarkdownRenderer.render(rawHTML, options: MarkdownOptions(unsafeHTML: true))
        #expect(result.html == "<div class=\"x\">block</div>\n<p>Text <span>inline</span> end.</p>\n")
        #expect(result.plainText == "Text inline end.")
    }

    @Test func scriptDestinationsAreDroppedForLinksAndImages() {
        let result = MarkdownRenderer.render(
            "[a](javascript:alert(1)) [b](JavaScript:alert(1)) [c](jav&#x61;script:alert(1)) "
                + "[d](vbscript:x) [e](file:///etc/passwd) ![f](javascript:x) ![g](data:text/html;base64,PHNjcmlwdD4=) "
                + "[h](<java\tscript:x>)")
        for text in ["a", "b", "c", "d", "e", "h"] {
            #expect(result.html.contains("<a href=\"\">\(text)</a>"))
        }
        #expect(result.html.contains("<img src=\"\" alt=\"f\" />"))
        #expect(result.html.contains("<img src=\"\" alt=\"g\" />"))
        #expect(!result.html.contains("script:"))
        #expect(result.links == [])
    }

    // cmark keeps data:image/png|gif|jpeg|webp for links and images alike. We keep them for
    // images (inline pictures cannot run script) and drop every data: link (browsers refuse to
    // open them; they only serve phishing).
    @Test func rasterDataImagesStayButDataLinksGo() {
        let png = "data:image/png;base64,iVBORw0KGgo="
        let result = MarkdownRenderer.render("![dot](\(png)) [dot](\(png)) ![svg](data:image/svg+xml,<svg/>)")
        #expect(result.html == "<p><img src=\"\(png)\" alt=\"dot\" /> <a href=\"\">dot</a> <img src=\"\" alt=\"svg\" /></p>\n")
        #expect(result.links == [png])
    }

    @Test func rewrittenDestinationsAreCheckedToo() {
        let result = MarkdownRenderer.render("[a](page.md)") { _ in .replace("javascript:alert(1)") }
        #expect(result.html == "<p><a href=\"\">a</a></p>\n")
        #expect(result.links == [])
    }

    @Test func unsafeHTMLKeepsScriptDestinations() {
        let result = MarkdownRenderer.render("[a](javascript:alert(1))", options: MarkdownOptions(unsafeHTML: true))
        #expect(result.html == "<p><a href=\"javascript:alert(1)\">a</a></p>\n")
        #expect(result.links == ["javascript:alert(1)"])
    }

    @Test func destinationSafetyRule() {
        #expect(DestinationSafety.isDangerous(" JAVASCRIPT:x", isImage: false))
        #expect(DestinationSafety.isDangerous("data:image/png;base64,x", isImage: false))
        #expect(!DestinationSafety.isDangerous("DATA:Image/JPEG;base64,x", isImage: true))
        #expect(DestinationSafety.isDangerous("data:image/svg+xml,x", isImage: true))
        #expect(!DestinationSafety.isDangerous("https://example.org/javascript:", isImage: false))
        #expect(!DestinationSafety.isDangerous("guide.md", isImage: false))
        #expect(!DestinationSafety.isDangerous("", isImage: false))
    }
}
