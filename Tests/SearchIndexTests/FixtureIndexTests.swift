import Foundation
import Testing
@testable import SearchIndex

/// Keeps Tests/JavaScript/fixtures/index equal to what the builder writes for `IndexFixture`
/// (the JavaScript tests query it). Run with UPDATE_SEARCH_FIXTURE=1 to rewrite it.
@Suite struct FixtureIndexTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("JavaScript/fixtures/index")

    @Test func committedFixtureIsCurrent() throws {
        let files = SearchIndexBuilder.build(IndexFixture.documents, options: IndexFixture.options)
        if ProcessInfo.processInfo.environment["UPDATE_SEARCH_FIXTURE"] == "1" {
            try? FileManager.default.removeItem(at: Self.folder)
            for file in files {
                let url = Self.folder.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.bytes).write(to: url)
            }
        }
        for file in files {
            let committed = try Data(contentsOf: Self.folder.appendingPathComponent(file.path))
            #expect(Array(committed) == file.bytes, "\(file.path) is stale: run UPDATE_SEARCH_FIXTURE=1 swift test --filter FixtureIndexTests")
        }
        let committedCount = FileManager.default.enumerator(atPath: Self.folder.path)?
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".js") }.count
        #expect(committedCount == files.count)
    }
}
