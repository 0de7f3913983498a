import Foundation
import Testing
@testable import SiteKit

/// Taxonomies on the fixture site (`taxonomies: {tags: …}` added to its site.yml): the settings and
/// their errors, term slugs folded and merged, the taxonomy's page and each term's pages with their
/// counts, a term paginated like a section, the sitemap and search, declared `values` and URL
/// collisions as errors at line:col with nothing written, and the template values.
@Suite struct TaxonomyTests {
    static let header = SiteConfig.minimalYAML

    func errors(_ text: String) -> [String] { SiteConfig.errors(reading: text) }

    @Test func settingsAreRead() throws {
        let text = Self.header + "paginate: 7\ntaxonomies:\n  tags: {title: Tags, paginate: 2, values: [Design, Smart manufacturing]}\n  themes:\n  areas: {paginate: false}\n"
        let config = try #require(SiteConfig.parse(text, path: "site.yml").0)
        #expect(config.taxonomies.map(\.name) == ["tags", "themes", "areas"])
        #expect(config.taxonomies.map(\.title) == ["Tags", "Themes", "Areas"])
        #expect(config.taxonomies.map { config.pageSize(of: $0) } == [2, 7, nil])
        #expect(config.taxonomies[0].values == ["design": "Design", "smart-manufacturing": "Smart manufacturing"])
        #expect(config.taxonomies[1].values == nil)
        #expect(config.taxonomies[0].declaredAt == SourcePosition(line: 5, column: 3))
    }

