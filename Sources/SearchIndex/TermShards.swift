import SiteSupport

/// Writes the term files `t/<n>.js`: every term with its postings (document ids and quantised
/// scores, `PostingCodec`-encoded), terms in UTF-16 order, a file closed once it holds
/// `termShardBytes`. What the manifest needs of them is kept: where each file's terms begin
/// (`boundaries`) and the files' digests.
struct TermShards {
    /// For each file, the shortest prefix that tells its first term from the previous file's last.
    private(set) var boundaries: [String] = []
    private(set) var digests: [(String, UInt64)] = []

    /// Writes the files of `terms` scored by `postings`; `scale` turns a score into an integer.
    init<Failure: Error>(terms: [String], postings: ScoredPostings, scale: Double, options: SearchOptions,
                         write: (GeneratedFile) throws(Failure) -> Void) throws(Failure) {
        // Terms in UTF-16 order, the order of JavaScript's string comparison.
        let order = terms.indices.sorted { terms[$0].utf16.lexicographicallyPrecedes(terms[$1].utf16) }
        var shard = JavaScriptText()
        var shardTerms = 0
        var previousTerm: String?
        var encoded: [(document: Int, score: Int)] = []
        func closeShard() throws(Failure) {
            shard.raw("});\n")
            let file = GeneratedFile(path: "\(options.directory)/t/\(boundaries.count - 1).js", bytes: shard.bytes)
            shard = JavaScriptText()
            shardTerms = 0
            digests.append((file.path, FNV1a.digest(file.bytes)))
            try write(file)
        }
        for termIndex in order {
            let term = terms[termIndex]
            if shardTerms == 0 {
                boundaries.append(previousTerm.map { SearchIndexBuilder.shortestSeparator(after: $0, upTo: term) } ?? "")
                shard.raw("SitegenSearch.add(\"t/\(boundaries.count - 1)\",{")
            } else {
                shard.raw(",")
            }
            encoded.removeAll(keepingCapacity: true)
            for slot in postings.start[termIndex]..<postings.start[termIndex + 1] {
                encoded.append((Int(postings.documents[slot]), max(1, Int((postings.scores[slot] * scale).rounded()))))
            }
            shard.string(term)
            shard.raw(":\"")
            shard.raw(String(decoding: PostingCodec.encode(encoded), as: UTF8.self))
            shard.raw("\"")
            shardTerms += 1
            previousTerm = term
            if shard.bytes.count >= options.termShardBytes { try closeShard() }
        }
        if shardTerms > 0 { try closeShard() }
    }
}
