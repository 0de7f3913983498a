import Foundation
import FuzzTargets
import Testing

/// Every kept fuzzing input (seeds and crashes found, `Tests/Fixtures/fuzz/<target>/`) and the
/// fixture files the corpora start from, through each target once: what held under fuzzing
/// keeps holding.
@Suite struct ReplayTests {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func files(under folder: String, suffix: String = "") -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        return enumerator.compactMap { $0 as? String }
            .filter { !$0.hasPrefix(".") && $0 != "README.md" && $0.hasSuffix(suffix) }
            .map { folder + "/" + $0 }
            .filter { var isFolder: ObjCBool = false; return FileManager.default.fileExists(atPath: $0, isDirectory: &isFolder) && !isFolder.boolValue }
            .sorted()
    }

    /// The kept inputs of a target, and the fixture files its corpus is seeded with.
    static func inputs(_ target: FuzzTarget) -> [String] {
        let kept = files(under: root + "/Tests/Fixtures/fuzz/" + target.rawValue)
        let markdown = files(under: root + "/Tests/Fixtures/minisite/Content", suffix: ".md") + files(under: root + "/Content", suffix: ".md")
        switch target {
        case .frontMatter, .markdown: return kept + markdown
        case .template: return kept + files(under: root + "/Templates", suffix: ".mustache") + files(under: root + "/Tests/Fixtures/minisite/Templates", suffix: ".mustache")
        case .tokenizer: return kept + [root + "/Tests/Fixtures/seed/article.txt"]
        case .requestPath: return kept
        }
    }

    @Test(arguments: FuzzTarget.allCases)
    func everyKeptInputStillPasses(target: FuzzTarget) throws {
        let inputs = Self.inputs(target)
        #expect(inputs.count >= 2, "no inputs for \(target.rawValue)")
        for path in inputs {
            let data = try #require(FileManager.default.contents(atPath: path), "\(path)")
            target.run(Array(data))
        }
    }
}
