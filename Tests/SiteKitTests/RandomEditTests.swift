import Foundation
import Testing
@testable import SiteKit

/// Hundreds of seeded random edits over a copy of the fixture site, as `sitegen serve` sees them:
/// after each one, serve's pipeline (deferring its site-wide files, then completing them)
/// must hold exactly the files a fresh full build writes, byte for byte, or fail as it fails.
/// The edits reach every input a page can read: bodies, titles, dates, weights, enum values,
/// pages added, removed and renamed (moving pages across pager pages), `_index.md` files, layouts
/// and partials (in variants that read other pages, sections, groups and the paginator), `site.yml`
/// (its `paginate` too), and files that fail to parse and are then fixed. With a taxonomy declared
/// (`tags`), edits also add, change and remove pages' terms (in spellings that fold into one term),
/// add and remove pages with terms, page the terms, and change the term layouts.
@Suite struct RandomEditTests {
    @Test(arguments: [1, 2, 3]) func seededEditsMatchAFullBuild(seed: UInt64) throws {
        _ = try runEdits(RandomSite(seed: seed), seed: seed)
    }

    @Test(arguments: [4, 5, 6]) func seededTermEditsMatchAFullBuild(seed: UInt64) throws {
        let (summaries, builder) = try runEdits(RandomSite(seed: seed, withTags: true), seed: seed)
        let termEdits = summaries.count { $0.hasPrefix("tags") }
        #expect(termEdits > 15, "only \(termEdits) of 120 edits changed terms")
        // The site ends with terms (those the edits left), so term pages were compared too.
        #expect(builder.outputs.keys.contains { $0.hasPrefix("tags/") && $0 != "tags/index.html" })
    }

    /// 120 edits of `site`, each rebuilt by serve's builder and compared with a full build; returns
    /// what each edit did, and the builder.
    func runEdits(_ start: RandomSite, seed: UInt64) throws -> ([String], BuildPipeline) {
        var site = start
        let folder = TemporaryFolder.project()
        site.writeAll(to: folder)
        let builder = BuildPipeline(options: BuildOptions.project(folder))
        builder.defersSiteWideFiles = true
        #expect(builder.build().succeeded)
        var good = 0
        var summaries: [String] = []
        for step in 0..<120 {
            let edit = site.randomEdit()
            summaries.append(edit.summary)
            let changed = edit.apply(to: folder)
            let context = "seed \(seed), step \(step): \(edit.summary)"
            if try builder.rebuildMatchingAFullBuild(changed, in: folder, context: context).built { good += 1 }
        }
        // Most edits leave a site that builds (broken files are fixed by the next edit).
        #expect(good > 80, "only \(good) of 120 edits built")
        return (summaries, builder)
    }
}

extension BuildPipeline {
    /// Rebuilds after `changed` (paths inside `folder`), completes the deferred site-wide files,
    /// and requires the result to be a fresh full build's: the same files byte for byte, or the
    /// same diagnostics when it fails. Returns the rebuild and whether the full build succeeded.
    func rebuildMatchingAFullBuild(_ changed: [String], in folder: TemporaryFolder, context: String) throws -> (result: RebuildResult, built: Bool) {
        let result = rebuild(changed: changed.map { folder.path + "/" + $0 })
        _ = completeDeferredFiles()
        var options = BuildOptions.project(folder)
        options.dryRun = true
        let full = SiteBuilder.build(options)
        try #require(result.report.succeeded == full.succeeded,
                     "\(context): incremental \(result.report.diagnostics.items.map(\.message)), full \(full.diagnostics.items.map(\.message))")
        if full.succeeded {
            let expected = Dictionary(uniqueKeysWithValues: full.files.map { ($0.path, $0.bytes) })
            let stale = Set(expected.keys).union(outputs.keys).filter { expected[$0] != outputs[$0] }.sorted()
            try #require(stale.isEmpty, "\(context): differs from a full build in \(stale)")
        } else {
            let messages = { (report: BuildReport) in Set(report.diagnostics.items.map { "\($0.path): \($0.message)" }) }
            try #require(messages(result.report) == messages(full), "\(context): other diagnostics than a full build's")
        }
        return (result, full.succeeded)
    }
}

