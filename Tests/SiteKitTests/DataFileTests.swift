import Foundation
import Testing
@testable import SiteKit

/// Data files (`Content/data/**`): read at build, shown through `site.data`, checked against
/// their schema in site.yml, and redone in `serve` exactly where read.
@Suite struct DataFileTests {
    static let programme = """
        - {title: Opening, start: "09:00", track: main}
        - title: "Design & industry"
          start: "10:30"
          track: forum
        """

    /// The fixture site with a programme, a venue in a nested folder (JSON), and a list page that shows both.
    func project(schema: String = "") -> TemporaryFolder {
        let folder = TemporaryFolder.project()
        folder.write("Content/data/programme.yml", Self.programme)
        folder.write("Content/data/venues/chengdu.json", #"{"name": "Chengdu <Hall>", "seats": 1200, "open": true}"#)
        if !schema.isEmpty {
            let config = folder.read("Content/site.yml")!
            folder.write("Content/site.yml", config + schema)
        }
        folder.write("Templates/layouts/people/list.mustache", """
            {{<base}}{{$main}}<ol class="programme">{{#site.data.programme}}<li data-track="{{track}}">{{start}} {{title}}</li>{{/site.data.programme}}</ol>
            <p class="venue">{{site.data.venues.chengdu.name}}, {{site.data.venues.chengdu.seats}} seats{{#site.data.venues.chengdu.open}}, open{{/site.data.venues.chengdu.open}}</p>{{/main}}{{/base}}
            """)
        return folder
    }

    @Test func dataReachesAListPage() throws {
        let folder = project()
        let files = folder.fullBuildFiles()
        let html = String(decoding: try #require(files["people/index.html"]), as: UTF8.self)
        #expect(html.contains(#"<li data-track="main">09:00 Opening</li><li data-track="forum">10:30 Design &amp; industry</li>"#))
        #expect(html.contains(#"<p class="venue">Chengdu &lt;Hall&gt;, 1200 seats, open</p>"#))
        // The data folder is not a section and its files are not pages.
        #expect(!files.keys.contains { $0.hasPrefix("data/") })
    }

    @Test func aMarkdownFileInTheDataFolderIsNoPage() {
        let folder = project()
        folder.write("Content/data/notes.md", "---\ntitle: Notes\n---\nNot a page.\n")
        let files = folder.fullBuildFiles()
        #expect(!files.keys.contains { $0.hasPrefix("data/") })
    }

    /// CSV is not read (README, "Data files"): a `.csv` there is a warning at the file, not silence,
    /// and an error under `--strict`.
    @Test func aCSVFileIsAWarningAndNotRead() {
        let folder = project()
        folder.write("Content/data/partners.csv", "name,city\n\"Chengdu, Sichuan\",x\n")
        let report = SiteBuilder.build(BuildOptions.project(folder))
        let messages = report.diagnostics.sorted.map(\.description)
        #expect(messages.contains { $0.hasPrefix("Content/data/partners.csv: warning: CSV data files are not read") })
        #expect(report.succeeded)
        #expect(!folder.fullBuildFiles().keys.contains { $0.hasPrefix("data/") })
        var strict = BuildOptions.project(folder)
        strict.warningsAreErrors = true
        #expect(!SiteBuilder.build(strict).succeeded)
    }

    @Test func dataIsNoSection() {
        let folder = project()
        let config = folder.read("Content/site.yml")!
        folder.write("Content/site.yml", config.replacingOccurrences(of: "sections:\n", with: "sections:\n  data: {title: Data}\n"))
        let messages = SiteBuilder.build(BuildOptions.project(folder)).diagnostics.sorted.map(\.description)
        #expect(messages.contains { $0.hasPrefix("Content/site.yml:") && $0.contains("'data' is the folder of data files") })
        folder.write("Content/site.yml", config)
        #expect(!NewPage.knownSections(SiteConfig.parse(config, path: "site.yml").0!, contentRoot: folder.path + "/Content").contains("data"))
    }

    @Test func schemaErrorsAreReportedAtTheirLinesAndNothingIsWritten() {
        let folder = project(schema: """
            data:
              programme:
                required: [title, start, room]
                fields:
                  track:
                    values: [main, workshop]
            """)
        let report = SiteBuilder.build(BuildOptions.project(folder))
        let messages = report.diagnostics.sorted.map(\.description)
        #expect(messages.contains { $0.hasPrefix("Content/data/programme.yml:1:3: error: record 1: missing required field 'room'") })
        #expect(messages.contains { $0.hasPrefix("Content/data/programme.yml:2:3: error: record 2: missing required field 'room'") })
        #expect(messages.contains { $0.hasPrefix("Content/data/programme.yml:4:10: error: record 2: 'forum' is not an allowed track: use one of 'main', 'workshop'") })
        #expect(report.diagnostics.errorCount == 3)
        #expect(!folder.exists("public"))
    }

    @Test func aMappingOfRecordsInJSONIsCheckedToo() {
        let folder = project(schema: "data:\n  venues.chengdu:\n    required: [name]\n")
        folder.write("Content/data/venues/chengdu.json", "{\n  \"hall\": {\"name\": \"A\"},\n  \"annex\": {\"seats\": 3}\n}\n")
        folder.write("Templates/layouts/people/list.mustache", "{{<base}}{{$main}}{{site.data.venues.chengdu.hall.name}}{{/main}}{{/base}}")
        let messages = SiteBuilder.build(BuildOptions.project(folder)).diagnostics.sorted.map(\.description)
        #expect(messages.contains { $0.hasPrefix("Content/data/venues/chengdu.json:3:12: error: record 'annex': missing required field 'name'") })
    }

    @Test func brokenFilesAndUnknownSchemaKeysAreErrors() {
        let folder = project(schema: "data:\n  programme:\n    requird: [title]\n  sponsors:\n    required: [name]\n")
        folder.write("Content/data/venues/chengdu.json", "{\"name\": }")
        folder.write("Content/data/partners.yaml", "a: [unclosed\n")
        let messages = SiteBuilder.build(BuildOptions.project(folder)).diagnostics.sorted.map(\.description)
        #expect(messages.contains { $0.contains("site.yml:") && $0.contains("unknown key 'requird' in data.programme") })
        #expect(messages.contains { $0.contains("data 'sponsors' has a schema but no file") })
        #expect(messages.contains { $0.hasPrefix("Content/data/venues/chengdu.json:") && $0.contains("JSON") })
        #expect(messages.contains { $0.hasPrefix("Content/data/partners.yaml:") && $0.contains("YAML") })
    }

    @Test func anAliasBombIsRefused() {
        let folder = project()
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 { bomb += "l\(level): &l\(level) [" + Array(repeating: level == 1 ? "*a" : "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
        folder.write("Content/data/bomb.yml", bomb)
        let messages = SiteBuilder.build(BuildOptions.project(folder)).diagnostics.sorted.map(\.description)
        #expect(messages.contains { $0.hasPrefix("Content/data/bomb.yml:") && $0.contains("aliases expand to more than") })
    }

    @Test func aDataLinkLeadingOutsideIsNotFollowed() throws {
        let folder = project()
        let outside = TemporaryFolder()
        outside.write("secret.yml", "password: hunter2\n")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/Content/data/secret.yml", withDestinationPath: outside.path + "/secret.yml")
        let report = SiteBuilder.build(BuildOptions.project(folder))
        #expect(report.diagnostics.sorted.map(\.description).contains { $0.hasPrefix("Content/data/secret.yml: error: symbolic link leads outside") })
    }

    @Test func aMissingDataNameIsAnErrorInStrictTemplates() {
        let folder = project()
        folder.write("Templates/layouts/people/list.mustache", "{{<base}}{{$main}}{{site.data.programe}}{{/main}}{{/base}}")
        let report = SiteBuilder.build(BuildOptions.project(folder))
        #expect(report.diagnostics.sorted.map(\.description).contains { $0.contains("people/list.mustache:1:19:") && $0.contains("programe") })
    }

    /// serve: an edit of a data file redoes exactly the outputs that read it, and they match a full build.
    @Test func anEditRedoesExactlyTheReadersOfTheFile() throws {
        let folder = project()
        let builder = BuildPipeline(options: BuildOptions.project(folder))
        #expect(builder.build().succeeded)
        folder.write("Content/data/programme.yml", Self.programme.replacingOccurrences(of: "Opening", with: "Welcome"))
        let edited = builder.rebuild(changed: [folder.path + "/Content/data/programme.yml"])
        #expect(edited.report.succeeded)
        #expect(edited.renderedPages == 1)
        #expect(edited.changedOutputs.filter { $0.hasSuffix(".html") } == ["people/index.html"])
        #expect(builder.outputs == folder.fullBuildFiles())

        // A data file nobody reads: nothing rendered.
        folder.write("Content/data/unused.yml", "a: 1\n")
        let added = builder.rebuild(changed: [folder.path + "/Content/data/unused.yml"])
        #expect(added.report.succeeded)
        #expect(added.changedOutputs.isEmpty)
        #expect(builder.outputs == folder.fullBuildFiles())

        folder.write("Content/data/venues/chengdu.json", #"{"name": "Chengdu", "seats": 900, "open": false}"#)
        let venue = builder.rebuild(changed: [folder.path + "/Content/data/venues/chengdu.json"])
        #expect(venue.renderedPages == 1)
        #expect(builder.outputs == folder.fullBuildFiles())

        // Broken, then fixed: fails as a full build fails, then recovers.
        folder.write("Content/data/programme.yml", "- [unclosed\n")
        #expect(!builder.rebuild(changed: [folder.path + "/Content/data/programme.yml"]).report.succeeded)
        folder.write("Content/data/programme.yml", Self.programme)
        #expect(builder.rebuild(changed: [folder.path + "/Content/data/programme.yml"]).report.succeeded)
        #expect(builder.outputs == folder.fullBuildFiles())
    }
}
