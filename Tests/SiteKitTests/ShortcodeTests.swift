import Foundation
import Testing
@testable import SiteKit

/// Shortcodes end to end on the fixture site: expanded where cmark leaves text (lists,
/// blockquotes), left alone in code, checked (template, arguments, `ref`) with every error at its
/// line and column and nothing written, escaped in safe mode, seen by search, redone by `serve`.
@Suite struct ShortcodeTests {
    static let person = "{{#ref}}<aside class=\"person\"><a href=\"{{url}}\">{{title}}</a> {{params.role}} Keynoter</aside>{{/ref}}\n"
    static let note = "<em class=\"note\">{{text}}</em>\n"

    /// The fixture site with two shortcodes, and `body` as the text of topics/beta.md (body line 1 is file line 5).
    func project(beta body: String) -> TemporaryFolder {
        let folder = TemporaryFolder.project()
        folder.write("Templates/shortcodes/person.mustache", Self.person)
        folder.write("Templates/shortcodes/note.mustache", Self.note)
        folder.write("Content/topics/beta.md", "---\ntitle: Beta\nkind: big\n---\n" + body)
        return folder
    }

    func beta(_ files: [String: [UInt8]]) throws -> String {
        String(decoding: try #require(files["topics/beta/index.html"]), as: UTF8.self)
    }

    @Test func shortcodesInAListItemAndABlockquote() throws {
        let folder = project(beta: "- Item {{< note text=\"in a list\" >}}\n- {{< person ref=\"../people/ada.md\" >}}\n\n> {{< person ref=\"../people/ada.md\" >}}\n")
        let html = try beta(folder.fullBuildFiles())
        #expect(html.contains("<li>Item <em class=\"note\">in a list</em></li>"))
        #expect(html.contains("<li><aside class=\"person\"><a href=\"../../people/ada/"))
        #expect(html.contains("<blockquote>\n<aside class=\"person\"><a href=\"../../people/ada/"))
        #expect(html.contains(">Ada</a> Engineer Keynoter</aside>"))
        #expect(!html.contains("\u{E000}"))
    }

    @Test func manyCallsEachGetTheirOwnOutputInOrder() throws {
        // Twelve calls: placeholders 1 and 10, 11 share a prefix; odd ones are paragraphs of their own.
        let body = (0..<12).map { $0 % 2 == 1 ? "{{< note text=\"n\($0)\" >}}" : "Text {{< note text=\"n\($0)\" >}} end." }
            .joined(separator: "\n\n") + "\n"
        let html = try beta(project(beta: body).fullBuildFiles())
        for number in 0..<12 {
            let note = "<em class=\"note\">n\(number)</em>"
            #expect(html.contains(number % 2 == 1 ? "\n\(note)\n" : "<p>Text \(note) end.</p>"), "call \(number)")
            #expect(!html.contains("<p>\(note)</p>"))
        }
        let positions = (0..<12).compactMap { html.range(of: "n\($0)</em>")?.lowerBound }
        #expect(positions.count == 12 && positions == positions.sorted())
        #expect(!html.contains("\u{E000}") && !html.contains("\u{E001}"))
    }

    @Test func shortcodesInCodeAreLeftAlone() throws {
        let folder = project(beta: "Write `{{< note text=\"x\" >}}` for a note.\n\n```\n{{< nope ref=\"gone.md\" >}}\n```\n")
        let html = try beta(folder.fullBuildFiles())
        #expect(html.contains("<code>{{&lt; note text=&quot;x&quot; &gt;}}</code>"))
        #expect(html.contains("{{&lt; nope ref=&quot;gone.md&quot; &gt;}}\n</code></pre>"))
        #expect(!html.contains("class=\"note\""))
    }

    @Test func everyErrorIsReportedAtItsPositionAndNothingIsWritten() {
        let folder = project(beta: """
            The beta topic.

            {{< person ref="../people/nobody.md" >}}

            - {{< nope >}}

            > {{< note text="x" colour="red" >}}
            {{< note text="unclosed >}}

            """)
        let report = SiteBuilder.build(BuildOptions.project(folder))
        #expect(!report.succeeded)
        let messages = report.diagnostics.sorted.map(\.description)
        let expected = [
            "Content/topics/beta.md:7:12: error: shortcode 'person': ref: link to '../people/nobody.md': no such content file (looked for Content/people/nobody.md)",
            "Content/topics/beta.md:9:3: error: shortcode 'nope': no such shortcode (looked for shortcodes/nope.mustache in the templates)",
            "Content/topics/beta.md:11:21: error: shortcode 'note': unknown argument 'colour' (it takes: text)",
            "Content/topics/beta.md:12:1: error: shortcode 'note': the value of 'text' has no closing '\"' on this line",
        ]
        for line in expected { #expect(messages.contains(line), "\(messages)") }
        #expect(!folder.exists("public"))
    }

    @Test func aMissingArgumentIsAnErrorAtTheCall() {
        let folder = project(beta: "Text {{< note >}}\n")
        let report = SiteBuilder.build(BuildOptions.project(folder))
        #expect(!report.succeeded)
        let messages = report.diagnostics.sorted.map(\.description)
        #expect(messages.contains { $0.hasPrefix("Content/topics/beta.md:5:6: error: shortcode 'note': ") && $0.contains("note.mustache:1:18") }, "\(messages)")
    }

    @Test func argumentsAreEscapedInSafeMode() throws {
        let folder = project(beta: "{{< note text=\"<script>alert(1)</script> & \\\"more\\\"\" >}}\n")
        let html = try beta(folder.fullBuildFiles())
        #expect(html.contains("<em class=\"note\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;</em>"))
        #expect(!html.contains("<script>alert"))
    }

    @Test func searchSeesTheTextAShortcodeRenders() throws {
        let folder = project(beta: "The beta topic.\n\n{{< person ref=\"../people/ada.md\" >}}\n")
        let files = folder.fullBuildFiles()
        let search = files.filter { $0.key.hasPrefix("search/") }.values.map { String(decoding: $0, as: UTF8.self) }
        #expect(search.contains { $0.contains("Keynoter") })
        #expect(!search.contains { $0.contains("{{<") || $0.contains("\u{E000}") })
    }

    @Test func serveRedoesTheReaderWhenTheTargetsTitleChanges() throws {
        let folder = project(beta: "{{< person ref=\"../people/ada.md\" >}}\n")
        let builder = BuildPipeline(options: BuildOptions.project(folder))
        #expect(builder.build().succeeded)
        let ada = folder.read("Content/people/ada.md")!
        folder.write("Content/people/ada.md", ada.replacingOccurrences(of: "title: Ada", with: "title: Ada Lovelace"))
        let (result, built) = try builder.rebuildMatchingAFullBuild(["Content/people/ada.md"], in: folder, context: "retitle ada")
        #expect(built)
        #expect(result.changedOutputs.contains("topics/beta/index.html"))
        let html = String(decoding: try #require(builder.outputs["topics/beta/index.html"]), as: UTF8.self)
        #expect(html.contains(">Ada Lovelace</a> Engineer Keynoter"))
    }

    @Test func aNewShortcodeTemplateFixesThePagesThatCallIt() throws {
        let folder = project(beta: "{{< later >}}\n")
        let builder = BuildPipeline(options: BuildOptions.project(folder))
        #expect(!builder.build().succeeded)
        folder.write("Templates/shortcodes/later.mustache", "<b>later</b>\n")
        let (_, built) = try builder.rebuildMatchingAFullBuild(["Templates/shortcodes/later.mustache"], in: folder, context: "add later")
        #expect(built)
    }
}