/// A reproducible stream of numbers (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One edit: files written (text) or removed (nil), by path relative to the project.
struct RandomEdit {
    var summary: String
    var files: [(String, String?)]

    /// Writes the files; returns the paths to tell the builder about.
    func apply(to folder: TemporaryFolder) -> [String] {
        for (path, text) in files {
            if let text { folder.write(path, text) } else { try? FileManager.default.removeItem(atPath: folder.path + "/" + path) }
        }
        return files.map(\.0)
    }
}

/// The fixture site as values the edits change, written out as Markdown, templates and site.yml.
struct RandomSite {
    struct Page {
        var section: String
        var slug: String
        var title: String
        var field: String  // people: role; topics: kind
        var weight: Int?
        var date: String?
        var body: String
        /// `tags:` as written in the front matter (a list or one term), when the site has tags.
        var tags: String?

        var path: String { "Content/\(section)/\(slug).md" }

        var text: String {
            var matter = "title: \(title)\n" + (section == "people" ? "role: \(field)\n" : "kind: \(field)\n")
            if let tags { matter += "tags: \(tags)\n" }
            if let weight { matter += "weight: \(weight)\n" }
            if let date { matter += "date: \(date)\n" }
            return "---\n\(matter)---\n\(body)\n"
        }
    }

    var random: SeededGenerator
    var pages: [Page] = []
    var indexTitles = ["people": "The people", "topics": "All topics"]
    var indexTexts = ["people": "Everyone who appears here.", "topics": "Topics, big and small."]
    var homeTitle = "Welcome"
    var siteTitle = "Fixture Site"
    var footer = "Made for tests"
    /// `paginate:` of site.yml (two pages a list page to begin with, so adds and removes move the
    /// pager pages' boundaries), and of the topics section.
    var paginate: Int? = 2
    var topicsPaginate: String? = nil
    var templates: [String: Int] = [:]
    /// Whether site.yml declares the `tags` taxonomy (pages then name terms), and its `paginate`.
    let withTags: Bool
    var tagsPaginate: String? = "2"
    /// The template variants edits choose from (`variants`, and with tags `termVariants` too).
    let variants: [String: [String?]]
    /// A file left broken by the last edit, fixed by the next.
    var broken: (path: String, text: String)?
    var counter = 0

    static let words = ["design", "industry", "Chengdu", "Chongqing", "circle", "forum", "empowerment", "craft", "river",
                        "bridge", "lantern", "tea", "pepper", "silk", "panda", "maker", "studio", "future"]

