import Foundation
import SiteKit

/// A temporary copy of the fixture site (`Tests/Fixtures/minisite`: Content/ and Templates/),
/// removed when the object goes away.
final class TestProject: Sendable {
    let root: String

    static let fixture: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path + "/Tests/Fixtures/minisite"
    }()

    init() {
        let base = FileManager.default.temporaryDirectory.path + "/sitegen-serve-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        root = URL(fileURLWithPath: base).resolvingSymlinksInPath().path
        for folder in ["Content", "Templates"] {
            try! FileManager.default.copyItem(atPath: Self.fixture + "/" + folder, toPath: root + "/" + folder)
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    var buildOptions: BuildOptions { BuildOptions(workingDirectory: root) }

    /// Writes `text` at `relative` in place (truncate and write, as most editors save).
    func write(_ relative: String, _ text: String) {
        let path = root + "/" + relative
        try! FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }

    /// Writes through a temporary file renamed over the target (as Foundation's atomic writes and vim do).
    func writeAtomically(_ relative: String, _ text: String) {
        try! Data(text.utf8).write(to: URL(fileURLWithPath: root + "/" + relative), options: .atomic)
    }

    func read(_ relative: String) -> String {
        String(decoding: FileManager.default.contents(atPath: root + "/" + relative) ?? Data(), as: UTF8.self)
    }

    /// What `sitegen build` would write for the project as it is now, by output path.
    func builtFiles() -> [String: [UInt8]] {
        var options = buildOptions
        options.dryRun = true
        let report = SiteBuilder.build(options)
        return Dictionary(uniqueKeysWithValues: report.files.map { ($0.path, $0.bytes) })
    }
}
