/// Builds the index from slices of documents handed over in document-id order, writing each
/// metadata and snippet file as soon as its documents are in: what stays in memory until
/// `finish` is only the term counts (the postings to be), never the pages' text.
/// The files are those described at `SearchIndexBuilder`; the result does not depend on how the
/// documents were cut into slices.
public struct SearchIndexWriter: Sendable {
    public let options: SearchOptions
    private let scoring: BM25

    private(set) var terms: [String] = []
    private var termIDs: [String: Int32] = [:]
    private var fieldNames: [String] = []
    private var fieldIDs: [String: Int32] = [:]
    /// Each slice builder's term and field numbers mapped to the index's.
    private var termMaps: [Int: [Int32]] = [:]
    private var fieldMaps: [Int: [Int32]] = [:]
    private var counts = TermCounts()

    private var sections: [String] = []
    private var sectionIndex: [String: Int] = [:]
    private var metadata: DocumentShard
    private var text: DocumentShard

    public var documentCount: Int { counts.documentCount }
    /// Files and bytes written so far.
    public private(set) var fileCount = 0
    public private(set) var byteCount = 0

    public init(options: SearchOptions) {
        self.options = options
        self.scoring = BM25(k1: options.k1, b: options.b)
        metadata = DocumentShard(directory: options.directory, kind: "d", size: options.metadataShardSize)
        text = DocumentShard(directory: options.directory, kind: "x", size: options.textShardSize)
    }

    /// Adds the slice's documents after those added before; `write` receives each file completed.
    /// Slices of one builder must come in the order they were taken.
    public mutating func add<Failure: Error>(_ slice: TokenizedSlice, write: (GeneratedFile) throws(Failure) -> Void) throws(Failure) {
        var globalTerms = termMaps.removeValue(forKey: slice.source) ?? []
        precondition(globalTerms.count == slice.termBase && (fieldMaps[slice.source]?.count ?? 0) == slice.fieldBase,
                     "slices of one builder added out of order")
        for term in slice.terms { globalTerms.append(Self.id(of: term, in: &terms, ids: &termIDs)) }
        var globalFields = fieldMaps.removeValue(forKey: slice.source) ?? []
        for name in slice.fieldNames { globalFields.append(Self.id(of: name, in: &fieldNames, ids: &fieldIDs)) }
        defer {
            termMaps[slice.source] = globalTerms
            fieldMaps[slice.source] = globalFields
        }
        for document in slice.documents {
            let id = documentCount
            counts.append(document, terms: globalTerms, fields: globalFields)
            if sectionIndex[document.section] == nil {
                sectionIndex[document.section] = sections.count
                sections.append(document.section)
            }
            let section = sectionIndex[document.section] ?? 0
            if let file = metadata.add(id, { script in
                script.raw("[")
                script.string(document.url)
                script.raw(",")
                script.string(document.title)
                script.raw(",")
                script.integer(section)
                script.raw("]")
            }) { try emit(file, write) }
            if let file = text.add(id, { script in
                document.snippet.withUnsafeBufferPointer { script.string(utf8: $0) }
            }) { try emit(file, write) }
        }
    }

    /// The number of `name` in `names`, added at the end when new.
    private static func id(of name: String, in names: inout [String], ids: inout [String: Int32]) -> Int32 {
        if let known = ids[name] { return known }
        let new = Int32(names.count)
        ids[name] = new
        names.append(name)
        return new
    }

    private mutating func emit<Failure: Error>(_ file: GeneratedFile, _ write: (GeneratedFile) throws(Failure) -> Void) throws(Failure) {
        fileCount += 1
        byteCount += file.bytes.count
        try write(file)
    }

    /// The postings of every term, scored; `ranges` (for tests) sets how many ranges of documents
    /// are scored apart.
    func scoredPostings(ranges: Int? = nil) -> ScoredPostings {
        ScoredPostings(counts, termCount: terms.count, fieldCount: fieldNames.count, scoring: scoring, ranges: ranges)
    }

    /// Writes the last metadata and snippet files, the term files and, last, the manifest.
    public mutating func finish<Failure: Error>(write: (GeneratedFile) throws(Failure) -> Void) throws(Failure) {
        if let file = metadata.close() { try emit(file, write) }
        if let file = text.close() { try emit(file, write) }

        let postings = scoredPostings()
        // Scores are quantised against the largest one, so the client can sum them as integers.
        let maximum = postings.scores.max() ?? 1
        let scale = Double(SearchIndexBuilder.maximumQuantisedScore) / (maximum > 0 ? maximum : 1)
        let shards = try TermShards(terms: terms, postings: postings, scale: scale, options: options) { (file) throws(Failure) in
            try emit(file, write)
        }

        let manifest = IndexManifest(
            build: IndexManifest.build(of: shards.digests + metadata.digests + text.digests),
            documentCount: documentCount, scale: scale, metadataShardSize: metadata.size, textShardSize: text.size,
            sections: sections, termBoundaries: shards.boundaries)
        try emit(manifest.file(directory: options.directory), write)
    }
}
