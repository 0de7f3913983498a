/// English words too common to help a search; neither indexed nor required in queries.
/// `search-engine.js` holds the same list, and `Tests/Fixtures/search-vectors.json` pins both.
public enum StopWords {
    /// The list, compared with a word's folded form without apostrophes ("it's" is "its").
    public static let english: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has",
        "have", "he", "her", "his", "i", "if", "in", "into", "is", "it", "its", "of", "on", "or", "our",
        "she", "so", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they",
        "this", "those", "to", "was", "we", "were", "which", "will", "with", "you", "your",
    ]
}
