import Foundation
import Testing
@testable import SiteKit

/// Builds the fixture site in `Tests/Fixtures/minisite` from a temporary copy and checks the output.
@Suite struct EndToEndTests {
    func project() -> TemporaryFolder { TemporaryFolder.project() }

    func build(_ folder: TemporaryFolder, configure: (inout BuildOptions) -> Void = { _ in }) -> BuildReport {
        var options = BuildOptions.project(folder)
        configure(&options)
        return SiteBuilder.build(options)
    }

    @Test func buildsEveryPageWithPrettyURLs() throws {
        let folder = project()
        let report = build(folder)
        #expect(report.diagnostics.items.isEmpty, "\(report.diagnostics.items)")
        for path in ["index.html", "about/index.html", "people/index.html", "people/ada/index.html", "people/bob/index.html",
                     "topics/index.html", "topics/alpha/index.html", "404.html", "sitemap.xml", "robots.txt", "feed.xml",
                     ".nojekyll", "assets/style.css"] {
            #expect(folder.exists("public/" + path), "missing \(path)")
        }
        #expect(!folder.exists("public/people/draft/index.html"))
    }

    @Test func draftsAreBuiltOnRequest() {
        let folder = project()
        let report = build(folder) { $0.includeDrafts = true }
        #expect(report.succeeded)
        #expect(folder.exists("public/people/draft/index.html"))
    }

    @Test func everyLinkIsRelativeAndResolves() throws {
        let folder = project()
        #expect(build(folder).succeeded)
        let public_ = folder.path + "/public"
        var checked = 0
        for file in TemplateStage.walk(public_) where file.hasSuffix(".html") && file != "404.html" {
            let html = folder.read("public/" + file) ?? ""
            let pageFolder = SitePath.folder(of: file)
            for link in attributeValues(html, names: ["href", "src"]) {
                if link.hasPrefix("https://") || link.hasPrefix("#") { continue }
                #expect(!link.hasPrefix("/"), "\(file): \(link)")
                let path = String(link.split(separator: "#", omittingEmptySubsequences: false)[0])
                let target = SitePath.resolve(SitePath.percentDecode(path), against: pageFolder) ?? "<outside>"
                #expect(folder.exists("public/" + target), "\(file): \(link) → \(target)")
                checked += 1
            }
        }
        #expect(checked > 30)
    }

    @Test func contentLinksBecomePageLinksWithAnchors() {
        let folder = project()
        #expect(build(folder).succeeded)
        let home = folder.read("public/index.html") ?? ""
        #expect(home.contains("href=\"about/index.html\""))
        #expect(home.contains("href=\"people/ada/index.html#work\""))
        let ada = folder.read("public/people/ada/index.html") ?? ""
        #expect(ada.contains("href=\"../../topics/alpha/index.html\""))
        #expect(ada.contains("<h2 id=\"work\">"))
    }

    @Test func valuesAreEscapedAndRawHTMLDropped() {
        let folder = project()
        #expect(build(folder).succeeded)
        let about = folder.read("public/about/index.html") ?? ""
        #expect(about.contains("<title>About &lt;this&gt; &quot;site&quot; – Fixture Site</title>"))
        #expect(!about.contains("<script>alert"))
        #expect(!about.contains("javascript:"))
        #expect(about.contains("id=\"background\""))
        #expect(about.contains("id=\"background-1\""))
    }

    @Test func sectionsAreSortedAndGrouped() {
        let folder = project()
        #expect(build(folder).succeeded)
        let people = folder.read("public/people/index.html") ?? ""
        let ada = people.range(of: ">Ada<"), bob = people.range(of: ">Bob<")
        #expect(ada != nil && bob != nil && ada!.lowerBound < bob!.lowerBound)
        let topics = folder.read("public/topics/index.html") ?? ""
        #expect(topics.contains("Big topics (2 of 2)"))
        #expect(topics.contains("Small topics (1 of 5)"))
        let alpha = folder.read("public/topics/alpha/index.html") ?? ""
        #expect(alpha.contains(">Beta<"))
        #expect(!alpha.contains(">Gamma<"))
        #expect(alpha.contains("<p class=\"group\">Big topics</p>"))
    }

    @Test func navigationMarksTheCurrentSection() {
        let folder = project()
        #expect(build(folder).succeeded)
        let ada = folder.read("public/people/ada/index.html") ?? ""
        #expect(ada.contains("<a href=\"../index.html\" aria-current=\"page\">People</a>"))
        #expect(ada.contains("<a href=\"../../about/index.html\">About</a>"))
    }

    @Test func absoluteURLsOnlyWhereStandardsNeedThem() {
        let folder = project()
        #expect(build(folder) { $0.baseURL = "https://other.example/x" }.succeeded)
        let ada = folder.read("public/people/ada/index.html") ?? ""
        #expect(ada.contains("<link rel=\"canonical\" href=\"https://other.example/x/people/ada/\">"))
        #expect(ada.contains("\"@type\":\"Person\""))
        #expect(ada.contains("\"@type\":\"BreadcrumbList\""))
        let notFound = folder.read("public/404.html") ?? ""
        #expect(notFound.contains("href=\"https://other.example/x/assets/style.css\""))
        let sitemap = folder.read("public/sitemap.xml") ?? ""
        #expect(sitemap.contains("<loc>https://other.example/x/people/ada/</loc>"))
        #expect(!sitemap.contains("404"))
    }

