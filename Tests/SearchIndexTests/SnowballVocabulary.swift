import Foundation

/// `Tests/Fixtures/snowball-english`: the Snowball project's English vocabulary and the stem its
/// reference stemmer gives each word, read line for line (the JavaScript tests read the same files).
enum SnowballVocabulary {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/snowball-english")

    /// Tests that walk the whole vocabulary (seconds in a debug build) yield this often: the test
    /// runner's task pool is as wide as the machine has cores, and a loop that never yields keeps
    /// the preview and watcher tests' timers from running until they time out.
    static let yieldEvery = 500

    /// (word, expected stem) for every line of `voc.txt` and `output.txt`.
    static let pairs: [(word: String, stem: String)] = {
        let words = lines("voc.txt"), stems = lines("output.txt")
        precondition(words.count == stems.count, "voc.txt has \(words.count) lines, output.txt \(stems.count)")
        return Array(zip(words, stems))
    }()

    static func lines(_ name: String) -> [String] {
        let url = folder.appendingPathComponent(name)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { fatalError("cannot read \(url.path)") }
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
