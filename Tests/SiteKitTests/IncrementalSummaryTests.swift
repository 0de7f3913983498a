import Foundation
import Testing
@testable import SiteKit

/// Edits that lists, groups and events show — or do not — must re-render exactly the pages that
/// show them, and every output must stay what a full build writes, with summaries kept across
/// rebuilds.
@Suite struct IncrementalSummaryTests {
    let folder: TemporaryFolder
    let builder: BuildPipeline

    static let peopleList = """
        {{<base}}{{$main}}<ol class="people">{{#section.pages}}<li><a href="{{url}}">{{title}}</a> {{#date_display}}{{.}}{{/date_display}} \
        <span class="summary">{{summary}}</span> {{params.role}}</li>{{/section.pages}}</ol>{{/main}}{{/base}}

        """

    init() {
        folder = TemporaryFolder.project()
        // A list that shows summaries, dates and params, and dated pages without weights (sorted by date).
        folder.write("Templates/layouts/people/list.mustache", Self.peopleList)
        folder.write("Content/people/carol.md", "---\ntitle: Carol\nrole: Editor\ndate: 2024-03-01\n---\nCarol edits.\n")
        folder.write("Content/people/dan.md", "---\ntitle: Dan\nrole: Designer\ndate: 2024-02-01\n---\nDan draws.\n")
        builder = BuildPipeline(options: BuildOptions.project(folder))
    }

    func fullBuild() -> [String: [UInt8]] { folder.fullBuildFiles() }

    func change(_ relative: String, _ text: String) -> RebuildResult {
        folder.write(relative, text)
        return builder.rebuild(changed: [folder.path + "/" + relative])
    }

    func output(_ path: String) -> String {
        String(decoding: builder.outputs[path] ?? [], as: UTF8.self)
    }