    @Test func aBrokenContentLinkFailsAtItsLineAndKeepsPublic() throws {
        let folder = project()
        #expect(build(folder).succeeded)
        let before = folder.read("public/index.html")
        folder.write("Content/about.md", "---\ntitle: About\n---\n\nFirst paragraph.\n\nSee [nobody](people/nobody.md).\n")
        let report = build(folder)
        #expect(!report.succeeded)
        let error = try #require(report.diagnostics.items.first { $0.message.contains("nobody.md") })
        #expect(error.path == "Content/about.md")
        #expect(error.line == 7)
        #expect(error.column == 14)  // the destination itself
        #expect(folder.read("public/index.html") == before)
    }

    /// A page whose front matter cannot be read says so once; the pages linking to it do not add
    /// "no such content file" errors for a file that is there (full build and `serve` alike).
    @Test func aPageThatCannotBeReadIsNotReportedAgainByItsLinks() throws {
        let folder = project()
        folder.write("Content/about.md", "---\ntitle: About\n---\n\nSee [Ada](people/ada.md) and [beta](topics/beta.md).\n")
        #expect(build(folder).succeeded)
        folder.write("Content/people/ada.md", "---\ntitle: [unclosed\nrole: Author\n---\nAda.\n")
        let report = build(folder)
        #expect(report.diagnostics.items.map(\.path) == ["Content/people/ada.md"], "\(report.diagnostics.items.map(\.message))")
        let builder = BuildPipeline(options: BuildOptions.project(folder))
        #expect(builder.build().diagnostics.items.map(\.path) == ["Content/people/ada.md"])
        folder.write("Content/people/ada.md", "---\ntitle: Ada\nrole: Author\n---\nAda.\n")
        let fixed = builder.rebuild(changed: [folder.path + "/Content/people/ada.md"])
        #expect(fixed.report.succeeded)
        #expect(String(decoding: builder.outputs["about/index.html"] ?? [], as: UTF8.self).contains("../people/ada/index.html"))
        #expect(builder.outputs == folder.fullBuildFiles())
    }

    @Test func aMisspelledTemplateNameFailsAtItsPosition() throws {
        let folder = project()
        folder.write("Templates/layouts/people/single.mustache", "{{<base}}{{$main}}\n  <p>{{page.params.rol}}</p>{{/main}}{{/base}}\n")
        let report = build(folder)
        #expect(!report.succeeded)
        let error = try #require(report.diagnostics.sorted.first)
        #expect(error.path == "Templates/layouts/people/single.mustache")
        #expect(error.line == 2)
        #expect(error.column == 6)
        #expect(!folder.exists("public"))
    }

    @Test func reportsEveryErrorOfTheRun() {
        let folder = project()
        folder.write("Content/topics/delta.md", "---\ntitle: Delta\nkind: huge\n---\n")
        folder.write("Content/people/carol.md", "---\ntitle: Carol\n---\n")
        folder.write("Content/people/dup.md", "---\ntitle: Dup\nrole: x\nslug: ada\n---\n")
        let report = build(folder)
        let messages = report.diagnostics.sorted.map(\.description)
        #expect(messages.contains { $0.hasPrefix("Content/topics/delta.md:3:7: error: 'huge' is not an allowed kind") })
        #expect(messages.contains { $0.hasPrefix("Content/people/carol.md:1:1: error: missing required field 'role'") })
        #expect(messages.contains { $0.contains("Content/people/dup.md") && $0.contains("Content/people/ada.md") })
        #expect(report.diagnostics.errorCount >= 4)
    }
}

/// Values of `name="…"` attributes in `html` (enough for the HTML sitegen's templates write).
func attributeValues(_ html: String, names: [String]) -> [String] {
    var values: [String] = []
    for name in names {
        var rest = Substring(html)
        let needle = " \(name)=\""
        while let start = rest.range(of: needle) {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            values.append(String(rest[..<end]).replacingOccurrences(of: "&amp;", with: "&"))
            rest = rest[end...]
        }
    }
    return values
}

/// A full build reads each page twice (front matter first, the body when the page's turn comes):
/// a file edited in between is reported, not rendered from a body that no longer matches.
@Suite struct SecondReadTests {
    @Test func aBodyReadAgainMustStillFollowTheSameFrontMatter() throws {
        let folder = TemporaryFolder()
        folder.write("Content/about.md", "---\ntitle: About\n---\nFirst body.\n")
        let config = try #require(SiteConfig.parse("title: T\nbase_url: https://example.com/\n", path: "site.yml").0)
        let file = SourceFile(relativePath: "about.md", displayPath: "Content/about.md",
                              bytes: Array((folder.read("Content/about.md") ?? "").utf8))
        let page = try #require(ContentLoader.parse(file, config: config, includeDrafts: false).page)
        let root = folder.path + "/Content"
        #expect(try ContentLoader.body(of: page, contentRoot: root).get() == "First body.\n")
        folder.write("Content/about.md", "---\ntitle: About\nsummary: Longer front matter now.\n---\nFirst body.\n")
        guard case .failure(let diagnostic) = ContentLoader.body(of: page, contentRoot: root) else {
            Issue.record("a changed file was read as if it had not changed")
            return
        }
        #expect(diagnostic.message.contains("changed while the site was being built"))
        try FileManager.default.removeItem(atPath: folder.path + "/Content/about.md")
        guard case .failure(let missing) = ContentLoader.body(of: page, contentRoot: root) else {
            Issue.record("a removed file was read")
            return
        }
        #expect(missing.message == "cannot read file")
    }
}
