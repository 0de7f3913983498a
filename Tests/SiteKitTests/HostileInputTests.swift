import Foundation
import Testing
@testable import SiteKit

/// Front-matter values and Markdown written to break out of their context must come out inert
/// everywhere they appear: HTML text, attributes, JSON-LD, the search index, the feed, the sitemap.
@Suite struct HostileInputTests {
    static let title = "</script><script>alert(1)</script>\"><img src=x onerror=alert(2)>"

    @Test func nothingHostileSurvivesIntoTheOutput() throws {
        let folder = TemporaryFolder.project()
        let yamlTitle = HostileInputTests.title.replacingOccurrences(of: "\"", with: "\\\"")
        folder.write("Content/people/mallory.md", """
        ---
        title: "\(yamlTitle)"
        role: "<b onmouseover=alert(3)>boss</b>"
        summary: "'; alert(4); '</script>"
        date: 2024-05-01
        ---
        <script>alert(5)</script>

        [click](javascript:alert(6)) [data](data:text/html;base64,PHNjcmlwdD4=) [vb](vbscript:msgbox)

        <img src=x onerror=alert(7)>

        ## </h2><script>alert(8)</script>
        """)
        var options = BuildOptions.project(folder)
        options.dryRun = true
        let report = SiteBuilder.build(options)
        #expect(report.succeeded, "\(report.diagnostics.items)")
        var checked = 0
        for file in report.files where [".html", ".js", ".xml", ".ics", ".json"].contains(where: file.path.hasSuffix) {
            let text = String(decoding: file.bytes, as: UTF8.self)
            guard text.contains("alert(") else { continue }
            checked += 1
            for live in ["<script>alert", "<img src=x onerror", "<b onmouseover", "javascript:alert", "vbscript:", "data:text/html"] {
                #expect(!text.contains(live), "\(file.path) contains \(live)")
            }
            if file.path.hasSuffix(".html") {
                // Inside HTML the only <script> elements are the template's own (JSON-LD), which must
                // not be closed early by data: no "</script" inside them other than their own end.
                let scripts = text.components(separatedBy: "<script").dropFirst()
                for script in scripts {
                    let body = script.components(separatedBy: "</script>").first ?? ""
                    #expect(!body.contains("</"), "\(file.path): a script element holds '</'")
                }
            }
        }
        #expect(checked >= 3)
        let page = String(decoding: report.files.first { $0.path == "people/mallory/index.html" }?.bytes ?? [], as: UTF8.self)
        #expect(page.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
    }
}

/// Random and truncated input never crashes or hangs the parsing stages, and their properties hold.
@Suite struct RobustnessTests {
    /// A small seeded generator so failures reproduce.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let config: SiteConfig = {
        let yaml = "title: T\nbase_url: https://x.example/\nsections:\n  clusters:\n    required: [tier]\n    fields:\n      tier:\n        values: [a, b]\n"
        return SiteConfig.parse(yaml, path: "site.yml").0!
    }()

    static let sample = Array("""
    \u{FEFF}---\r
    title: "Quoted: title"\r
    slug: a-slug\r
    date: 2023-06-28\r
    tier: a\r
    tags: [x, {y: z}]\r
    ---\r
    # Heading\r
    Text with [a link](../clusters/x.md) and **bold** 工业设计.\r
    """.utf8)

    @Test func truncatedPagesNeverCrash() {
        for length in 0...RobustnessTests.sample.count {
            let file = SourceFile(relativePath: "clusters/x.md", displayPath: "Content/clusters/x.md",
                                  bytes: Array(RobustnessTests.sample.prefix(length)))
            let parsed = ContentLoader.parse(file, config: RobustnessTests.config, includeDrafts: false)
            // Either a page or at least one diagnostic, and every diagnostic has a position in the file.
            #expect(parsed.page != nil || !parsed.diagnostics.isEmpty)
            for diagnostic in parsed.diagnostics { #expect(diagnostic.line >= 1) }
        }
    }

    @Test func randomBytesNeverCrash() {
        var random = SplitMix64(state: 20230628)
        let alphabet = Array("---\n\r:\"'[]{}#&*!|>%@` \tabc工\u{0}\u{FEFF}".utf8) + [0xFF, 0xC3, 0x80]
        for _ in 0..<3000 {
            let count = Int.random(in: 0...120, using: &random)
            var bytes = (0..<count).map { _ in alphabet.randomElement(using: &random)! }
            if Bool.random(using: &random) { bytes = Array("---\n".utf8) + bytes }
            let file = SourceFile(relativePath: "clusters/r.md", displayPath: "Content/clusters/r.md", bytes: bytes)
            let parsed = ContentLoader.parse(file, config: RobustnessTests.config, includeDrafts: false)
            if let page = parsed.page {
                #expect(Slug.problem(page.slug) == nil)
                #expect(page.outputPath.hasPrefix("clusters/") && !page.outputPath.contains(".."))
            }
        }
    }

    @Test func randomSlugsNeverEscapeTheirFolder() {
        var random = SplitMix64(state: 42)
        let pieces = ["..", ".", "/", "\\", "a", "工", "\u{0}", "\u{1F}", " ", "%2e", "-"]
        for _ in 0..<5000 {
            let slug = (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            if Slug.problem(slug) == nil {
                #expect(SitePath.resolve(slug, against: "speakers") == "speakers/" + slug, "\(slug.debugDescription)")
            }
        }
    }
}