    @Test func badSettingsAreErrorsAtTheirKey() {
        #expect(errors(Self.header + "taxonomies: [tags]\n") == ["Content/site.yml:3:13: error: taxonomies must be a mapping of taxonomy names"])
        #expect(errors(Self.header + "taxonomies:\n  tags:\n    title: Tags\n    paginate: 0\n    titel: x\n") == [
            "Content/site.yml:7:5: error: unknown key 'titel' in taxonomies.tags: did you mean 'title'?",
            "Content/site.yml:6:5: error: taxonomy 'tags': paginate must be a whole number of pages above 0 (or false)",
        ])
        #expect(errors(Self.header + "taxonomies:\n  tags: {values: design}\n") == [
            "Content/site.yml:4:10: error: taxonomy 'tags': values must be a list of terms",
        ])
        #expect(errors(Self.header + "taxonomies:\n  tags: {values: [Design, dèsign, '!!']}\n") == [
            "Content/site.yml:4:10: error: taxonomy 'tags': 'dèsign' and 'Design' are one term (both have the URL /tags/design/)",
            "Content/site.yml:4:10: error: taxonomy 'tags': each value must be a term with a letter or a digit",
        ])
        #expect(errors(Self.header + "taxonomies:\n  date: {}\n  Tags: {}\n  tags: x\n") == [
            "Content/site.yml:4:3: error: taxonomy 'date': 'date' is a name sitegen uses itself (assets, data, date, description, draft, event, layout, search, slug, summary, title, weight): choose another",
            "Content/site.yml:5:3: error: taxonomy 'Tags': the name must be lowercase (it is the front-matter key and the URL folder)",
            "Content/site.yml:6:3: error: taxonomy 'tags': must be a mapping such as {title: Topics, paginate: 20}",
        ])
    }

    @Test func slugsFoldCaseAndAccents() {
        #expect(TaxonomySchema.slug(of: "Design") == "design")
        #expect(TaxonomySchema.slug(of: "Dèsign") == "design")
        #expect(TaxonomySchema.slug(of: "ＤＥＳＩＧＮ") == "design")
        #expect(TaxonomySchema.slug(of: "Smart  Manufacturing!") == "smart-manufacturing")
        #expect(TaxonomySchema.slug(of: "Chéngdū–Chóngqìng") == "chengdu-chongqing")
        #expect(TaxonomySchema.slug(of: "工业设计") == "工业设计")
        #expect(TaxonomySchema.slug(of: "section") == "section")
        #expect(TaxonomySchema.slug(of: "!!") == nil)
        #expect(TaxonomySchema.slug(of: "") == nil)
    }

    /// The fixture site declaring `tags` (with `settings`), and `tags` in the front matter of some pages.
    func project(settings: String = "{title: Tags}", tags: [String: String]) -> TemporaryFolder {
        let folder = TemporaryFolder.project()
        folder.write("Content/site.yml", folder.read("Content/site.yml")! + "taxonomies:\n  tags: \(settings)\n")
        for (path, value) in tags {
            let text = folder.read(path)!
            folder.write(path, text.replacingOccurrences(of: "---\ntitle:", with: "---\ntags: \(value)\ntitle:", options: .anchored))
        }
        return folder
    }

    static let tagged = [
        "Content/about.md": "[dèsign, Craft]",
        "Content/people/ada.md": "[Design, Tea]",
        "Content/people/2024-01-02-bob.md": "DESIGN",
        "Content/people/draft.md": "[Design, Secret]",
        "Content/topics/alpha.md": "[craft]",
    ]

    func text(_ files: [String: [UInt8]], _ path: String) -> String {
        files[path].map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    @Test func termPagesCountsAndMergedSlugs() throws {
        let folder = project(tags: Self.tagged)
        let files = folder.fullBuildFiles()
        // One term per slug, named as content-path order first writes it (about.md first), sorted
        // by name; the draft is not counted, and its own term has no page.
        #expect(text(files, "tags/index.html").contains(
            "<ul class=\"terms\"><li><a href=\"craft/index.html\">Craft</a> 2</li><li><a href=\"design/index.html\">dèsign</a> 3</li>"
                + "<li><a href=\"tea/index.html\">Tea</a> 1</li></ul>"))
        #expect(files["tags/secret/index.html"] == nil && files["tags/Design/index.html"] == nil)
        let design = text(files, "tags/design/index.html")
        #expect(design.contains("<title>dèsign – Fixture Site</title>"))
        #expect(design.contains("<p class=\"term\">dèsign (3) in <a href=\"../index.html\">Tags</a></p>"))
        // Sorted as lists are: weights first (Ada 1, Bob 2), then the rest by title.
        #expect(design.contains("<ul class=\"pages\"><li><a href=\"../../people/ada/index.html\">Ada</a></li>"
                                + "<li><a href=\"../../people/bob/index.html\">Bob</a></li><li><a href=\"../../about/index.html\">"))
        #expect(!design.contains("class=\"pager\""))
        // A page's terms, in the order it writes them, named as the term is.
        #expect(text(files, "people/ada/index.html").contains(
            "<a class=\"tag\" href=\"../../tags/design/index.html\">dèsign</a><a class=\"tag\" href=\"../../tags/tea/index.html\">Tea</a>"))
        #expect(text(files, "about/index.html").contains(
            "<p class=\"terms\">Tags: <a href=\"../tags/design/index.html\">dèsign</a> <a href=\"../tags/craft/index.html\">Craft</a></p>"))
        #expect(!text(files, "people/index.html").contains("class=\"terms\""))
        // Drafts are not counted even when they are built.
        var options = BuildOptions.project(folder)
        options.dryRun = true
        options.includeDrafts = true
        let withDrafts = SiteBuilder.build(options)
        let draftFiles = Dictionary(uniqueKeysWithValues: withDrafts.files.map { ($0.path, $0.bytes) })
        #expect(text(draftFiles, "tags/design/index.html").contains("dèsign (3)"))
        #expect(draftFiles["tags/secret/index.html"] == nil)
        #expect(text(draftFiles, "people/draft/index.html").contains("<a class=\"tag\" href=\"../../tags/design/index.html\">dèsign</a>\n<ol"))
    }

    @Test func aTermIsPaginatedLikeASection() throws {
        let folder = project(settings: "{title: Tags, paginate: 2}", tags: Self.tagged)
        let files = folder.fullBuildFiles()
        let first = text(files, "tags/design/index.html")
        let second = text(files, "tags/design/page/2/index.html")
        #expect(files["tags/design/page/3/index.html"] == nil && files["tags/craft/page/2/index.html"] == nil)
        #expect(first.contains("Ada") && first.contains("Bob") && !first.contains("about/index.html\">About &lt;"))
        #expect(second.contains("<li><a href=\"../../../../about/index.html\">About &lt;this&gt; &quot;site&quot;</a></li>"))
        #expect(!second.contains("people/ada/"))
        #expect(second.contains("<title>dèsign — page 2 – Fixture Site</title>"))
        #expect(second.contains("<link rel=\"canonical\" href=\"https://fixture.example/sub/tags/design/page/2/\">"))
        #expect(second.contains("<link rel=\"prev\" href=\"../../index.html\">") && !second.contains("rel=\"next\""))
        #expect(first.contains("<link rel=\"next\" href=\"page/2/index.html\">") && !first.contains("rel=\"prev\""))
        #expect(second.contains("<a href=\"index.html\" aria-current=\"page\">2</a><p>Page 2 of 2</p>"))
        // The term's total stays its own on every page.
        #expect(second.contains("dèsign (3)"))
        let redirect = text(files, "tags/design/page/1/index.html")
        #expect(redirect.contains("<meta http-equiv=\"refresh\" content=\"0; url=../../index.html\">"))
        #expect(redirect.contains("<link rel=\"canonical\" href=\"https://fixture.example/sub/tags/design/\">"))
        #expect(files["tags/craft/page/1/index.html"] == nil)
        let sitemap = text(files, "sitemap.xml")
        for path in ["tags/", "tags/design/", "tags/design/page/2/", "tags/craft/", "tags/tea/"] {
            #expect(sitemap.contains("<loc>https://fixture.example/sub/\(path)</loc>"), "\(path)")
        }
        #expect(!sitemap.contains("page/1/"))
        // Term pages are found by search (their first page only, as list pages).
        let search = files.filter { $0.key.hasPrefix("search/") }.values.map { String(decoding: $0, as: UTF8.self) }.joined()
        #expect(search.contains("tags/design/index.html") && search.contains("tags/index.html"))
        #expect(!search.contains("tags/design/page/2"))
    }

    /// Builds into the folder's public/, which holds one file from before: returns the diagnostics.
    func failingBuild(_ folder: TemporaryFolder) -> [String] {
        folder.write("public/.sitegen", "")
        folder.write("public/index.html", "before")
        let report = SiteBuilder.build(BuildOptions.project(folder))
        #expect(!report.succeeded)
        #expect(folder.read("public/index.html") == "before")
        #expect(!folder.exists("public/tags"))
        return report.diagnostics.sorted.map(\.description)
    }

    @Test func undeclaredTermsAreErrorsAtTheirLineAndColumnWithNothingWritten() {
        let folder = project(settings: "{title: Tags, values: [Design, Craft, Tea]}", tags: [
            "Content/about.md": "[dèsign, Pottery]",
            "Content/people/ada.md": "\n  - Tea\n  - Weaving",
            "Content/people/2024-01-02-bob.md": "Knitting",
            "Content/topics/alpha.md": "{a: b}",
            "Content/topics/beta.md": "['', craft]",
        ])
        let allowed = "use one of 'Craft', 'Design', 'Tea' (or add it to taxonomies.tags.values in site.yml)"
        #expect(failingBuild(folder) == [
            "Content/about.md:2:16: error: 'Pottery' is not a declared term of 'tags': \(allowed)",
            "Content/people/2024-01-02-bob.md:2:7: error: 'Knitting' is not a declared term of 'tags': \(allowed)",
            "Content/people/ada.md:4:5: error: 'Weaving' is not a declared term of 'tags': \(allowed)",
            "Content/topics/alpha.md:2:7: error: 'tags' must be a term or a list of terms (the 'tags' taxonomy of site.yml)",
            "Content/topics/beta.md:2:8: error: term '' of 'tags' needs a letter or a digit (it names the URL /tags/<term>/)",
        ])
    }

    @Test func aTaxonomyNamedLikeASectionIsAnError() {
        let folder = TemporaryFolder.project()
        folder.write("Content/site.yml", folder.read("Content/site.yml")! + "taxonomies:\n  people: {}\n  topics: {}\n")
        let lines = folder.read("Content/site.yml")!.split(separator: "\n", omittingEmptySubsequences: false)
        let line = lines.firstIndex(of: "  people: {}")! + 1
        #expect(failingBuild(folder) == [
            "Content/site.yml:\(line):3: error: taxonomy 'people' would write /people/, which is the section Content/people/: rename one of them",
            "Content/site.yml:\(line + 1):3: error: taxonomy 'topics' would write /topics/, which is the section Content/topics/: rename one of them",
        ])
    }

    @Test func aTermPageAtAContentPagesURLIsAnErrorNamingBoth() {
        let folder = project(tags: ["Content/people/ada.md": "[Design]"])
        folder.write("Content/tags.md", "---\ntitle: Tags by hand\n---\nText.\n")
        folder.write("Content/elsewhere.md", "---\ntitle: Elsewhere\nslug: tags\n---\nText.\n")
        let diagnostics = failingBuild(folder)
        let line = folder.read("Content/site.yml")!.split(separator: "\n", omittingEmptySubsequences: false).firstIndex(of: "  tags: {title: Tags}")! + 1
        let term = "the list of terms of taxonomy 'tags' (Content/site.yml:\(line):3)"
        #expect(diagnostics.contains("Content/elsewhere.md:3:7: error: writes the same URL /tags/ as \(term)"))
        #expect(diagnostics.contains("Content/tags.md:1:1: error: writes the same URL /tags/ as \(term)"))
    }

    @Test func aKeyThatIsNoDeclaredTaxonomyStaysAParam() throws {
        let folder = TemporaryFolder.project()
        folder.write("Templates/layouts/people/single.mustache",
                     "{{<base}}{{$main}}<p>{{#page.params.tags}}[{{.}}]{{/page.params.tags}}</p>{{#page.taxonomies.tags}}term{{/page.taxonomies.tags}}{{/main}}{{/base}}\n")
        folder.write("Content/people/ada.md", "---\ntags: [Design, Tea]\ntitle: Ada\nrole: Engineer\n---\nText.\n")
        let files = folder.fullBuildFiles()
        #expect(text(files, "people/ada/index.html").contains("<p>[Design][Tea]</p>"))
        #expect(!text(files, "people/ada/index.html").contains("term"))
        #expect(!files.keys.contains { $0.hasPrefix("tags/") })
    }

    @Test func siteTaxonomiesListEveryTermWithItsCount() throws {
        let folder = project(tags: Self.tagged)
        folder.write("Templates/layouts/home.mustache",
                     "{{<base}}{{$main}}{{#site.taxonomies.tags}}<a href=\"{{url}}\">{{name}}/{{slug}}: {{count}}</a>{{/site.taxonomies.tags}}{{/main}}{{/base}}\n")
        let files = folder.fullBuildFiles()
        #expect(text(files, "index.html").contains(
            "<a href=\"tags/craft/index.html\">Craft/craft: 2</a><a href=\"tags/design/index.html\">dèsign/design: 3</a><a href=\"tags/tea/index.html\">Tea/tea: 1</a>"))
    }

    @Test func inputCodesNameEveryKindBackAfterWideningToFourBits() throws {
        let folder = project(tags: Self.tagged)
        folder.write("Content/data/programme.yml", "title: Day one\n")
        var options = BuildOptions.project(folder)
        options.dryRun = true
        let config = try #require(ConfigStage.load(options).0)
        var pages: [Page] = []
        for (path, kind, section) in [("people/ada.md", PageKind.single, "people"), ("about.md", .page, "")] {
            var matter = FrontMatter()
            matter.title = path
            matter.params["tags"] = .list([.string("Design"), .string("Tea")])
            pages.append(Page(sourcePath: path, displayPath: "Content/" + path, kind: kind, section: section, slug: "x",
                              outputPath: path.replacingOccurrences(of: ".md", with: "/index.html"), frontMatter: matter, body: "", bodyFirstLine: 1))
        }
        let data = SiteData(files: ["programme": .object(["title": .string("Day one")])])
        let assembly = Assembly(config: config, pages: pages, data: data)
        let codes = assembly.contexts.inputs
        let site = assembly.site
        let tags = try #require(site.taxonomies.taxonomy(named: "tags"))
        #expect(tags.terms.map(\.slug) == ["design", "tea"])
        let expected: [(Int, BuildInput)] = [
            (codes.summary(1), .summary("about/index.html")),
            (codes.sectionHead("people"), .sectionHead("people")),
            (codes.sectionPages("people"), .sectionPages("people")),
            (codes.sectionTitle("people"), .sectionTitle("people")),
            (codes.sections, .sections),
            (codes.data("programme"), .data("programme")),
            (codes.dataNames, .dataNames),
            (codes.termList(0), .termList("tags")),
            (codes.termName(0, 1), .termName("tags", "tea")),
            (codes.termPages(0, 0), .termPages("tags", "design")),
        ]
        for (code, input) in expected { #expect(codes.input(code, in: site) == input, "\(code)") }
        #expect(Set(expected.map(\.0)).count == expected.count)
    }
}