    /// Variants of each template; 0 is the fixture's own. Others read what the fixture's do not:
    /// other sections' lists, section titles and text, counts, groups, summaries, dates.
    static let variants: [String: [String?]] = [
        "Templates/layouts/people/single.mustache": [
            nil,
            "{{<base}}{{$main}}<p>{{section.title}}: {{section.summary}}</p>{{{section.content}}}{{{page.content}}}{{/main}}{{/base}}\n",
            "{{<base}}{{$main}}{{{page.content}}}{{#site.sections.topics}}<p>{{title}} ({{count}})</p>{{/site.sections.topics}}"
                + "<ol>{{#page.breadcrumbs}}<li>{{title}}</li>{{/page.breadcrumbs}}</ol>{{/main}}{{/base}}\n",
        ],
        "Templates/layouts/topics/single.mustache": [
            nil,
            "{{<base}}{{$main}}{{page.group.title}} {{page.group.count}}{{#page.group.pages}}<i>{{title}} {{summary}} {{#weight}}{{.}}{{/weight}}</i>"
                + "{{/page.group.pages}}{{{page.content}}}<p>{{section.title}} {{section.count}}</p>{{/main}}{{/base}}\n",
        ],
        "Templates/layouts/_default/list.mustache": [
            nil,
            "{{<base}}{{$main}}{{{section.content}}}<ul>{{#section.pages}}<li>{{title}} {{#date_display}}{{.}}{{/date_display}} {{summary}} {{#params.role}}{{.}}{{/params.role}}"
                + "</li>{{/section.pages}}</ul><ol>{{#site.sections.people.pages}}<li>{{title}}</li>{{/site.sections.people.pages}}</ol>"
                + "{{/main}}{{/base}}\n",
            "{{<base}}{{$main}}{{#paginator}}<p>{{number}} / {{total_pages}} {{first_url}} {{last_url}} {{#prev_url}}{{.}}{{/prev_url}} {{#next_url}}{{.}}{{/next_url}}</p>"
                + "<ul>{{#pages}}<li>{{title}} {{summary}}</li>{{/pages}}</ul>{{#links}}<a href=\"{{url}}\">{{number}}{{#current}}*{{/current}}</a>{{/links}}"
                + "{{/paginator}}{{#section.groups}}<h2>{{title}} {{count}}</h2>{{#pages}}<i>{{title}}</i>{{/pages}}{{/section.groups}}"
                + "{{#site.sections.topics}}<b>{{#first}}{{title}}{{/first}}</b>{{#latest}}<s>{{title}}</s>{{/latest}}{{/site.sections.topics}}{{/main}}{{/base}}\n",
        ],
        "Templates/layouts/home.mustache": [
            nil,
            "{{<base}}{{$main}}{{#site.sections.people}}{{#latest}}<b>{{title}} {{#date}}{{.}}{{/date}}</b>{{/latest}}{{/site.sections.people}}"
                + "{{#site.sections.topics.first}}<a href=\"{{url}}\">{{title}}</a>{{/site.sections.topics.first}}{{/main}}{{/base}}\n",
            "{{<base}}{{$main}}{{{page.content}}}{{#site.sections.topics.pages}}<b>{{title}} {{description}}</b>"
                + "{{/site.sections.topics.pages}}{{#site.sections.people}}{{{content}}} {{count}}{{/site.sections.people}}{{/main}}{{/base}}\n",
        ],
        "Templates/partials/base.mustache": [
            nil,
            "<!DOCTYPE html>\n<html lang=\"{{site.language}}\"><head><title>{{page.title}} – {{site.title}}</title>"
                + "{{#page.json_ld}}<script type=\"application/ld+json\">{{{page.json_ld}}}</script>{{/page.json_ld}}</head>\n"
                + "<body><nav>{{#site.nav}}<a href=\"{{url}}\">{{title}}</a>{{/site.nav}} {{#site.sections.people}}{{title}}"
                + "{{/site.sections.people}}</nav><main><h1>{{page.title}}</h1>{{$main}}{{{page.content}}}{{/main}}</main>"
                + "<footer>{{site.params.footer}}</footer></body></html>\n",
        ],
    ]

    /// Terms the edits name, some of them spellings of one term (one slug).
    static let terms = ["Design", "design", "Dèsign", "Craft", "Tea", "Silk road", "silk Road", "Panda", "Chéngdū"]

    /// With tags: the term layouts (the fixture's, and variants reading more of the term and its
    /// pages), and variants of the people and home layouts that show a page's terms or every term.
    static let termVariants: [String: [String?]] = [
        "Templates/layouts/_default/term.mustache": [
            nil,
            "{{<base}}{{$main}}<h2>{{term.name}} {{term.slug}} {{term.count}} {{term.taxonomy.title}}</h2>{{#paginator}}<p>{{number}}/{{total_pages}}"
                + " {{#prev_url}}{{.}}{{/prev_url}} {{#next_url}}{{.}}{{/next_url}}</p><ul>{{#pages}}<li>{{title}} {{summary}} {{#date}}{{.}}{{/date}}"
                + " {{#weight}}{{.}}{{/weight}}</li>{{/pages}}</ul>{{/paginator}}{{/main}}{{/base}}\n",
        ],
        "Templates/layouts/_default/terms.mustache": [
            nil,
            "{{<base}}{{$main}}<p>{{taxonomy.title}} {{taxonomy.count}}</p>{{#site.taxonomies.tags}}<i>{{name}} {{count}}</i>{{/site.taxonomies.tags}}"
                + "{{/main}}{{/base}}\n",
        ],
    ]

