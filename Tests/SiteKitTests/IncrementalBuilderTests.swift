import Foundation
import Testing
@testable import SiteKit

/// serve's pipeline (kept results) must always produce exactly what a full build produces, while
/// re-rendering only the pages a change affects.
@Suite struct IncrementalBuilderTests {
    let folder: TemporaryFolder
    let builder: BuildPipeline

    init() {
        folder = TemporaryFolder.project()
        builder = BuildPipeline(options: BuildOptions.project(folder))
    }

    /// What a fresh full build makes of the files as they are now.
    func fullBuild() -> [String: [UInt8]] { folder.fullBuildFiles() }

    func change(_ relative: String, _ text: String?) -> RebuildResult {
        if let text { folder.write(relative, text) } else { try? FileManager.default.removeItem(atPath: folder.path + "/" + relative) }
        return builder.rebuild(changed: [folder.path + "/" + relative])
    }

    @Test func firstBuildMatchesAFullBuild() {
        let report = builder.build()
        #expect(report.succeeded)
        #expect(builder.outputs == fullBuild())
    }

    @Test func removingAFileThatWasNeverThereDoesNothing() {
        _ = builder.build()
        let before = builder.outputs
        let result = change("Content/people/bob.md", nil)  // not a file of the fixture
        #expect(result.report.succeeded)
        #expect(result.report.diagnostics.items.isEmpty)
        #expect(result.renderedPages == 0)
        #expect(result.changedOutputs.isEmpty)
        #expect(!result.fullRebuild)
        #expect(builder.outputs == before)
    }

    @Test func editingABodyRendersOnlyWhatShowsIt() {
        _ = builder.build()
        let edit = change("Content/people/ada.md", "---\ntitle: Ada\nrole: Engineer\nweight: 1\n---\n## Work\n\nAda now works on [alpha](../topics/alpha.md) and more.\n")
        #expect(edit.report.succeeded)
        #expect(!edit.fullRebuild)
        // Ada, the people list and the home page; not the topics, about or 404 pages.
        #expect(edit.renderedPages == 3)
        #expect(edit.changedOutputs.contains("people/ada/index.html"))
        #expect(!edit.changedOutputs.contains("about/index.html"))
        #expect(builder.outputs == fullBuild())
    }

    @Test func movingAPageBetweenGroupsMatchesAFullBuild() {
        _ = builder.build()
        let edit = change("Content/topics/alpha.md", "---\ntitle: Alpha\nkind: small\n---\nThe alpha topic.\n")
        #expect(edit.report.succeeded)
        #expect(builder.outputs == fullBuild())
        let gamma = String(decoding: builder.outputs["topics/gamma/index.html"] ?? [], as: UTF8.self)
        #expect(gamma.contains(">Alpha<"))
    }

    @Test func addingAndRemovingPagesMatchesAFullBuild() {
        _ = builder.build()
        let added = change("Content/topics/delta.md", "---\ntitle: Delta\nkind: big\n---\nSee [Ada](../people/ada.md).\n")
        #expect(added.report.succeeded)
        #expect(added.changedOutputs.contains("topics/delta/index.html"))
        #expect(builder.outputs == fullBuild())
        let removed = change("Content/topics/delta.md", nil)
        #expect(removed.report.succeeded)
        #expect(removed.changedOutputs.contains("topics/delta/index.html"))
        #expect(builder.outputs["topics/delta/index.html"] == nil)
        #expect(builder.outputs == fullBuild())
    }

    @Test func renamingAPageShowsInEveryListAndLinkToIt() {
        _ = builder.build()
        let renamed = change("Content/topics/alpha.md", "---\ntitle: Alpha Prime\nkind: big\nweight: 5\n---\nThe alpha topic.\n")
        #expect(renamed.report.succeeded)
        #expect(!renamed.fullRebuild)
        #expect(builder.outputs == fullBuild())
        let again = change("Content/index.md", "---\ntitle: Welcome back\n---\nHello from the **home** page. See [About](about.md) and [Ada](people/ada.md#work).\n")
        #expect(again.report.succeeded)
        #expect(builder.outputs == fullBuild())
    }

