import Foundation
import Testing
@testable import SiteKit

/// `paginate:` in site.yml: the settings and their errors, the pager pages, the `paginator` value,
/// the `<section>/page/1/` redirects, the sitemap, search, and the bounded `latest`/`first` values.
@Suite(.serialized) struct PaginationTests {
    static let header = SiteConfig.minimalYAML

    func errors(_ text: String) -> [String] { SiteConfig.errors(reading: text) }

    @Test func settingsAreReadSiteWideAndPerSection() throws {
        let text = Self.header + "paginate: 10\nsections:\n  news: {paginate: 3, latest: 2}\n  people: {title: People}\n  clusters: {paginate: false}\n"
        let config = try #require(SiteConfig.parse(text, path: "site.yml").0)
        #expect(config.pageSize(of: "news") == 3)
        #expect(config.pageSize(of: "people") == 10)
        #expect(config.pageSize(of: "other") == 10)
        #expect(config.pageSize(of: "clusters") == nil)
        #expect(config.latestCount(of: "news") == 2)
        #expect(config.latestCount(of: "people") == SectionSchema.defaultLatest)
        let plain = try #require(SiteConfig.parse(Self.header, path: "site.yml").0)
        #expect(plain.pageSize(of: "news") == nil)
    }

    @Test func badSettingsAreErrorsAtTheirKey() {
        #expect(errors(Self.header + "paginate: 0\n") == ["Content/site.yml:3:11: error: paginate must be a whole number of pages above 0"])
        #expect(errors(Self.header + "paginate: two\n") == ["Content/site.yml:3:11: error: paginate must be a whole number of pages above 0"])
        #expect(errors(Self.header + "sections:\n  news:\n    title: News\n    paginate: 2.5\n    latest: -1\n") == [
            "Content/site.yml:6:5: error: section 'news': paginate must be a whole number of pages above 0 (or false)",
            "Content/site.yml:7:5: error: section 'news': latest must be a whole number of pages above 0",
        ])
        #expect(errors(Self.header + "paginat: 3\n") == ["Content/site.yml:3:1: error: unknown setting 'paginat': did you mean 'paginate'?"])
    }

    /// The fixture site with `settings` added to its site.yml (and to its topics section).
    func project(siteWide: String = "", topics: String = "") -> TemporaryFolder {
        let folder = TemporaryFolder.project()
        var yml = folder.read("Content/site.yml")!
        yml = yml.replacingOccurrences(of: "    group_by: kind\n", with: "    group_by: kind\n" + topics)
        folder.write("Content/site.yml", yml + siteWide)
        return folder
    }

    @Test func pagerPagesRedirectAndSitemap() throws {
        let folder = project(topics: "    paginate: 2\n")
        let files = folder.fullBuildFiles()
        func text(_ path: String) -> String { files[path].map { String(decoding: $0, as: UTF8.self) } ?? "" }
        // Three topics, two a page: the list page and page 2; no page 3, and people are not paged.
        #expect(files["topics/page/2/index.html"] != nil)
        #expect(files["topics/page/3/index.html"] == nil)
        #expect(files["people/page/2/index.html"] == nil && files["people/page/1/index.html"] == nil)
        let first = text("topics/index.html")
        let second = text("topics/page/2/index.html")
        // Paged in group order: both big topics first, then the small one with its own group.
        #expect(first.contains("alpha/index.html") && first.contains("beta/index.html") && !first.contains("gamma/index.html"))
        #expect(first.contains("data-group=\"big\"") && !first.contains("data-group=\"small\""))
        #expect(second.contains("../../gamma/index.html") && !second.contains("alpha/index.html"))
        #expect(second.contains("<h2>Small topics (1 of 5)</h2>"))
        // Own title and canonical URL, rel links both ways, relative and index.html-terminated.
        #expect(second.contains("<title>Topics — page 2 – Fixture Site</title>"))
        #expect(second.contains("<link rel=\"canonical\" href=\"https://fixture.example/sub/topics/page/2/\">"))
        #expect(second.contains("<link rel=\"prev\" href=\"../../index.html\">") && !second.contains("rel=\"next\""))
        #expect(first.contains("<link rel=\"next\" href=\"page/2/index.html\">") && !first.contains("rel=\"prev\""))
        #expect(first.contains("<a href=\"index.html\" aria-current=\"page\">1</a>"))
        #expect(second.contains("<a href=\"index.html\" aria-current=\"page\">2</a>") && second.contains("Page 2 of 2"))
        // Page 1 by its pager URL: a redirect to the list page.
        let redirect = text("topics/page/1/index.html")
        #expect(redirect.contains("<meta http-equiv=\"refresh\" content=\"0; url=../../index.html\">"))
        #expect(redirect.contains("<link rel=\"canonical\" href=\"https://fixture.example/sub/topics/\">"))
        let sitemap = text("sitemap.xml")
        #expect(sitemap.contains("<loc>https://fixture.example/sub/topics/page/2/</loc>"))
        #expect(!sitemap.contains("page/1/"))
        // The list page's text is found once: the pager page is no search document.
        let search = files.filter { $0.key.hasPrefix("search/") }.values.map { String(decoding: $0, as: UTF8.self) }.joined()
        #expect(search.contains("topics/") && !search.contains("topics/page/2"))
    }

    @Test func aSiteWideDefaultPagesEverySectionAndTheCheckerIsClean() throws {
        let folder = project(siteWide: "paginate: 1\n")
        var options = BuildOptions.project(folder)
        options.checkOutput = true
        options.warningsAreErrors = true
        options.dryRun = true
        let report = SiteBuilder.build(options)
        #expect(report.succeeded, "\(report.diagnostics.items.map(\.description))")
        let paths = Set(report.files.map(\.path))
        #expect(paths.isSuperset(of: ["people/page/2/index.html", "topics/page/3/index.html", "people/page/1/index.html"]))
        #expect(!paths.contains("people/page/3/index.html"))
    }

    /// A template that fails to load leaves no 404 page (its layout is gone with the library), so
    /// the next in-place edit assembles one page fewer than the last good run: serve must not reuse
    /// that run's order, whose pager pages sit one index further (it crashed on the index past the end).
    @Test func aTemplateThatFailsToLoadAndIsFixedInAPagedSite() throws {
        let folder = project(topics: "    paginate: 2\n")
        let builder = BuildPipeline(options: BuildOptions.project(folder))
        #expect(builder.build().succeeded)
        let base = folder.read("Templates/partials/base.mustache")!
        folder.write("Templates/partials/base.mustache", base + "{{#unclosed}}\n")
        let broken = builder.rebuild(changed: [folder.path + "/Templates/partials/base.mustache"])
        #expect(!broken.report.succeeded)
        #expect(broken.report.diagnostics.items.contains { $0.path.hasSuffix("partials/base.mustache") && $0.message.contains("unclosed") })
        folder.write("Templates/partials/base.mustache", base)
        let fixed = builder.rebuild(changed: [folder.path + "/Templates/partials/base.mustache"])
        #expect(fixed.report.succeeded)
        #expect(builder.outputs == folder.fullBuildFiles())
        #expect(builder.outputs["topics/page/2/index.html"] != nil && builder.outputs["404.html"] != nil)
    }

    @Test func aBadPaginateWritesNothing() {
        let folder = project(topics: "    paginate: 0\n")
        let report = SiteBuilder.build(BuildOptions.project(folder))
        #expect(!report.succeeded)
        #expect(report.diagnostics.items.map(\.description).contains { $0.hasSuffix("site.yml:20:5: error: section 'topics': paginate must be a whole number of pages above 0 (or false)") })
        #expect(!folder.exists("public"))
    }

    @Test func latestAndFirstAreBoundedWhereverTheSectionIs() throws {
        let folder = project(topics: "    latest: 2\n")
        folder.write("Templates/layouts/home.mustache",
                     "{{<base}}{{$main}}{{#site.sections.topics}}<ol>{{#latest}}<li>{{title}}</li>{{/latest}}</ol>"
                        + "<p>{{#first}}{{title}} {{url}}{{/first}}</p>{{/site.sections.topics}}{{/main}}{{/base}}\n")
        folder.write("Templates/layouts/topics/single.mustache",
                     "{{<base}}{{$main}}{{#site.sections.people.first}}<p id=\"first\">{{title}} {{url}}</p>{{/site.sections.people.first}}{{/main}}{{/base}}\n")
        let files = folder.fullBuildFiles()
        let home = String(decoding: files["index.html"] ?? [], as: UTF8.self)
        #expect(home.contains("<ol><li>Alpha</li><li>Beta</li></ol>"))
        #expect(home.contains("<p>Alpha topics/alpha/index.html</p>"))
        let topic = String(decoding: files["topics/gamma/index.html"] ?? [], as: UTF8.self)
        #expect(topic.contains("<p id=\"first\">Ada ../../people/ada/index.html</p>"))
    }

    @Test func siteSectionsGroupsTellWhereEachGroupStartsWithoutItsPages() throws {
        let folder = project(topics: "    paginate: 2\n")
        folder.write("Templates/layouts/home.mustache",
                     "{{<base}}{{$main}}<ol>{{#site.sections.topics.groups}}<li>{{value}} {{title}} {{count}} {{list_url}}"
                        + "{{#pages}}!{{/pages}}</li>{{/site.sections.topics.groups}}</ol>{{/main}}{{/base}}\n")
        let home = String(decoding: folder.fullBuildFiles()["index.html"] ?? [], as: UTF8.self)
        // Two big topics fill list page 1; the small one starts on page 2. No group lists its pages.
        #expect(home.contains("<ol><li>big Big topics 2 topics/index.html</li><li>small Small topics 1 topics/page/2/index.html</li></ol>"))
        // Two more big topics push the small group to page 3, and serve's home page follows.
        let builder = BuildPipeline(options: BuildOptions.project(folder))
        #expect(builder.build().succeeded)
        for name in ["delta", "epsilon"] { folder.write("Content/topics/\(name).md", "---\ntitle: \(name)\nkind: big\n---\nText.\n") }
        let result = builder.rebuild(changed: ["delta", "epsilon"].map { folder.path + "/Content/topics/\($0).md" })
        #expect(result.report.succeeded)
        let served = String(decoding: builder.outputs["index.html"] ?? [], as: UTF8.self)
        #expect(served.contains("<li>big Big topics 4 topics/index.html</li><li>small Small topics 1 topics/page/3/index.html</li>"))
        let full = String(decoding: folder.fullBuildFiles()["index.html"] ?? [], as: UTF8.self)
        #expect(served == full)
    }

    /// `sitegen serve`'s builder, as pages come and go across pager boundaries and a page's title
    /// changes on page 2: after each edit it holds exactly a full build's files, and it rewrote
    /// the pager pages the edit changed.
    @Test func serveUpdatesThePagerPagesAFullBuildWould() throws {
        let folder = project(siteWide: "paginate: 1\n")
        // A list layout reading nothing of the section but its pager: the list page's own title and
        // text still reach every pager page.
        folder.write("Templates/layouts/people/list.mustache",
                     "<!DOCTYPE html><title>{{page.title}}</title>{{{page.content}}}{{#paginator.pages}}<p>{{title}}</p>{{/paginator.pages}}\n")
        let builder = BuildPipeline(options: BuildOptions.project(folder))
        #expect(builder.build().succeeded)
        func rebuild(_ path: String, _ text: String?) throws -> Set<String> {
            if let text { folder.write(path, text) } else { try FileManager.default.removeItem(atPath: folder.path + "/" + path) }
            let result = builder.rebuild(changed: [folder.path + "/" + path])
            try #require(result.report.succeeded, "\(result.report.diagnostics.items.map(\.description))")
            let expected = folder.fullBuildFiles()
            let stale = Set(expected.keys).union(builder.outputs.keys).filter { expected[$0] != builder.outputs[$0] }.sorted()
            #expect(stale.isEmpty, "differs from a full build in \(stale)")
            return Set(result.changedOutputs)
        }
        // Ada (weight 1) and Bob: two list pages. Carl (weight 0) goes first and makes a third.
        let added = try rebuild("Content/people/carl.md", "---\ntitle: Carl\nrole: Tester\nweight: 0\n---\nCarl tests.\n")
        #expect(added.isSuperset(of: ["people/index.html", "people/page/2/index.html", "people/page/3/index.html"]))
        // Bob's title is on page 3 alone.
        let retitled = try rebuild("Content/people/2024-01-02-bob.md", "---\ntitle: Robert\nrole: Writer\nweight: 2\ndate: 2024-01-02\n---\nBob writes.\n")
        #expect(retitled.contains("people/page/3/index.html"))
        #expect(!retitled.contains("people/index.html") && !retitled.contains("people/page/2/index.html"))
        // The people's `_index.md` title is on every one of their list pages.
        let index = try rebuild("Content/people/_index.md", "---\ntitle: Everyone\n---\nAll of them.\n")
        #expect(index.isSuperset(of: ["people/index.html", "people/page/2/index.html", "people/page/3/index.html"]))
        // Carl gone: page 3 goes, and the others show their pages again.
        let removed = try rebuild("Content/people/carl.md", nil)
        #expect(removed.isSuperset(of: ["people/page/3/index.html", "people/index.html", "people/page/2/index.html"]))
        #expect(builder.outputs["people/page/3/index.html"] == nil)
    }

    /// The real theme is bounded: with 120 more speakers, news and clusters, no page but the list
    /// pages grows with the site, each list page shows at most `paginate` (24) pages, and the
    /// whole site still passes `sitegen check --strict`.
    @Test func theRealThemeShowsNoWholeSection() throws {
        func sizes(_ folder: TemporaryFolder) -> [String: Int] {
            var options = BuildOptions.project(folder)
            options.dryRun = true
            options.checkOutput = true
            options.warningsAreErrors = true
            let report = SiteBuilder.build(options)
            #expect(report.succeeded, "\(report.diagnostics.items.prefix(5).map(\.description))")
            return Dictionary(uniqueKeysWithValues: report.files.map { ($0.path, $0.bytes.count) })
        }
        let small = sizes(TemporaryFolder.project(copying: Repository.root))
        let folder = TemporaryFolder.project(copying: Repository.root)
        for number in 1...40 {
            folder.write("Content/speakers/guest-\(number).md", "---\ntitle: Guest \(number)\nrole: Designer\norganisation: Studio \(number)\n---\nA guest.\n")
            folder.write("Content/news/2023-07-\(String(format: "%02d", number % 28 + 1))-note-\(number).md",
                         "---\ntitle: Note \(number)\ndate: 2023-07-\(String(format: "%02d", number % 28 + 1))\n---\nA note.\n")
            folder.write("Content/clusters/extra-\(number).md", "---\ntitle: Extra \(number)\ntier: new-star\n---\nAn extra cluster.\n")
        }
        let large = sizes(folder)
        for path in ["index.html", "clusters/advanced-materials/index.html", "clusters/life-sciences/index.html",
                     "news/industry-design-empowerment-conference/index.html", "speakers/tan-jialing/index.html", "event/index.html"] {
            let before = try #require(small[path]), after = try #require(large[path])
            // The home page shows the latest few news: their titles differ, their number does not.
            #expect(after < before + 2048, "\(path) grew from \(before) to \(after) bytes")
        }
        // 41 speakers, 41 news, 52 clusters at 24 a page.
        for (section, pages) in [("speakers", 2), ("news", 2), ("clusters", 3)] {
            #expect(large["\(section)/page/\(pages)/index.html"] != nil && large["\(section)/page/\(pages + 1)/index.html"] == nil, "\(section)")
        }
    }
}