    static let termLayoutVariants: [String: [String?]] = [
        "Templates/layouts/people/single.mustache": [
            "{{<base}}{{$main}}{{{page.content}}}{{#page.term_lists}}<b>{{title}}</b>{{#terms}}<a href=\"{{url}}\">{{name}} {{slug}}</a>{{/terms}}"
                + "{{/page.term_lists}}{{/main}}{{/base}}\n",
        ],
        "Templates/layouts/home.mustache": [
            "{{<base}}{{$main}}{{#site.taxonomies.tags}}<a href=\"{{url}}\">{{name}} {{count}}</a>{{/site.taxonomies.tags}}{{/main}}{{/base}}\n",
        ],
    ]

    init(seed: UInt64, withTags: Bool = false) {
        random = SeededGenerator(state: seed)
        self.withTags = withTags
        var variants = Self.variants
        if withTags {
            variants.merge(Self.termVariants) { $1 }
            for (path, extra) in Self.termLayoutVariants { variants[path, default: [nil]] += extra }
        }
        self.variants = variants
        pages = [
            Page(section: "people", slug: "ada", title: "Ada", field: "Engineer", weight: 1, date: nil,
                 body: "## Work\n\nAda works on [the big topic](../topics/alpha.md)."),
            Page(section: "people", slug: "2024-01-02-bob", title: "Bob", field: "Writer", weight: 2, date: "2024-01-02", body: "Bob writes."),
            Page(section: "topics", slug: "alpha", title: "Alpha", field: "big", weight: nil, date: nil, body: "The alpha topic."),
            Page(section: "topics", slug: "beta", title: "Beta", field: "big", weight: nil, date: nil, body: "The beta topic."),
            Page(section: "topics", slug: "gamma", title: "Gamma", field: "small", weight: nil, date: nil, body: "The gamma topic."),
        ]
        for path in variants.keys { templates[path] = 0 }
        if withTags {
            for index in pages.indices { pages[index].tags = ["[Design, Tea]", "design", "[Craft, dèsign]", nil, "[Tea]"][index] }
        }
    }

    /// Writes the site as it stands (over the fixture's copy).
    func writeAll(to folder: TemporaryFolder) {
        for page in pages { folder.write(page.path, page.text) }
        for section in ["people", "topics"] { folder.write("Content/\(section)/_index.md", indexText(section)) }
        folder.write("Content/index.md", homeText)
        folder.write("Content/site.yml", siteYAML)
    }

    func indexText(_ section: String) -> String {
        "---\ntitle: \(indexTitles[section]!)\n---\n\(indexTexts[section]!)\n\nMore about the \(section).\n"
    }

    var homeText: String {
        "---\ntitle: \(homeTitle)\n---\nHello from the **home** page. See [About](about.md).\n"
    }

    var siteYAML: String {
        """
        title: \(siteTitle)
        description: A small site the end-to-end tests build.
        base_url: https://fixture.example/sub/
        language: en
        \(paginate.map { "paginate: \($0)\n" } ?? "")params:
          footer: \(footer)
        nav:
          - {title: About, url: about/}
          - {title: People, url: people/}
          - {title: Topics, url: topics/}
        sections:
          people:
            title: People
            required: [role]
            schema: Person
          topics:
            title: Topics
            required: [kind]
            group_by: kind
        \(topicsPaginate.map { "    paginate: \($0)\n" } ?? "")    fields:
              kind:
                values:
                  - {value: big, title: Big topics, total: 2}
                  - {value: small, title: Small topics, total: 5}

        """ + (withTags ? "taxonomies:\n  tags: {title: Tags\(tagsPaginate.map { ", paginate: \($0)" } ?? "")}\n" : "")
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }
    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