    @Test func aTemplateChangeRendersThePagesThatUseIt() {
        _ = builder.build()
        let edit = change("Templates/layouts/people/single.mustache",
                          "{{<base}}{{$main}}<p class=\"role\">Role: {{page.params.role}}</p>{{{page.content}}}{{/main}}{{/base}}\n")
        #expect(edit.report.succeeded)
        #expect(edit.renderedPages == 2)  // ada and bob
        #expect(builder.outputs == fullBuild())
    }

    @Test func aBrokenEditKeepsTheLastGoodBuildUntilFixed() throws {
        _ = builder.build()
        let good = builder.outputs
        let broken = change("Content/about.md", "---\ntitle: [unclosed\n---\nText\n")
        #expect(!broken.report.succeeded)
        let error = try #require(broken.report.diagnostics.items.first)
        #expect(error.path == "Content/about.md")
        #expect(builder.outputs == good)
        let fixed = change("Content/about.md", "---\ntitle: About again\n---\nText\n")
        #expect(fixed.report.succeeded)
        #expect(String(decoding: builder.outputs["about/index.html"] ?? [], as: UTF8.self).contains("About again"))
        #expect(builder.outputs == fullBuild())
    }

    @Test func anErrorInOnePageStaysReportedWhileOthersAreEdited() {
        _ = builder.build()
        let broken = change("Content/about.md", "---\ntitle: About\n---\nSee [x](nowhere.md).\n")
        #expect(!broken.report.succeeded)
        let other = change("Content/people/ada.md", "---\ntitle: Ada\nrole: Engineer\nweight: 1\n---\nStill here.\n")
        #expect(!other.report.succeeded)
        #expect(other.report.diagnostics.items.contains { $0.path == "Content/about.md" && $0.message.contains("nowhere.md") })
        let fixed = change("Content/about.md", "---\ntitle: About\n---\nFixed.\n")
        #expect(fixed.report.succeeded)
        #expect(builder.outputs == fullBuild())
    }

    @Test func aLinkedPageThatDisappearsIsAnErrorInThePageThatLinks() {
        _ = builder.build()
        let removed = change("Content/topics/alpha.md", nil)
        #expect(!removed.report.succeeded)
        #expect(removed.report.diagnostics.items.contains { $0.path == "Content/people/ada.md" && $0.message.contains("alpha.md") })
    }
}

@Suite struct DeferredSiteWideFilesTests {
    @Test func deferredFilesCatchUpWithAFullBuild() throws {
        let folder = TemporaryFolder.project()
        let builder = BuildPipeline(options: BuildOptions.project(folder))
        builder.defersSiteWideFiles = true
        #expect(builder.build().succeeded)
        let sitemapBefore = builder.outputs["sitemap.xml"]
        folder.write("Content/people/ada.md", "---\ntitle: Ada Lovelace\nrole: Engineer\nweight: 1\ndate: 2024-02-03\n---\nNew words: zephyr.\n")
        let result = builder.rebuild(changed: [folder.path + "/Content/people/ada.md"])
        #expect(result.report.succeeded)
        #expect(result.changedOutputs.contains("people/ada/index.html"))
        #expect(builder.outputs["sitemap.xml"] == sitemapBefore)  // not yet
        let later = builder.completeDeferredFiles()
        #expect(later.contains("sitemap.xml"))
        #expect(later.contains { $0.hasPrefix("search/") })
        #expect(builder.completeDeferredFiles().isEmpty)
        var options = BuildOptions.project(folder)
        options.dryRun = true
        let full = SiteBuilder.build(options)
        #expect(builder.outputs == Dictionary(uniqueKeysWithValues: full.files.map { ($0.path, $0.bytes) }))
    }
}
