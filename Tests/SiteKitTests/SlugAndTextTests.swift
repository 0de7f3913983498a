import Foundation
import Testing
@testable import SiteKit

@Suite struct GeneratedFileSlugTests {
    func build(_ folder: TemporaryFolder, dryRun: Bool = true) -> BuildReport {
        var options = BuildOptions.project(folder)
        options.dryRun = dryRun
        return SiteBuilder.build(options)
    }

    @Test(arguments: ["feed.xml", "sitemap.xml", "robots.txt", "404.html", ".nojekyll"])
    func aSlugNamingAGeneratedFileIsAnErrorAtTheSlugLine(slug: String) {
        let project = TemporaryFolder.project()
        project.write("Content/clash.md", "---\ntitle: Clash\nslug: \"\(slug)\"\n---\nText.\n")
        let messages = build(project).diagnostics.sorted.map(\.description)
        if slug.hasPrefix(".") {
            #expect(messages == ["Content/clash.md:3:7: error: slug '\(slug)' must not start with '.' (hidden folders are not published)"])
        } else {
            #expect(messages == ["Content/clash.md:3:7: error: '\(slug)' is a file of the site, so '\(slug)/index.html' cannot be written in a folder of that name: choose another slug"])
        }
    }

    @Test func theSameErrorWhenWritingAndNothingIsWritten() {
        let project = TemporaryFolder.project()
        project.write("Content/clash.md", "---\ntitle: Clash\nslug: feed.xml\n---\nText.\n")
        let report = build(project, dryRun: false)
        #expect(report.diagnostics.sorted.map(\.description) == [
            "Content/clash.md:3:7: error: 'feed.xml' is a file of the site, so 'feed.xml/index.html' cannot be written in a folder of that name: choose another slug",
        ])
        #expect(!project.exists("public"))
    }

    @Test(arguments: ["\u{200B}", "\u{202E}", "\u{2066}", "\u{FEFF}", "\u{00A0}", "\u{2028}", "\u{00AD}"])
    func aSlugWithAnInvisibleCharacterIsAnError(character: String) {
        let (matter, diagnostics) = FrontMatter.parse(yaml: "title: T\nslug: \"a\(character)b\"", firstLine: 2, path: "p.md", schema: nil)
        #expect(matter?.slug == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.hasPrefix("slug must not contain invisible or bidirectional-control characters (U+") == true)
        #expect(diagnostics.first?.line == 3 && diagnostics.first?.column == 7)
    }

    @Test func aFileOrFolderNameWithAnInvisibleCharacterIsAnError() {
        let project = TemporaryFolder.project()
        project.write("Content/people/ali\u{202E}ce.md", "---\ntitle: A\n---\n")
        project.write("Content/peo\u{200B}ple/x.md", "---\ntitle: B\n---\n")
        let messages = build(project).diagnostics.sorted.map(\.message)
        #expect(messages.contains { $0.hasPrefix("file name gives a bad slug: slug must not contain invisible") })
        #expect(messages.contains { $0.hasPrefix("folder name 'peo\u{200B}ple' must not contain invisible") })
    }

    @Test func ordinaryNonASCIISlugsAreFine() {
        #expect(Slug.problem("café-重庆") == nil)
    }
}

@Suite struct WrittenTextTests {
    @Test(arguments: ["no", "yes", "off", "0x1F", "1.50", "1e3", "0o17", "012", "true", "2023-06-28"])
    func textFieldsKeepTheTextAsWritten(written: String) throws {
        let yaml = "title: \(written)\nsummary: \(written)\ndescription: \(written)"
        let (matter, diagnostics) = FrontMatter.parse(yaml: yaml, firstLine: 2, path: "p.md", schema: nil)
        #expect(diagnostics.isEmpty)
        let parsed = try #require(matter)
        #expect(parsed.title == written)
        #expect(parsed.summary == written)
        #expect(parsed.description == written)
    }

    @Test func siteTitleKeepsItsTextToo() {
        let (config, _) = SiteConfig.parse("title: 1.50\nbase_url: https://example.org/\n", path: "site.yml")
        #expect(config?.title == "1.50")
    }

    @Test func enumeratedValuesCompareTheTextAsWritten() {
        let schema = SectionSchema(name: "s", title: "S", required: [], enumerations: ["answer": [EnumeratedValue(value: "no", title: "No", params: [:])]],
                                   groupBy: nil, schemaType: nil)
        let (_, diagnostics) = FrontMatter.parse(yaml: "title: T\nanswer: no", firstLine: 2, path: "p.md", schema: schema)
        #expect(diagnostics.isEmpty)
    }
}

@Suite struct OneReportPerMistakeTests {
    @Test(arguments: [("[a, b]", "'title' must be text"), ("{a: 1}", "'title' must be text"), ("\"  \"", "'title' must not be empty"), ("~", "'title' must not be empty")])
    func aBadTitleIsReportedOnce(value: String, message: String) {
        let (_, diagnostics) = FrontMatter.parse(yaml: "title: \(value)", firstLine: 2, path: "p.md", schema: nil)
        #expect(diagnostics.map(\.message) == [message])
    }
}
