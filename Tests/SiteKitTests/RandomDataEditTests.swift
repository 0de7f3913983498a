import Foundation
import Testing
@testable import SiteKit

/// The random edits of `RandomEditTests`, interleaved with edits of data files (values changed,
/// files added and removed in a nested folder, files broken and fixed, a layout switched between
/// reading a file and not): after each, serve's pipeline must hold exactly what a full
/// build writes, and an edit of a file no output reads must render nothing.
@Suite struct RandomDataEditTests {
    /// Layouts that read data: the people list (in variants) and every `_default` single page.
    static let peopleList = [
        "{{<base}}{{$main}}{{{section.content}}}<ol>{{#site.data.programme}}<li>{{start}} {{title}}</li>{{/site.data.programme}}</ol>{{/main}}{{/base}}\n",
        "{{<base}}{{$main}}{{{section.content}}}<ul>{{#site.data.venues.hall}}<li>{{name}} {{seats}}</li>{{/site.data.venues.hall}}</ul>{{/main}}{{/base}}\n",
        "{{<base}}{{$main}}{{{section.content}}}<p>no data</p>{{/main}}{{/base}}\n",
    ]
    static let single = "{{<base}}{{$main}}{{{page.content}}}{{#site.data.venues.annex}}<p>{{name}}</p>{{/site.data.venues.annex}}{{/main}}{{/base}}\n"

    struct DataFiles {
        var programme: [(start: String, title: String)] = [("09:00", "Opening"), ("10:30", "Forum")]
        var venues: [String: (name: String, seats: Int)] = ["hall": ("Hall", 300)]
        var unread = 1

        var programmeText: String { programme.map { "- {start: \"\($0.start)\", title: \"\($0.title)\"}\n" }.joined() }
        func venueText(_ name: String) -> String { "{\"name\": \"\(venues[name]!.name)\", \"seats\": \(venues[name]!.seats)}" }
    }

    @Test(arguments: [4, 5]) func seededEditsWithDataMatchAFullBuild(seed: UInt64) throws {
        var site = RandomSite(seed: seed)
        var data = DataFiles()
        let folder = TemporaryFolder.project()
        site.writeAll(to: folder)
        folder.write("Content/data/programme.yml", data.programmeText)
        folder.write("Content/data/venues/hall.json", data.venueText("hall"))
        folder.write("Content/data/unread.yml", "count: 1\n")
        folder.write("Templates/layouts/people/list.mustache", Self.peopleList[0])
        folder.write("Templates/layouts/_default/single.mustache", Self.single)
        let builder = BuildPipeline(options: BuildOptions.project(folder))
        builder.defersSiteWideFiles = true
        #expect(builder.build().succeeded)
        var brokenData: (String, String)?
        for step in 0..<100 {
            var edit: RandomEdit
            var readByNobody = false
            if let broken = brokenData {
                brokenData = nil
                edit = RandomEdit(summary: "fix \(broken.0)", files: [broken])
            } else if site.broken == nil, site.chance(40) {
                switch Int.random(in: 0..<100, using: &site.random) {
                case 0..<30:
                    let index = Int.random(in: 0..<data.programme.count, using: &site.random)
                    data.programme[index].title = site.pick(RandomSite.words).capitalized + " \(step)"
                    if site.chance(30) { data.programme.append(("1\(step % 10):00", "Session \(step)")) }
                    edit = RandomEdit(summary: "edit programme.yml", files: [("Content/data/programme.yml", data.programmeText)])
                case 30..<45:
                    let name = site.pick(data.venues.keys.sorted())
                    data.venues[name]!.seats += 1
                    edit = RandomEdit(summary: "edit venues/\(name).json", files: [("Content/data/venues/\(name).json", data.venueText(name))])
                case 45..<60:
                    let path = "Content/data/venues/annex.json"
                    if data.venues["annex"] == nil {
                        data.venues["annex"] = ("Annex \(step)", 40)
                        edit = RandomEdit(summary: "add venues/annex.json", files: [(path, data.venueText("annex"))])
                    } else {
                        data.venues["annex"] = nil
                        edit = RandomEdit(summary: "remove venues/annex.json", files: [(path, nil)])
                    }
                case 60..<72:
                    data.unread += 1
                    readByNobody = true
                    edit = RandomEdit(summary: "edit unread.yml", files: [("Content/data/unread.yml", "count: \(data.unread)\n")])
                case 72..<84:
                    brokenData = ("Content/data/programme.yml", data.programmeText)
                    edit = RandomEdit(summary: "break programme.yml", files: [("Content/data/programme.yml", "- {start: [unclosed\n")])
                default:
                    let variant = Int.random(in: 0..<Self.peopleList.count, using: &site.random)
                    edit = RandomEdit(summary: "people list variant \(variant)", files: [("Templates/layouts/people/list.mustache", Self.peopleList[variant])])
                }
            } else {
                edit = site.randomEdit()
            }
            let changed = edit.apply(to: folder)
            let context = "seed \(seed), step \(step): \(edit.summary)"
            let (result, built) = try builder.rebuildMatchingAFullBuild(changed, in: folder, context: context)
            if built, readByNobody { #expect(result.renderedPages == 0, "\(context): rendered \(result.renderedPages) pages") }
        }
    }
}
