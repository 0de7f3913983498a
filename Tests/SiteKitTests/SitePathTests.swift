import Testing
@testable import SiteKit

@Suite struct SitePathTests {
    @Test func relativeLinksBetweenPages() {
        #expect(SitePath.relative(from: "speakers/tan-jialing/", to: "clusters/x/index.html") == "../../clusters/x/index.html")
        #expect(SitePath.relative(from: "speakers/tan-jialing/", to: "speakers/index.html") == "../index.html")
        #expect(SitePath.relative(from: "", to: "speakers/") == "speakers/index.html")
        #expect(SitePath.relative(from: "event/", to: "") == "../index.html")
        #expect(SitePath.relative(from: "event/", to: "event/index.html") == "index.html")
        #expect(SitePath.relative(from: "a/b/", to: "a/b/c.ics") == "c.ics")
        #expect(SitePath.relative(from: "", to: "assets/site.css") == "assets/site.css")
    }

    @Test func segmentsArePercentEncoded() {
        #expect(SitePath.relative(from: "", to: "my page/index.html") == "my%20page/index.html")
        #expect(SitePath.relative(from: "", to: "工业/index.html") == "工业/index.html")
        #expect(SitePath.percentDecode("my%20page%2Fx") == "my page/x")
        #expect(SitePath.percentDecode("100%") == "100%")
    }

    @Test func rootPrefixes() {
        #expect(SitePath.rootPrefix(from: "") == "./")
        #expect(SitePath.rootPrefix(from: "a/") == "../")
        #expect(SitePath.rootPrefix(from: "a/b/") == "../../")
    }

    @Test func resolvingDotSegments() {
        #expect(SitePath.resolve("../clusters/a.md", against: "speakers") == "clusters/a.md")
        #expect(SitePath.resolve("./b.md", against: "") == "b.md")
        #expect(SitePath.resolve("../../x.md", against: "a") == nil)
    }

    /// Property: a link made from any folder to any target, resolved against that folder, is the target.
    @Test func relativeLinksRoundTrip() {
        var generator = SystemRandomNumberGenerator()
        let names = ["a", "b", "speakers", "c d", "工业", "x.y"]
        for _ in 0..<2000 {
            let from = (0..<Int.random(in: 0...3, using: &generator)).map { _ in names.randomElement(using: &generator)! }
            let to = (0..<Int.random(in: 0...3, using: &generator)).map { _ in names.randomElement(using: &generator)! } + ["index.html"]
            let folder = from.isEmpty ? "" : from.joined(separator: "/") + "/"
            let target = to.joined(separator: "/")
            let link = SitePath.percentDecode(SitePath.relative(from: folder, to: target))
            #expect(!link.hasPrefix("/"))
            #expect(SitePath.resolve(link, against: folder) == target, "\(folder) → \(target) gave \(link)")
        }
    }
}

@Suite struct ContentDateTests {
    @Test func displayAndCompactForms() throws {
        let date = try ContentDate.parse("2023-06-28").get()
        #expect(date.display == "28 June 2023")
        #expect(date.compact == "20230628")
        #expect(date.nextDay.description == "2023-06-29")
        #expect(try ContentDate.parse("2023-12-31").get().nextDay.description == "2024-01-01")
    }
}

@Suite struct LinkSchemeTests {
    @Test(arguments: [
        ("mailto:team@example.com", true), ("https://example.com", true), ("a+b-c.d:rest", true), ("C:x", true),
        ("page.md", false), ("1http:x", false), (":x", false), ("ftp", false), ("dir/x:y", false), ("é:x", false),
        ("speakers/tan-jialing.md#remarks", false), ("", false),
    ])
    func schemeIsALetterThenLettersDigitsPlusMinusDot(link: String, expected: Bool) {
        #expect(LinkResolver.hasScheme(link.utf8) == expected)
    }

    @Test func fragmentAndQueryAreKeptWhenTheLinkIsRewritten() {
        let resolver = LinkResolver(outputs: ["speakers/a.md": "speakers/a/index.html"], drafts: [])
        let origin = LinkResolver.Origin(contentFolder: "news", outputFolder: "news/x/")
        let (rewrite, target) = resolver.resolve("../speakers/a.md#bio\u{301}", from: origin)
        #expect(target == "speakers/a.md")
        guard case .replace(let link) = rewrite else { Issue.record("not rewritten"); return }
        #expect(link == "../../speakers/a/index.html#bio\u{301}")
    }
}
