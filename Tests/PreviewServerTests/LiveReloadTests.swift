import Foundation
import Testing
@testable import PreviewServer

/// Edits on disk reaching the browser: rebuilds, reload messages, errors and recovery.
@Suite struct LiveReloadTests {
    @Test func anEditIsServedAndOpenPagesAreToldToReload() async throws {
        try await withPreview { preview in
            let socket = try await WebSocketProbe.connect(port: preview.port)
            let hello = try #require(try await socket.next())
            let before = try await preview.status()
            #expect(try JSONDecoder().decode(BuildStatus.self, from: Data(hello.utf8)) == before)

            let about = preview.project.read("Content/about.md")
            preview.project.write("Content/about.md", about + "\nA freshly saved paragraph.\n")
            try await eventually("the edit to be served") { try await preview.get("/about/").text.contains("A freshly saved paragraph.") }

            let message = try #require(try await socket.next())
            let status = try JSONDecoder().decode(BuildStatus.self, from: Data(message.utf8))
            #expect(status.build != before.build)
            #expect(status.errors.isEmpty)
            #expect(preview.log.text.contains("Content/about.md changed: "))
            #expect(preview.log.text.contains("re-rendered"))
        }
    }

    @Test func aBrokenEditKeepsTheLastGoodBuildAndShowsTheErrorUntilFixed() async throws {
        try await withPreview { preview in
            let good = try await preview.get("/about/").text
            let before = try await preview.status()
            let socket = try await WebSocketProbe.connect(port: preview.port)
            _ = try await socket.next()

            let about = preview.project.read("Content/about.md")
            preview.project.write("Content/about.md", about + "\nSee <b>this</b> [gone](missing.md) page.\n")
            try await eventually("the error to be reported") { try await preview.status().errorCount > 0 }

            let broken = try await preview.status()
            #expect(broken.build == before.build, "still the last good build")
            #expect(broken.errors.contains("Content/about.md:"))
            #expect(broken.errors.contains("missing.md"))
            // The same text the terminal got.
            #expect(preview.log.text.contains(broken.errors))
            #expect(preview.log.text.contains("still serving the last good build"))
            #expect(try await preview.get("/about/").text == good)
            let pushed = try #require(try await socket.next())
            #expect(try JSONDecoder().decode(BuildStatus.self, from: Data(pushed.utf8)).errors == broken.errors)

            preview.project.write("Content/about.md", about + "\nFixed now.\n")
            try await eventually("the fix to be served") { try await preview.get("/about/").text.contains("Fixed now.") }
            let fixed = try await preview.status()
            #expect(fixed.errors.isEmpty && fixed.errorCount == 0)
            #expect(fixed.build != before.build)
        }
    }

    @Test func atomicSavesNewFoldersAndRemovalsAreSeen() async throws {
        try await withPreview { preview in
            let about = preview.project.read("Content/about.md")
            preview.project.writeAtomically("Content/about.md", about + "\nSaved through a rename.\n")
            try await eventually("the renamed-in file") { try await preview.get("/about/").text.contains("Saved through a rename.") }

            preview.project.write("Content/extra/hello.md", "---\ntitle: Hello\n---\nFirst words.\n")
            try await eventually("a page in a new folder") { try await preview.get("/extra/hello/").text.contains("First words.") }
            preview.project.write("Content/extra/hello.md", "---\ntitle: Hello\n---\nSecond words.\n")
            try await eventually("an edit inside the new folder") { try await preview.get("/extra/hello/").text.contains("Second words.") }

            try FileManager.default.removeItem(atPath: preview.project.root + "/Content/topics/gamma.md")
            try await eventually("the removed page to go") { try await preview.get("/topics/gamma/").status == 404 }
        }
    }

    @Test func aTemplateEditReRendersThePagesUsingIt() async throws {
        try await withPreview { preview in
            let path = "Templates/layouts/_default/single.mustache"
            preview.project.write(path, preview.project.read(path).replacingOccurrences(of: "{{{page.content}}}", with: "<p>TEMPLATE-MARK</p>{{{page.content}}}"))
            try await eventually("the template change") { try await preview.get("/about/").text.contains("TEMPLATE-MARK") }
        }
    }

    /// The search index, sitemap and feed follow the pages off the build queue; saves in quick
    /// succession must end with every file as a full build of the last one makes it, never with
    /// an older save's index.
    @Test func siteWideFilesCatchUpWithTheLastOfQuickSaves() async throws {
        try await withPreview(configure: { $0.siteWideDelay = .milliseconds(0) }) { preview in
            let about = preview.project.read("Content/about.md")
            for word in ["quokka", "zephyr", "marmot"] {
                preview.project.write("Content/about.md", about + "\nNew word: \(word).\n")
                try await eventually("the \(word) edit") { try await preview.get("/about/").text.contains(word) }
            }
            let built = preview.project.builtFiles()
            let siteWide = built.keys.filter { $0.hasPrefix("search/") || $0 == "sitemap.xml" || $0 == "feed.xml" }
            #expect(siteWide.count > 2)
            try await eventually("the last save's search index") {
                for path in siteWide where try await preview.get("/" + path).body != built[path] { return false }
                return true
            }
            for (path, bytes) in built {
                let reply = try await preview.get("/" + path)
                if path.hasSuffix(".html") {
                    #expect(withoutReloadScript(reply.text) == String(decoding: bytes, as: UTF8.self), "\(path)")
                } else {
                    #expect(reply.body == bytes, "\(path)")
                }
            }
        }
    }

    @Test func hiddenEditorFilesDoNotTriggerRebuilds() async throws {
        try await withPreview { preview in
            let before = try await preview.status()
            preview.project.write("Content/.about.md.swp", "swap")
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await preview.status() == before)
            #expect(!preview.log.text.contains("changed:"))

            // The same watcher, still alive, sees a real save: and only that file is reported.
            let about = preview.project.read("Content/about.md")
            preview.project.write("Content/about.md", about + "\nSaved after the swap file.\n")
            try await eventually("the save after the swap file") { try await preview.get("/about/").text.contains("Saved after the swap file.") }
            #expect(try await preview.status().build != before.build)
            try await eventually("the save to be reported") { preview.log.text.contains("changed:") }
            let reports = preview.log.text.split(separator: "\n").filter { $0.contains("changed:") }
            #expect(reports.count == 1)
            #expect(reports.allSatisfy { $0.contains("Content/about.md changed:") && !$0.contains(".swp") })
        }
    }

    @Test func thePollingWatcherWorksToo() async throws {
        try await withPreview(configure: { $0.watchMode = .polling(interval: .milliseconds(50)) }) { preview in
            let about = preview.project.read("Content/about.md")
            preview.project.write("Content/about.md", about + "\nSeen by polling.\n")
            try await eventually("the polled edit") { try await preview.get("/about/").text.contains("Seen by polling.") }
            preview.project.write("Content/extra/new.md", "---\ntitle: New\n---\nPolled page.\n")
            try await eventually("the polled new page") { try await preview.get("/extra/new/").text.contains("Polled page.") }
        }
    }
}
