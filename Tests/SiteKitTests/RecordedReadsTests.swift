import Foundation
import Testing
@testable import SiteKit

/// Serve redoes the outputs that read what an edit changed, whatever the layout reads: here
/// layouts no rule ever named (a topic list showing another section's pages, the 404 and about
/// pages showing a section's title and count, a person showing a topic list's text).
@Suite struct RecordedReadsTests {
    let folder: TemporaryFolder
    let builder: BuildPipeline

    init() {
        folder = TemporaryFolder.project()
        folder.write("Templates/layouts/topics/list.mustache",
                     "{{<base}}{{$main}}<ol>{{#site.sections.people.pages}}<li>{{title}}</li>{{/site.sections.people.pages}}</ol>{{/main}}{{/base}}\n")
        folder.write("Templates/layouts/404.mustache",
                     "{{<base}}{{$main}}{{#site.sections.people}}<p>{{title}}: {{count}}</p>{{/site.sections.people}}{{/main}}{{/base}}\n")
        folder.write("Templates/layouts/_default/single.mustache",
                     "{{<base}}{{$main}}{{{page.content}}}{{#site.sections.people}}<p>{{title}}</p>{{/site.sections.people}}{{/main}}{{/base}}\n")
        folder.write("Templates/layouts/people/single.mustache",
                     "{{<base}}{{$main}}{{{page.content}}}{{#site.sections.topics}}{{{content}}}{{/site.sections.topics}}{{/main}}{{/base}}\n")
        folder.write("Content/topics/_index.md", "---\ntitle: Topics\n---\nAll the topics.\n")
        builder = BuildPipeline(options: BuildOptions.project(folder))
    }

    func change(_ relative: String, _ text: String) -> RebuildResult {
        folder.write(relative, text)
        return builder.rebuild(changed: [folder.path + "/" + relative])
    }

    func rendered(_ result: RebuildResult) -> [String] {
        result.changedOutputs.filter { $0.hasSuffix(".html") }
    }

    @Test func aTitleShowsWhereverAListOfItsSectionIsRead() {
        #expect(builder.build().succeeded)
        let edit = change("Content/people/ada.md", "---\ntitle: Ada Lovelace\nrole: Engineer\nweight: 1\n---\nAda works.\n")
        #expect(edit.report.succeeded)
        // Ada, the people list, the home page (people's pages) and the topics list; not the topics, about or 404.
        #expect(edit.renderedPages == 4)
        #expect(rendered(edit) == ["index.html", "people/ada/index.html", "people/index.html", "topics/index.html"])
        #expect(String(decoding: builder.outputs["topics/index.html"] ?? [], as: UTF8.self).contains("<li>Ada Lovelace</li>"))
        #expect(builder.outputs == folder.fullBuildFiles())
    }

    @Test func aSectionsTitleAndTextShowWhereverItsHeadIsRead() {
        #expect(builder.build().succeeded)
        let title = change("Content/people/_index.md", "---\ntitle: Our people\n---\nEveryone who appears here.\n")
        #expect(title.report.succeeded)
        #expect(rendered(title).contains("404.html"))
        #expect(rendered(title).contains("about/index.html"))
        #expect(!rendered(title).contains("topics/alpha/index.html"))  // its layout does not show the people section
        #expect(builder.outputs == folder.fullBuildFiles())
        let text = change("Content/topics/_index.md", "---\ntitle: Topics\n---\nEvery topic there is.\n")
        #expect(text.report.succeeded)
        #expect(rendered(text) == ["people/ada/index.html", "people/bob/index.html", "topics/index.html"])
        #expect(builder.outputs == folder.fullBuildFiles())
    }

    @Test func aPageAddedToASectionChangesItsCountWhereverItIsRead() {
        #expect(builder.build().succeeded)
        let added = change("Content/people/carol.md", "---\ntitle: Carol\nrole: Editor\n---\nCarol edits.\n")
        #expect(added.report.succeeded)
        #expect(String(decoding: builder.outputs["404.html"] ?? [], as: UTF8.self).contains("The people: 3"))
        #expect(builder.outputs == folder.fullBuildFiles())
    }
}