    mutating func sentence() -> String {
        (0..<Int.random(in: 2...7, using: &random)).map { _ in pick(Self.words) }.joined(separator: " ").capitalized + "."
    }

    /// A body of one or two paragraphs, sometimes linking to another page (which may later go away).
    mutating func body(for page: Page) -> String {
        var text = sentence()
        if chance(30), let other = pages.filter({ $0.path != page.path }).randomElement(using: &random) {
            let target = other.section == page.section ? other.slug + ".md" : "../\(other.section)/\(other.slug).md"
            text += " See [\(other.title)](\(target))."
        }
        if chance(50) { text += "\n\n" + sentence() }
        return text
    }

    /// The next edit (after fixing what the last one broke, if anything).
    mutating func randomEdit() -> RandomEdit {
        if let broken {
            self.broken = nil
            return RandomEdit(summary: "fix \(broken.path)", files: [(broken.path, broken.text)])
        }
        if withTags && chance(25) {
            counter += 1
            return termEdit()
        }
        let kind = Int.random(in: 0..<100, using: &random)
        counter += 1
        switch kind {
        case 0..<18: return editPage("body") { page, site in page.body = site.body(for: page) }
        case 18..<30: return editPage("title") { page, site in page.title = site.pick(Self.words).capitalized + " \(site.counter)" }
        case 30..<37: return editPage("date") { page, site in
            page.date = site.chance(25) ? nil : "2024-0\(Int.random(in: 1...9, using: &site.random))-1\(Int.random(in: 0...9, using: &site.random))"
        }
        case 37..<44: return editPage("weight") { page, site in page.weight = site.chance(25) ? nil : Int.random(in: 1...4, using: &site.random) }
        case 44..<51: return editPage("field") { page, site in
            page.field = page.section == "topics" ? site.pick(["big", "small"]) : site.pick(["Engineer", "Writer", "Editor"])
        }
        case 51..<57:
            let section = pick(["people", "topics"])
            var page = Page(section: section, slug: "page-\(counter)", title: pick(Self.words).capitalized,
                            field: section == "topics" ? pick(["big", "small"]) : "Guest", weight: chance(50) ? 3 : nil,
                            date: chance(50) ? "2024-05-0\(Int.random(in: 1...9, using: &random))" : nil, body: "")
            page.body = body(for: page)
            pages.append(page)
            return RandomEdit(summary: "add \(page.path)", files: [(page.path, page.text)])
        case 57..<61 where pages.count > 3:
            let index = Int.random(in: 0..<pages.count, using: &random)
            let page = pages.remove(at: index)
            return RandomEdit(summary: "remove \(page.path)", files: [(page.path, nil)] + unlink(page))
        case 61..<65:
            let index = Int.random(in: 0..<pages.count, using: &random)
            let old = pages[index].path
            pages[index].slug += "-\(counter)"
            var gone = pages[index]
            gone.slug = String(old.dropFirst("Content/\(gone.section)/".count).dropLast(3))
            let renamed = pages[index]
            return RandomEdit(summary: "rename \(old) to \(renamed.path)", files: [(old, nil), (renamed.path, renamed.text)] + unlink(gone))
        case 65..<74:
            let section = pick(["people", "topics"])
            if chance(50) { indexTitles[section] = pick(Self.words).capitalized + " \(counter)" } else { indexTexts[section] = sentence() }
            return RandomEdit(summary: "edit \(section)/_index.md", files: [("Content/\(section)/_index.md", indexText(section))])
        case 74..<77:
            homeTitle = "Welcome \(counter)"
            return RandomEdit(summary: "edit the home page", files: [("Content/index.md", homeText)])
        case 77..<87:
            let path = pick(variants.keys.sorted())
            let choice = Int.random(in: 0..<variants[path]!.count, using: &random)
            templates[path] = choice
            let text = variants[path]![choice] ?? (try? String(contentsOfFile: Repository.fixture + "/" + path, encoding: .utf8))
            return RandomEdit(summary: "template \(path) variant \(choice)", files: [(path, text ?? "")])
        case 87..<91:
            switch Int.random(in: 0..<4, using: &random) {
            case 0: siteTitle = "Fixture Site \(counter)"
            case 1: footer = "Footer \(counter)"
            case 2: paginate = pick([nil, 1, 2, 3])
            default: topicsPaginate = pick([nil, "1", "2", "false"])
            }
            return RandomEdit(summary: "edit site.yml", files: [("Content/site.yml", siteYAML)])
        case 91..<95:
            let page = pick(pages)
            broken = (page.path, page.text)
            return RandomEdit(summary: "break \(page.path)", files: [(page.path, "---\ntitle: [unclosed\n---\nText\n")])
        case 95..<97:
            let path = pick(variants.keys.sorted())
            let choice = templates[path]!
            let text = variants[path]![choice] ?? (try? String(contentsOfFile: Repository.fixture + "/" + path, encoding: .utf8)) ?? ""
            broken = (path, text)
            return RandomEdit(summary: "break \(path)", files: [(path, "{{#page.title}}unclosed\n")])
        default:
            return editPage("body and title") { page, site in
                page.body = site.body(for: page)
                page.title += " \(site.counter)"
            }
        }
    }

