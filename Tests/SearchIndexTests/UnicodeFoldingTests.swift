import Foundation
import Testing
@testable import SearchIndex

/// `TextFolding` against `Tests/Fixtures/unicode-folding.json`, whose expected folds come from
/// Python's Unicode database (scripts/unicode-folding-vectors.py) rather than from this code;
/// the JavaScript tests read the same file.
@Suite struct UnicodeFoldingTests {
    struct Vectors: Decodable {
        let unicodeVersion: String
        let deviations: [String: String]
        let words: [[String]]
        let characters: [[String]]
    }

    static let vectors: Vectors = {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/unicode-folding.json")
        do {
            return try JSONDecoder().decode(Vectors.self, from: Data(contentsOf: url))
        } catch {
            fatalError("cannot read \(url.path): \(error)")
        }
    }()

    /// The cases of `list` that `TextFolding.fold` gets wrong, described.
    static func failures(_ list: [[String]]) -> [String] {
        list.compactMap { row in
            let folded = TextFolding.fold(row[1])
            return folded == row[2] ? nil : "\(row[0]): \(folded.debugDescription), expected \(row[2].debugDescription)"
        }
    }

    @Test func wordsFoldAsTheReferenceSays() {
        let failures = Self.failures(Self.vectors.words)
        #expect(failures.isEmpty, "\(failures.count) wrong: \(failures.prefix(20).joined(separator: "; "))")
    }

    @Test func everyCharacterTheFoldingTouchesFoldsAsTheReferenceSays() {
        #expect(Self.vectors.characters.count > 9_000)
        let failures = Self.failures(Self.vectors.characters)
        #expect(failures.isEmpty, "\(failures.count) wrong: \(failures.prefix(20).joined(separator: "; "))")
    }

    /// A case differs from the reference only through a deviation the file documents.
    @Test func everyDifferenceNamesADocumentedDeviation() {
        for row in Self.vectors.words + Self.vectors.characters {
            #expect(row.count == 3 || row.count == 5, "\(row[0])")
            guard row.count == 5 else { continue }
            #expect(row[2] != row[3], "\(row[0])")
            for name in row[4].split(separator: " ") {
                #expect(Self.vectors.deviations[String(name)] != nil, "\(row[0]): \(name)")
            }
        }
    }
}
