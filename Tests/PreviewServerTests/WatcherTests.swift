import Foundation
import Testing
@testable import PreviewServer

/// Batches reported by a watcher, gathered from its thread.
final class Batches: @unchecked Sendable {
    private let lock = NSLock()
    private var batches: [[String]] = []
    func add(_ batch: [String]) { lock.withLock { batches.append(batch) } }
    var all: [[String]] { lock.withLock { batches } }
}

@Suite struct WatcherTests {
    func folder() -> String {
        let path = FileManager.default.temporaryDirectory.path + "/sitegen-watch-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path + "/sub", withIntermediateDirectories: true)
        return URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }

    #if os(Linux)
    @Test func aBurstOfSavesIsReportedAsOneBatch() async throws {
        let root = folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let watcher = FileWatchers.make(roots: [root], mode: .automatic,
                                        debounce: Debounce(whileWriting: .milliseconds(400), afterSaves: .milliseconds(150)))
        let batches = Batches()
        try watcher.start { batches.add($0) }
        defer { watcher.stop() }
        for name in ["a.md", "sub/b.md", ".hidden.swp", "c.mustache"] {
            _ = FileManager.default.createFile(atPath: root + "/" + name, contents: Data("x".utf8))
        }
        try await eventually("a batch") { !batches.all.isEmpty }
        try await Task.sleep(for: .milliseconds(200))
        #expect(batches.all == [[root + "/a.md", root + "/c.mustache", root + "/sub/b.md"]])
    }

    @Test func aFileStillOpenForWritingWaitsForTheLongerQuietTime() async throws {
        let root = folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let watcher = FileWatchers.make(roots: [root], mode: .automatic,
                                        debounce: Debounce(whileWriting: .seconds(3), afterSaves: .milliseconds(20)))
        let batches = Batches()
        try watcher.start { batches.add($0) }
        defer { watcher.stop() }
        _ = FileManager.default.createFile(atPath: root + "/slow.md", contents: nil)
        try await Task.sleep(for: .milliseconds(100))
        batches.add(["marker"])  // whatever the create reported comes before this
        let handle = try #require(FileHandle(forWritingAtPath: root + "/slow.md"))
        handle.write(Data("first half ".utf8))
        try await Task.sleep(for: .milliseconds(100))  // far longer than afterSaves
        #expect(batches.all.last == ["marker"], "a write still in progress is not reported yet")
        handle.write(Data("second half".utf8))
        try handle.close()
        try await eventually("the completed write") { batches.all.last != ["marker"] }
        #expect(batches.all.last == [root + "/slow.md"])
    }

    @Test func foldersCreatedLaterAreWatchedToo() async throws {
        let root = folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let watcher = FileWatchers.make(roots: [root], mode: .automatic, debounce: Debounce(whileWriting: .milliseconds(30), afterSaves: .milliseconds(10)))
        let batches = Batches()
        try watcher.start { batches.add($0) }
        defer { watcher.stop() }
        try FileManager.default.createDirectory(atPath: root + "/new/deeper", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: root + "/new/deeper/page.md", contents: Data("1".utf8))
        try await eventually("the new folder") { batches.all.joined().contains(root + "/new/deeper/page.md") }
        let seen = batches.all.count
        try await Task.sleep(for: .milliseconds(50))
        _ = FileManager.default.createFile(atPath: root + "/new/deeper/page.md", contents: Data("2".utf8))
        try await eventually("an edit in the new folder") { batches.all.count > seen }
        #expect(batches.all.last == [root + "/new/deeper/page.md"])
    }
    #endif

    @Test func pollingReportsChangedAddedAndRemovedFiles() {
        func stamp(_ modified: Int64, directory: Bool = false) -> DirectoryWalk.Stamp {
            DirectoryWalk.Stamp(modified: modified, changed: modified, size: 1, inode: 1, isDirectory: directory)
        }
        let old = ["/r": stamp(1, directory: true), "/r/a.md": stamp(1), "/r/b.md": stamp(1),
                   "/r/gone": stamp(1, directory: true), "/r/gone/c.md": stamp(1)]
        let new = ["/r": stamp(2, directory: true), "/r/a.md": stamp(2), "/r/b.md": stamp(1), "/r/d.md": stamp(1)]
        // a.md edited, d.md added, the folder `gone` and its file removed; the root's own time is not news.
        #expect(PollingWatcher.changes(from: old, to: new) == ["/r/a.md", "/r/d.md", "/r/gone", "/r/gone/c.md"])
    }
}
