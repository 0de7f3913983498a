import Foundation
import Testing
@testable import SiteKit

/// The random edits of `RandomEditTests`, interleaved with shortcode edits: pages that call a card
/// of another page (`ref`) in their text, the card's template switched between variants that read
/// different values of that page. After each edit serve's pipeline must hold exactly what a
/// full build writes — so a retitled, re-dated or removed target redoes its readers.
@Suite struct RandomShortcodeEditTests {
    static let cards = [
        "{{#ref}}<aside class=\"card\"><a href=\"{{url}}\">{{title}}</a></aside>{{/ref}} {{label}}\n",
        "{{#ref}}<aside>{{title}} {{summary}} {{#date_display}}{{.}}{{/date_display}} {{#weight}}{{.}}{{/weight}}</aside>{{/ref}} {{label}}\n",
        "<aside>{{ref.title}} {{ref.section}} {{site.title}} {{label}}</aside>\n",
    ]

    @Test(arguments: [6, 7]) func seededEditsWithShortcodesMatchAFullBuild(seed: UInt64) throws {
        var site = RandomSite(seed: seed)
        var card = 0
        let folder = TemporaryFolder.project()
        site.writeAll(to: folder)
        folder.write("Templates/shortcodes/card.mustache", Self.cards[card])
        let builder = BuildPipeline(options: BuildOptions.project(folder))
        builder.defersSiteWideFiles = true
        #expect(builder.build().succeeded)
        var good = 0
        var pendingFixes: [(String, String?)] = []
        for step in 0..<100 {
            var edit: RandomEdit
            if site.broken == nil, site.chance(35) {
                if site.chance(25) {
                    card = Int.random(in: 0..<Self.cards.count, using: &site.random)
                    edit = RandomEdit(summary: "card variant \(card)", files: [("Templates/shortcodes/card.mustache", Self.cards[card])])
                } else {
                    // A page calls the card of another page, as a block or inside a list item.
                    edit = site.editPage("shortcode") { page, site in
                        guard let other = site.pages.filter({ $0.path != page.path }).randomElement(using: &site.random) else { return }
                        let target = other.section == page.section ? other.slug + ".md" : "../\(other.section)/\(other.slug).md"
                        let call = "{{< card ref=\"\(target)\" label=\"step \(step)\" >}}"
                        page.body = site.sentence() + (site.chance(50) ? "\n\n\(call)" : "\n\n- \(call)")
                    }
                }
            } else {
                edit = site.randomEdit()
            }
            edit.files += pendingFixes.filter { fix in !edit.files.contains { $0.0 == fix.0 } }
            pendingFixes = Self.dropCallsToGonePages(&site, after: edit)
            let changed = edit.apply(to: folder)
            let context = "seed \(seed), step \(step): \(edit.summary)"
            if try builder.rebuildMatchingAFullBuild(changed, in: folder, context: context).built { good += 1 }
        }
        #expect(good > 70, "only \(good) of 100 edits built")
    }

    /// After `edit` renamed or removed a page, the files that rewrite the pages whose card named
    /// it, for the next edit to write (this one's build fails on the missing `ref`, as an author's would).
    static func dropCallsToGonePages(_ site: inout RandomSite, after edit: RandomEdit) -> [(String, String?)] {
        let live = Set(site.pages.map { "\($0.slug).md\"" })
        var files: [(String, String?)] = []
        for index in site.pages.indices {
            let body = site.pages[index].body
            guard let start = body.range(of: "ref=\"")?.upperBound, let end = body[start...].firstIndex(of: " ") else { continue }
            let target = body[start..<end].split(separator: "/").last.map(String.init) ?? ""
            guard !live.contains(target), !edit.files.contains(where: { $0.0 == site.pages[index].path }) else { continue }
            site.pages[index].body = site.sentence()
            files.append((site.pages[index].path, site.pages[index].text))
        }
        return files
    }
}
