/// How the index is scored and cut into files.
public struct SearchOptions: Sendable, Equatable {
    /// BM25 term-frequency saturation.
    public var k1 = 1.2
    /// BM25 length normalisation (0: none, 1: full).
    public var b = 0.75
    /// A term shard is closed once it holds about this many bytes (one very common term may exceed it).
    public var termShardBytes = 12_000
    /// Documents per metadata file (url, title, section): what the header box loads to show results.
    public var metadataShardSize = 20
    /// Documents per snippet-text file: what the results page loads to cut snippets.
    public var textShardSize = 4
    /// Snippet text kept per document, in Unicode scalars.
    public var maximumTextLength = 10_000
    /// The folder under the output root that holds the index.
    public var directory = "search"

    public init() {}
}