    /// `tags:` as a page might write it: a list of one to three terms, one term alone, or none.
    mutating func randomTags() -> String? {
        switch Int.random(in: 0..<10, using: &random) {
        case 0: return nil
        case 1: return "[]"
        case 2, 3: return pick(Self.terms)
        default: return "[" + (0..<Int.random(in: 1...3, using: &random)).map { _ in pick(Self.terms) }.joined(separator: ", ") + "]"
        }
    }

    /// An edit of terms: a page's terms changed, a page with terms added or removed, or the
    /// taxonomy's `paginate` in site.yml.
    mutating func termEdit() -> RandomEdit {
        switch Int.random(in: 0..<10, using: &random) {
        case 0..<6:
            let edit = editPage("terms") { page, site in page.tags = site.randomTags() }
            return RandomEdit(summary: "tags: " + edit.summary, files: edit.files)
        case 6, 7:
            let section = pick(["people", "topics"])
            var page = Page(section: section, slug: "tagged-\(counter)", title: pick(Self.words).capitalized,
                            field: section == "topics" ? pick(["big", "small"]) : "Guest", weight: chance(50) ? Int.random(in: 1...4, using: &random) : nil,
                            date: chance(50) ? "2024-06-0\(Int.random(in: 1...9, using: &random))" : nil, body: sentence(), tags: randomTags())
            if page.tags == nil { page.tags = "[Design]" }
            pages.append(page)
            return RandomEdit(summary: "tags: add \(page.path)", files: [(page.path, page.text)])
        case 8 where pages.count > 3:
            let tagged = pages.indices.filter { pages[$0].tags != nil }
            let index = tagged.isEmpty ? Int.random(in: 0..<pages.count, using: &random) : pick(tagged)
            let page = pages.remove(at: index)
            return RandomEdit(summary: "tags: remove \(page.path)", files: [(page.path, nil)] + unlink(page))
        default:
            tagsPaginate = pick([nil, "1", "2", "3", "false"])
            return RandomEdit(summary: "tags: paginate \(tagsPaginate ?? "unset") in site.yml", files: [("Content/site.yml", siteYAML)])
        }
    }

    /// The pages whose bodies link to `gone`, rewritten without the link (in the same save).
    mutating func unlink(_ gone: Page) -> [(String, String?)] {
        var files: [(String, String?)] = []
        for index in pages.indices where pages[index].body.contains("\(gone.slug).md)") {
            pages[index].body = sentence()
            files.append((pages[index].path, pages[index].text))
        }
        return files
    }

    mutating func editPage(_ what: String, _ change: (inout Page, inout RandomSite) -> Void) -> RandomEdit {
        let index = Int.random(in: 0..<pages.count, using: &random)
        var page = pages[index]
        change(&page, &self)
        pages[index] = page
        return RandomEdit(summary: "\(what) of \(page.path)", files: [(page.path, page.text)])
    }
}
