import Foundation
import Testing
@testable import SiteKit

/// `sitegen new` and `sitegen init` (SiteKit/Scaffold): the text they write, what they refuse, and
/// that what they write builds.
@Suite struct ScaffoldTests {
    static let today = ContentDate(year: 2026, month: 12, day: 2)

    func request(_ folder: TemporaryFolder, _ path: String) -> NewPageRequest {
        NewPageRequest(path: path, today: Self.today, workingDirectory: folder.path)
    }

    func problems(_ result: Result<NewPageResult, Diagnostics>) -> [String] {
        guard case .failure(let diagnostics) = result else { return [] }
        return diagnostics.items.map(\.description)
    }

    /// Every file below `folder`, for "nothing was written" checks.
    func tree(_ folder: TemporaryFolder) -> [String] {
        (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted()
    }

    // MARK: Names and text

    @Test func titleComesFromTheFileNameWithoutItsDate() {
        #expect(ScaffoldText.title(fromFileName: "li-ming.md") == "Li Ming")
        #expect(ScaffoldText.title(fromFileName: "2024-05-01-call_for-papers.md") == "Call For Papers")
        #expect(ScaffoldText.title(fromFileName: "ünïcode-名字.md") == "Ünïcode 名字")
        #expect(ScaffoldText.date(fromFileName: "2024-05-01-call.md") == ContentDate(year: 2024, month: 5, day: 1))
        #expect(ScaffoldText.date(fromFileName: "2024-02-30-call.md") == nil)
        #expect(ScaffoldText.date(fromFileName: "li-ming.md") == nil)
    }

    @Test func quotedTitlesReadBackAsWritten() throws {
        for title in ["Li Ming", "Q&A: what # means", "\"quoted\" \\ back", "- leading dash", "yes", "123", "tab\there"] {
            let (document, diagnostics) = YAMLDocument.parse("title: \(ScaffoldText.yamlQuoted(title))\n", path: "t", lineOffset: 0, aliases: .forbidden)
            #expect(diagnostics.isEmpty)
            #expect(try #require(document).text("title") == title)
        }
    }

    @Test func skeletonHasTheRequiredFieldsEmptyTheDateAndDraft() {
        var schema = SectionSchema(name: "clusters", title: "Clusters", required: ["tier", "date", "title"], enumerations: [:])
        schema.enumerations["tier"] = ["trillion", "new-star"].map { EnumeratedValue(value: $0, title: $0, params: [:]) }
        let skeleton = PageSkeleton(title: "Quantum Widgets", schema: schema, date: Self.today)
        #expect(skeleton.text == """
            ---
            title: "Quantum Widgets"
            tier:  # one of: trillion, new-star
            date: 2026-12-02
            draft: true
            ---


            """)
        #expect(PageSkeleton(title: "About", schema: nil, date: Self.today).text == "---\ntitle: \"About\"\ndraft: true\n---\n\n")
    }

    @Test func pathsThatCannotNameANewPageAreRefusedWithAReason() {
        func reason(_ path: String) -> String? {
            guard case .failure(let problem) = ContentPath.parse(path, contentDisplay: "Content") else { return nil }
            return problem.reason
        }
        #expect(reason("/etc/x.md")?.hasPrefix("is an absolute path") == true)
        #expect(reason("../x.md")?.hasPrefix("leads outside Content/") == true)
        #expect(reason("people/../../x.md")?.hasPrefix("leads outside Content/") == true)
        #expect(reason("people/notes.txt")?.hasPrefix("is not a Markdown file") == true)
        #expect(reason("people/.md")?.contains("hidden") == true)
        #expect(reason(".hidden/x.md")?.contains("hidden") == true)
        #expect(reason("")?.hasPrefix("no page path given") == true)
        #expect(reason("people/a\u{202E}b.md") != nil)
        #expect(reason("./people//ada-two.md") == nil)
        #expect((try? ContentPath.parse("./people//ada-two.md", contentDisplay: "Content").get())?.relative == "people/ada-two.md")
    }

    // MARK: sitegen new

    @Test func newPageInASectionBuildsOnceItsRequiredFieldsAreFilledIn() throws {
        let folder = TemporaryFolder.project()
        let made = try NewPage.create(request(folder, "people/li-ming.md")).get()
        #expect(made == NewPageResult(displayPath: "Content/people/li-ming.md", archetype: nil))
        #expect(folder.read("Content/people/li-ming.md") == "---\ntitle: \"Li Ming\"\nrole:\ndraft: true\n---\n\n")

        // A draft builds at once; the build names the field left empty, at its line...
        var options = BuildOptions.project(folder)
        options.dryRun = true
        options.includeDrafts = true
        let first = SiteBuilder.build(options)
        #expect(first.succeeded)
        #expect(first.diagnostics.items.map(\.description) == [
            "Content/people/li-ming.md:3:1: warning: missing required field 'role' (required in section 'people'); fill it in before the draft is published",
        ])
        // ...which is an error once it is no draft...
        folder.write("Content/people/li-ming.md", "---\ntitle: \"Li Ming\"\nrole:\n---\n\n")
        #expect(SiteBuilder.build(options).diagnostics.items.map(\.description) == [
            "Content/people/li-ming.md:3:1: error: missing required field 'role' (required in section 'people')",
        ])
        // ...and once the author fills it in, the page is built.
        folder.write("Content/people/li-ming.md", try #require(folder.read("Content/people/li-ming.md")).replacingOccurrences(of: "role:\n", with: "role: Poet\n"))
        let report = SiteBuilder.build(options)
        #expect(report.succeeded, "\(report.diagnostics.items)")
        #expect(report.files.contains { $0.path == "people/li-ming/index.html" })
    }

    @Test func enumeratedFieldsListTheirValuesAndDatedSectionsGetTodayOrTheFileNamesDate() throws {
        let folder = TemporaryFolder.project()
        folder.write("Content/site.yml", try #require(folder.read("Content/site.yml")) + "  notes:\n    required: [date]\n")
        _ = try NewPage.create(request(folder, "topics/delta.md")).get()
        #expect(folder.read("Content/topics/delta.md") == "---\ntitle: \"Delta\"\nkind:  # one of: big, small\ndraft: true\n---\n\n")
        _ = try NewPage.create(request(folder, "notes/launch.md")).get()
        #expect(folder.read("Content/notes/launch.md") == "---\ntitle: \"Launch\"\ndate: 2026-12-02\ndraft: true\n---\n\n")
        _ = try NewPage.create(request(folder, "notes/2024-05-01-call-for-papers.md")).get()
        #expect(folder.read("Content/notes/2024-05-01-call-for-papers.md") == "---\ntitle: \"Call For Papers\"\ndate: 2024-05-01\ndraft: true\n---\n\n")
    }

    @Test func topLevelPagesSectionListsAndFoldersOnDiskNeedNoSchema() throws {
        let folder = TemporaryFolder.project()
        _ = try NewPage.create(request(folder, "contact.md")).get()
        #expect(folder.read("Content/contact.md") == "---\ntitle: \"Contact\"\ndraft: true\n---\n\n")
        try FileManager.default.createDirectory(atPath: folder.path + "/Content/guides", withIntermediateDirectories: true)
        _ = try NewPage.create(request(folder, "guides/setup.md")).get()
        #expect(folder.read("Content/guides/setup.md") == "---\ntitle: \"Setup\"\ndraft: true\n---\n\n")
        _ = try NewPage.create(request(folder, "topics/_index.md")).get()
        #expect(folder.read("Content/topics/_index.md") == "---\ntitle: \"Topics\"\ndraft: true\n---\n\n")
        // A section of site.yml whose folder does not exist yet gets it, nested folders too.
        try FileManager.default.removeItem(atPath: folder.path + "/Content/topics")
        _ = try NewPage.create(request(folder, "topics/2024/epsilon.md")).get()
        #expect(folder.exists("Content/topics/2024/epsilon.md"))
    }

    @Test func refusalsWriteNothing() throws {
        let folder = TemporaryFolder.project()
        let outside = TemporaryFolder()
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/Content/people/elsewhere", withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/Content/away", withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/Content/people/gone", withDestinationPath: outside.path + "/nowhere")
        let before = tree(folder)
        let ada = folder.read("Content/people/ada.md")
        #expect(problems(NewPage.create(request(folder, "people/ada.md"))) == ["Content/people/ada.md: error: already exists: not overwritten"])
        #expect(problems(NewPage.create(request(folder, "places/x.md"))) == [
            "Content/places/x.md: error: unknown section 'places': the sections are 'people', 'topics', 'away' (declare it under sections: in site.yml, or create the folder Content/places/)",
        ])
        #expect(problems(NewPage.create(request(folder, "people/elsewhere/x.md"))).first?.contains("'people/elsewhere' is a symbolic link that leads outside Content/") == true)
        #expect(problems(NewPage.create(request(folder, "away/x.md"))).first?.contains("'away' is a symbolic link that leads outside Content/") == true)
        #expect(problems(NewPage.create(request(folder, "people/gone/x.md"))) == ["Content/people/gone/x.md: error: 'people/gone' is a broken symbolic link"])
        #expect(problems(NewPage.create(request(folder, "people/ada.md/x.md"))) == ["Content/people/ada.md/x.md: error: 'people/ada.md' is not a folder"])
        #expect(problems(NewPage.create(request(folder, "_index.md"))) == ["Content/_index.md: error: _index.md belongs in a section folder; the home page is index.md"])
        #expect(problems(NewPage.create(request(folder, "people/a/_index.md"))).first?.contains("only top-level folders are sections") == true)
        #expect(problems(NewPage.create(request(folder, "../x.md"))).first?.hasPrefix("Content/../x.md: error: leads outside Content/") == true)
        #expect(tree(folder) == before)
        #expect(folder.read("Content/people/ada.md") == ada)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }

    @Test func aBrokenSiteConfigurationIsReportedAndNothingWritten() {
        let folder = TemporaryFolder.project()
        folder.write("Content/site.yml", "title: [unclosed\n")
        #expect(problems(NewPage.create(request(folder, "about-us.md"))).first?.hasPrefix("Content/site.yml:") == true)
        #expect(!folder.exists("Content/about-us.md"))
        let empty = TemporaryFolder()
        #expect(problems(NewPage.create(request(empty, "about.md"))).first?.contains("site configuration not found") == true)
    }

    // MARK: Archetypes

    @Test func anArchetypeOverridesTheTextWithItsPlaceholdersFilledIn() throws {
        let folder = TemporaryFolder.project()
        folder.write("Templates/archetypes/people.md", """
            ---
            title: "{{{title}}}"
            {{{fields}}}date: {{date}}
            ---
            {{title}} ({{slug}}) in {{section}}, at {{path}}.

            """)
        let made = try NewPage.create(request(folder, "people/li-ming.md")).get()
        #expect(made.archetype == "Templates/archetypes/people.md")
        #expect(folder.read("Content/people/li-ming.md") == "---\ntitle: \"Li Ming\"\nrole:\ndate: 2026-12-02\n---\nLi Ming (li-ming) in people, at people/li-ming.md.\n")
        // default.md serves the other sections and top-level pages; section lists get no archetype.
        folder.write("Templates/archetypes/default.md", "---\ntitle: \"{{{title}}}\"\n---\nDefault.\n")
        _ = try NewPage.create(request(folder, "topics/delta.md")).get()
        #expect(folder.read("Content/topics/delta.md") == "---\ntitle: \"Delta\"\n---\nDefault.\n")
        #expect(try NewPage.create(request(folder, "colophon.md")).get().archetype == "Templates/archetypes/default.md")
        try FileManager.default.removeItem(atPath: folder.path + "/Content/people/_index.md")
        #expect(try NewPage.create(request(folder, "people/_index.md")).get().archetype == nil)
    }

    @Test func anArchetypeWithAnUnknownNameOrBadFrontMatterIsAnErrorAtTheArchetype() throws {
        let folder = TemporaryFolder.project()
        folder.write("Templates/archetypes/people.md", "---\ntitle: \"{{{title}}}\"\nauthor: {{autor}}\n---\n")
        #expect(problems(NewPage.create(request(folder, "people/li-ming.md"))).first?.hasPrefix("Templates/archetypes/people.md:3:9: error: ") == true)
        folder.write("Templates/archetypes/people.md", "---\ntitle: [{{{title}}}\n---\n")
        #expect(problems(NewPage.create(request(folder, "people/li-ming.md"))).first?.hasPrefix(
            "Templates/archetypes/people.md: error: the page it makes has front matter that is not valid YAML") == true)
        folder.write("Templates/archetypes/people.md", "Just {{title}}\n")
        #expect(problems(NewPage.create(request(folder, "people/li-ming.md"))) == [
            "Templates/archetypes/people.md:1:1: error: the page it makes has no front matter: it must start with a '---' line",
        ])
        #expect(!folder.exists("Content/people/li-ming.md"))
        let outside = TemporaryFolder()
        outside.write("secret.md", "---\ntitle: Secret\n---\n")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/Templates/archetypes/topics.md", withDestinationPath: outside.path + "/secret.md")
        #expect(problems(NewPage.create(request(folder, "topics/delta.md"))) == [
            "Templates/archetypes/topics.md: error: symbolic link leads outside Templates: not followed",
        ])
        #expect(!folder.exists("Content/topics/delta.md"))
    }

    @Test func archetypesAreNotPartOfTheBuild() {
        let folder = TemporaryFolder.project()
        let without = folder.fullBuildFiles()
        // Mustache that would fail strict mode as a layout, and a file that would be copied as an asset.
        folder.write("Templates/archetypes/people.md", "---\ntitle: \"{{{title}}}\"\n---\n{{nowhere}}\n")
        folder.write("Templates/archetypes/default.md", "---\ntitle: \"{{{title}}}\"\n---\n")
        var options = BuildOptions.project(folder)
        options.dryRun = true
        options.checkOutput = true
        options.warningsAreErrors = true
        #expect(SiteBuilder.build(options).succeeded)
        #expect(folder.fullBuildFiles() == without)
    }

    // MARK: sitegen init

    @Test func initWritesASiteThatBuildsAndPassesTheStrictCheck() throws {
        let parent = TemporaryFolder()
        let written = try SiteInit.create(SiteInitRequest(directory: "my-site", today: Self.today, workingDirectory: parent.path)).get()
        #expect(written.contains("my-site/Content/site.yml"))
        #expect(written.contains("my-site/Templates/partials/base.mustache"))
        var options = BuildOptions(workingDirectory: parent.path + "/my-site")
        options.dryRun = true
        options.checkOutput = true
        options.warningsAreErrors = true
        let report = SiteBuilder.build(options)
        #expect(report.succeeded, "\(report.diagnostics.items.map(\.description))")
        let home = String(decoding: try #require(report.files.first { $0.path == "index.html" }).bytes, as: UTF8.self)
        #expect(home.contains("<html lang=\"en\">"))
        #expect(home.contains("<a class=\"skip-link\" href=\"#main\">"))
        #expect(home.contains("<main id=\"main\""))
        #expect(home.contains("<nav aria-label=\"Main\">"))
        #expect(home.contains("<title>My Site</title>"))
        #expect(report.files.contains { $0.path == "posts/hello-world/index.html" })
        #expect(report.files.contains { $0.path == "404.html" })
        #expect(!report.files.contains { $0.path.contains("archetypes") })
        // Its own archetype makes a post that builds as a draft.
        let new = NewPageRequest(path: "posts/second.md", today: Self.today, workingDirectory: parent.path + "/my-site")
        #expect(try NewPage.create(new).get().archetype == "Templates/archetypes/posts.md")
        options.includeDrafts = true
        let drafts = SiteBuilder.build(options)
        #expect(drafts.succeeded, "\(drafts.diagnostics.items.map(\.description))")
        #expect(drafts.files.contains { $0.path == "posts/second/index.html" })
    }

    @Test func initTakesAnEmptyFolderAndRefusesAFullOneOrAFile() throws {
        let parent = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: parent.path + "/empty", withIntermediateDirectories: true)
        #expect(throws: Never.self) { try SiteInit.create(SiteInitRequest(directory: "empty", today: Self.today, workingDirectory: parent.path)).get() }
        parent.write("full/notes.txt", "mine")
        parent.write("file", "mine")
        for (name, message) in [("full", "full: error: exists and is not empty (it holds notes.txt): give a new folder, or an empty one"),
                                ("file", "file: error: exists and is not a folder")] {
            guard case .failure(let problems) = SiteInit.create(SiteInitRequest(directory: name, today: Self.today, workingDirectory: parent.path)) else {
                Issue.record("\(name) was accepted")
                continue
            }
            #expect(problems.items.map(\.description) == [message])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path + "/full") == ["notes.txt"])
    }
}
