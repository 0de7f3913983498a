import Foundation

/// `Tests/Fixtures/search-vectors.json`, the test vectors shared with the JavaScript tests.
struct SearchVectors: Decodable {
    struct TokenizerCase: Decodable {
        let name: String
        let input: String
        let tokens: [String]
    }
    struct PairList: Decodable {
        let pairs: [[String]]
    }

    let stopWords: [String]
    let tokenizer: [TokenizerCase]
    let porter2Extra: PairList

    static let shared: SearchVectors = {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/search-vectors.json")
        do {
            return try JSONDecoder().decode(SearchVectors.self, from: Data(contentsOf: url))
        } catch {
            fatalError("cannot read \(url.path): \(error)")
        }
    }()
}
