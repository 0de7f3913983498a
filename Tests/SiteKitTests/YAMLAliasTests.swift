import Foundation
import Testing
@testable import SiteKit

@Suite struct YAMLAliasTests {
    /// `levels` levels of nine aliases each: 9^levels values once expanded.
    static func bomb(levels: Int) -> String {
        var lines = ["a0: &a0 [lol]"]
        for level in 1...levels {
            let aliases = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(aliases)]")
        }
        return lines.joined(separator: "\n")
    }

    @Test func frontMatterRefusesAnchorsAtTheFirstOne() {
        let (matter, diagnostics) = FrontMatter.parse(yaml: "title: T\nbase: &b {x: 1}\nother: *b", firstLine: 2, path: "p.md", schema: nil)
        #expect(matter == nil)
        #expect(diagnostics.map(\.description) == ["p.md:3:7: error: anchors and aliases are not allowed in front matter"])
    }

    @Test func aBombInFrontMatterIsOneErrorAtOnce() {
        let clock = ContinuousClock()
        let started = clock.now
        let (_, diagnostics) = FrontMatter.parse(yaml: "title: T\n" + Self.bomb(levels: 12), firstLine: 2, path: "p.md", schema: nil)
        #expect(diagnostics.map(\.description) == ["p.md:3:5: error: anchors and aliases are not allowed in front matter"])
        // 9^12 values expanded would take hours and terabytes; refused before expanding anything.
        #expect(clock.now - started < .seconds(5))
    }

    @Test func siteConfigurationMayShareValuesWithinABudget() {
        let text = "title: T\nbase_url: https://example.org/\nparams:\n  common: &c {a: 1, b: 2}\n  one: *c\n  two: *c\n"
        let (config, diagnostics) = SiteConfig.parse(text, path: "site.yml")
        #expect(diagnostics.isEmpty)
        #expect(config?.params["two"]?["b"] == .int(2))
    }

    @Test func aBombInSiteConfigurationIsAnErrorAtItsFirstAlias() {
        let text = "title: T\nbase_url: https://example.org/\nparams:\n  " + Self.bomb(levels: 9).replacingOccurrences(of: "\n", with: "\n  ")
        let (config, diagnostics) = SiteConfig.parse(text, path: "site.yml")
        #expect(config == nil)
        #expect(diagnostics.map(\.description) == ["site.yml:4:7: error: YAML aliases expand to more than 100000 values: not read"])
    }

    @Test func frontMatterOverTheLimitIsAnErrorAtItsStart() {
        let yaml = "title: T\nbody: " + String(repeating: "x", count: FrontMatter.sizeLimit)
        let (matter, diagnostics) = FrontMatter.parse(yaml: yaml, firstLine: 2, path: "p.md", schema: nil)
        #expect(matter == nil)
        #expect(diagnostics.map(\.description) == ["p.md:1:1: error: front matter is larger than 1 MB (1024 KB): not read"])
    }
}
