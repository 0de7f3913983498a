import Foundation
import Testing
@testable import SiteKit

/// Where the repository is, found from this file's path.
enum Repository {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let fixture = root + "/Tests/Fixtures/minisite"
}

/// A temporary folder removed when the test ends.
final class TemporaryFolder {
    let path: String

    init() {
        let base = FileManager.default.temporaryDirectory.path + "/sitegen-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        path = ContentScanner.realPath(base)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` at `relative`, creating folders.
    func write(_ relative: String, _ text: String) {
        writeBytes(relative, Array(text.utf8))
    }

    func writeBytes(_ relative: String, _ bytes: [UInt8]) {
        let full = path + "/" + relative
        try! FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: full, contents: Data(bytes))
    }

    func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: path + "/" + relative).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Copies a folder tree into this one.
    func copy(_ source: String, to relative: String) {
        try! FileManager.default.copyItem(atPath: source, toPath: path + "/" + relative)
    }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path + "/" + relative) }
}

extension TemporaryFolder {
    /// A new folder holding a copy of the project at `root` (its Content/ and Templates/): the
    /// fixture site by default, `Repository.root` for the real one.
    static func project(copying root: String = Repository.fixture) -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.copy(root + "/Content", to: "Content")
        folder.copy(root + "/Templates", to: "Templates")
        return folder
    }

    /// What a fresh full build (writing nothing) makes of the project in this folder, by output path.
    func fullBuildFiles(sourceLocation: SourceLocation = #_sourceLocation) -> [String: [UInt8]] {
        var options = BuildOptions.project(self)
        options.dryRun = true
        let report = SiteBuilder.build(options)
        #expect(report.succeeded, "\(report.diagnostics.items.map(\.message))", sourceLocation: sourceLocation)
        return Dictionary(uniqueKeysWithValues: report.files.map { ($0.path, $0.bytes) })
    }
}

extension BuildOptions {
    /// Options for building the project laid out in `folder` (Content/, Templates/, public/).
    static func project(_ folder: TemporaryFolder) -> BuildOptions {
        BuildOptions(workingDirectory: folder.path)
    }
}

extension SiteConfig {
    /// The smallest site.yml there is, for settings tests to add to.
    static let minimalYAML = "title: T\nbase_url: https://example.org/\n"

    /// The diagnostics of reading `text` as `Content/site.yml`, as printed.
    static func errors(reading text: String) -> [String] {
        parse(text, path: "Content/site.yml").1.map(\.description)
    }
}