    /// The people list's entries, in order.
    func peopleOrder() -> [String] {
        output("people/index.html").components(separatedBy: "<li><a href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func aBodyEditThatKeepsTheSummaryRendersOnlyThePage() {
        #expect(builder.build().succeeded)
        let list = builder.outputs["people/index.html"]
        let home = builder.outputs["index.html"]
        // A second paragraph: the summary (the first paragraph) stays. The home page links to Ada.
        let edit = change("Content/people/ada.md", "---\ntitle: Ada\nrole: Engineer\nweight: 1\n---\n## Work\n\n"
                          + "Ada works on [the big topic](../topics/alpha.md).\n\nShe also writes.\n")
        #expect(edit.report.succeeded)
        #expect(edit.renderedPages == 1)
        // The search index changes too (the text is new); no other page does.
        #expect(edit.changedOutputs.filter { !$0.hasPrefix("search/") } == ["people/ada/index.html"])
        #expect(builder.outputs["people/index.html"] == list)
        #expect(builder.outputs["index.html"] == home)
        #expect(builder.outputs == fullBuild())
    }

    @Test func aTitleEditUpdatesTheListAndTheHomePage() {
        #expect(builder.build().succeeded)
        let edit = change("Content/people/ada.md", "---\ntitle: Ada Lovelace\nrole: Engineer\nweight: 1\n---\n## Work\n\n"
                          + "Ada works on [the big topic](../topics/alpha.md).\n")
        #expect(edit.report.succeeded)
        #expect(edit.changedOutputs.contains("people/index.html"))
        #expect(edit.changedOutputs.contains("index.html"))
        #expect(output("people/index.html").contains(">Ada Lovelace</a>"))
        #expect(builder.outputs == fullBuild())
        // Again, with the summaries the first edit left in the cache.
        let again = change("Content/people/carol.md", "---\ntitle: Carol Ann\nrole: Editor\ndate: 2024-03-01\n---\nCarol edits.\n")
        #expect(again.report.succeeded)
        #expect(output("people/index.html").contains(">Carol Ann</a>"))
        #expect(output("people/index.html").contains(">Ada Lovelace</a>"))
        #expect(builder.outputs == fullBuild())
    }

    @Test func aSummaryEditUpdatesTheList() {
        #expect(builder.build().succeeded)
        let edit = change("Content/people/dan.md", "---\ntitle: Dan\nrole: Designer\ndate: 2024-02-01\n---\nDan paints now.\n")
        #expect(edit.report.succeeded)
        #expect(edit.changedOutputs.contains("people/index.html"))
        #expect(output("people/index.html").contains("<span class=\"summary\">Dan paints now.</span>"))
        #expect(builder.outputs == fullBuild())
        // A summary in the front matter overrides the first paragraph, which then no longer shows.
        let matter = change("Content/people/dan.md", "---\ntitle: Dan\nrole: Designer\ndate: 2024-02-01\nsummary: Our designer.\n---\nDan paints now.\n")
        #expect(matter.report.succeeded)
        #expect(output("people/index.html").contains("<span class=\"summary\">Our designer.</span>"))
        let body = change("Content/people/dan.md", "---\ntitle: Dan\nrole: Designer\ndate: 2024-02-01\nsummary: Our designer.\n---\nDan sculpts.\n")
        #expect(body.renderedPages == 1)
        #expect(builder.outputs == fullBuild())
    }

    @Test func aParamsEditUpdatesTheList() {
        #expect(builder.build().succeeded)
        let edit = change("Content/people/dan.md", "---\ntitle: Dan\nrole: Illustrator\ndate: 2024-02-01\n---\nDan draws.\n")
        #expect(edit.report.succeeded)
        #expect(output("people/index.html").contains("Illustrator"))
        #expect(builder.outputs == fullBuild())
    }

    @Test func aDateEditReordersTheList() {
        #expect(builder.build().succeeded)
        let before = peopleOrder()
        #expect(before == ["ada/index.html", "bob/index.html", "carol/index.html", "dan/index.html"])
        let edit = change("Content/people/dan.md", "---\ntitle: Dan\nrole: Designer\ndate: 2024-04-01\n---\nDan draws.\n")
        #expect(edit.report.succeeded)
        #expect(peopleOrder() == ["ada/index.html", "bob/index.html", "dan/index.html", "carol/index.html"])
        #expect(output("people/index.html").contains("1 April 2024"))
        #expect(builder.outputs == fullBuild())
        // A date that keeps Dan's place (still the newest) changes the date shown, not the order.
        let later = change("Content/people/dan.md", "---\ntitle: Dan\nrole: Designer\ndate: 2024-05-01\n---\nDan draws.\n")
        #expect(later.report.succeeded)
        #expect(peopleOrder() == ["ada/index.html", "bob/index.html", "dan/index.html", "carol/index.html"])
        #expect(output("people/index.html").contains("1 May 2024"))
        #expect(builder.outputs == fullBuild())
    }

    @Test func aTitleEditReordersPagesOfTheSameDate() {
        folder.write("Content/people/dan.md", "---\ntitle: Dan\nrole: Designer\ndate: 2024-03-01\n---\nDan draws.\n")
        #expect(builder.build().succeeded)
        #expect(peopleOrder() == ["ada/index.html", "bob/index.html", "carol/index.html", "dan/index.html"])
        let edit = change("Content/people/dan.md", "---\ntitle: Aaron Dan\nrole: Designer\ndate: 2024-03-01\n---\nDan draws.\n")
        #expect(edit.report.succeeded)
        #expect(peopleOrder() == ["ada/index.html", "bob/index.html", "dan/index.html", "carol/index.html"])
        #expect(builder.outputs == fullBuild())
    }

    @Test func groupSiblingsFollowTitlesNotBodies() {
        #expect(builder.build().succeeded)
        let body = change("Content/topics/alpha.md", "---\ntitle: Alpha\nkind: big\n---\nThe alpha topic.\n\nMore on alpha.\n")
        #expect(body.report.succeeded)
        #expect(body.renderedPages == 1)
        #expect(builder.outputs == fullBuild())
        let title = change("Content/topics/alpha.md", "---\ntitle: Alpha One\nkind: big\n---\nThe alpha topic.\n\nMore on alpha.\n")
        #expect(title.report.succeeded)
        // Alpha, its sibling beta, the topics list and the home page; not gamma (another group).
        #expect(title.changedOutputs.contains("topics/beta/index.html"))
        #expect(!title.changedOutputs.contains("topics/gamma/index.html"))
        #expect(output("topics/beta/index.html").contains(">Alpha One</a>"))
        #expect(builder.outputs == fullBuild())
    }

    @Test func pagesMovingDropTheKeptSummaries() {
        #expect(builder.build().succeeded)
        _ = change("Content/people/ada.md", "---\ntitle: Ada L\nrole: Engineer\nweight: 1\n---\n## Work\n\nAda works on [the big topic](../topics/alpha.md).\n")
        #expect(builder.summaries.counts.items > 0)
        // A new page shifts the indexes of the pages after it: the kept summaries must not be reused.
        let added = change("Content/people/bea.md", "---\ntitle: Bea\nrole: Tester\ndate: 2024-02-15\n---\nBea tests.\n")
        #expect(added.report.succeeded)
        #expect(!added.fullRebuild)
        // Bea, the people list and the home page (which list her); not the topics or the about page.
        #expect(added.renderedPages == 3)
        #expect(builder.outputs == fullBuild())
        let edit = change("Content/people/carol.md", "---\ntitle: Carol C\nrole: Editor\ndate: 2024-03-01\n---\nCarol edits.\n")
        #expect(edit.report.succeeded)
        #expect(builder.outputs == fullBuild())
    }
}

/// The real site: the conference page lists its performers (speakers) with their summaries.
@Suite struct IncrementalEventTests {
    @Test func aPerformersTitleShowsOnTheEventPageAndABodyEditDoesNot() throws {
        let folder = TemporaryFolder.project(copying: Repository.root)
        let builder = BuildPipeline(options: BuildOptions.project(folder))
        #expect(builder.build().succeeded)
        let path = "Content/speakers/tan-jialing.md"
        let original = try #require(folder.read(path))
        func fullBuild() -> [String: [UInt8]] { folder.fullBuildFiles() }
        folder.write(path, original + "\nOne more paragraph at the end.\n")
        let body = builder.rebuild(changed: [folder.path + "/" + path])
        #expect(body.report.succeeded)
        #expect(body.renderedPages == 1)
        #expect(builder.outputs == fullBuild())
        let titled = original.replacingOccurrences(of: "title: Tan Jialing", with: "title: Tan Jialing (Vice Chairman)")
        #expect(titled != original)
        folder.write(path, titled)
        let title = builder.rebuild(changed: [folder.path + "/" + path])
        #expect(title.report.succeeded)
        #expect(title.changedOutputs.contains("event/index.html"))
        #expect(String(decoding: builder.outputs["event/index.html"] ?? [], as: UTF8.self).contains("Tan Jialing (Vice Chairman)"))
        #expect(builder.outputs == fullBuild())
    }
}

/// Site-wide files made off the build queue must never bring back what a later rebuild replaced.
@Suite struct DeferredWorkTests {
    @Test func workOfAnOlderRebuildIsDroppedAndTheLatestCatchesUp() throws {
        let folder = TemporaryFolder.project()
        let builder = BuildPipeline(options: BuildOptions.project(folder))
        builder.defersSiteWideFiles = true
        #expect(builder.build().succeeded)
        #expect(builder.deferredWork() == nil)
        let path = folder.path + "/Content/people/ada.md"
        folder.write("Content/people/ada.md", "---\ntitle: Ada One\nrole: Engineer\nweight: 1\n---\nFirst words: quokka.\n")
        #expect(builder.rebuild(changed: [path]).report.succeeded)
        let first = try #require(builder.deferredWork())
        folder.write("Content/people/ada.md", "---\ntitle: Ada Two\nrole: Engineer\nweight: 1\n---\nSecond words: zephyr.\n")
        #expect(builder.rebuild(changed: [path]).report.succeeded)
        let second = try #require(builder.deferredWork())
        #expect(first.version != second.version)
        // The first rebuild's index, finished late, is not taken.
        #expect(builder.installDeferred(first.make(), version: first.version) == nil)
        let changed = try #require(builder.installDeferred(second.make(), version: second.version))
        #expect(changed.contains("sitemap.xml") || changed.contains { $0.hasPrefix("search/") })
        #expect(builder.deferredWork() == nil)
        var options = BuildOptions.project(folder)
        options.dryRun = true
        let full = SiteBuilder.build(options)
        #expect(builder.outputs == Dictionary(uniqueKeysWithValues: full.files.map { ($0.path, $0.bytes) }))
    }

    @Test func aFailedRebuildLeavesTheLastGoodWorkWanted() throws {
        let folder = TemporaryFolder.project()
        let builder = BuildPipeline(options: BuildOptions.project(folder))
        builder.defersSiteWideFiles = true
        #expect(builder.build().succeeded)
        folder.write("Content/people/ada.md", "---\ntitle: Ada One\nrole: Engineer\nweight: 1\n---\nWords: quokka.\n")
        #expect(builder.rebuild(changed: [folder.path + "/Content/people/ada.md"]).report.succeeded)
        let work = try #require(builder.deferredWork())
        folder.write("Content/about.md", "---\ntitle: [unclosed\n---\nText\n")
        #expect(!builder.rebuild(changed: [folder.path + "/Content/about.md"]).report.succeeded)
        // The good build's pages are still served, so its index is still the one to make.
        #expect(builder.installDeferred(work.make(), version: work.version) != nil)
    }
}
