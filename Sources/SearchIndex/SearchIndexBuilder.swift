/// Builds the client-side search index: the manifest `search/index.js`, term shards
/// `search/t/<n>.js` (contiguous ranges of the sorted terms, each about `termShardBytes`),
/// result metadata `search/d/<n>.js` and snippet text `search/x/<n>.js`. Every file is one call
/// `SitegenSearch.add("<path without .js>", <JSON>)`, so `search.js` loads it with a <script>
/// tag: no fetch, and so it works from file:// as well as from any server path.
public enum SearchIndexBuilder {
    /// Version of the file format; `search.js` refuses an index of another version.
    public static let formatVersion = 1
    /// Quantised scores run from 1 to this value (two varint digits).
    static let maximumQuantisedScore = 1000

    /// The index files for `documents`, paths relative to the output root.
    public static func build(_ documents: [SearchDocument], options: SearchOptions) -> [GeneratedFile] {
        let model = IndexModel(documents: documents, scoring: BM25(k1: options.k1, b: options.b))
        return files(for: model, options: options)
    }

    static func files(for model: IndexModel, options: SearchOptions) -> [GeneratedFile] {
        let directory = options.directory
        var files: [GeneratedFile] = []

        // Scores are quantised against the largest one, so the client can sum them as integers.
        let maximum = model.postings.lazy.flatMap { $0 }.map(\.score).max() ?? 1
        let scale = Double(maximumQuantisedScore) / (maximum > 0 ? maximum : 1)

        // Terms in UTF-16 order, the order of JavaScript's string comparison.
        let order = model.terms.indices.sorted { model.terms[$0].utf16.lexicographicallyPrecedes(model.terms[$1].utf16) }
        var boundaries: [String] = []
        var shard = JavaScriptText()
        var shardTerms = 0
        var previousTerm: String?
        func closeShard() {
            shard.raw("});\n")
            files.append(GeneratedFile(path: "\(directory)/t/\(boundaries.count - 1).js", bytes: shard.bytes))
            shard = JavaScriptText()
            shardTerms = 0
        }
        for termIndex in order {
            let term = model.terms[termIndex]
            if shardTerms == 0 {
                boundaries.append(previousTerm.map { shortestSeparator(after: $0, upTo: term) } ?? "")
                shard.raw("SitegenSearch.add(\"t/\(boundaries.count - 1)\",{")
            } else {
                shard.raw(",")
            }
            let postings = model.postings[termIndex].map {
                (document: Int($0.document), score: max(1, Int(($0.score * scale).rounded())))
            }
            shard.string(term)
            shard.raw(":\"")
            shard.raw(String(decoding: PostingCodec.encode(postings), as: UTF8.self))
            shard.raw("\"")
            shardTerms += 1
            previousTerm = term
            if shard.bytes.count >= options.termShardBytes { closeShard() }
        }
        if shardTerms > 0 { closeShard() }

        // Result metadata and snippet text, in document-id slices.
        var sections: [String] = []
        var sectionIndex: [String: Int] = [:]
        for document in model.documents where sectionIndex[document.section] == nil {
            sectionIndex[document.section] = sections.count
            sections.append(document.section)
        }
        let metadataSize = max(1, options.metadataShardSize)
        for (shardNumber, start) in stride(from: 0, to: model.documents.count, by: metadataSize).enumerated() {
            var text = JavaScriptText()
            text.raw("SitegenSearch.add(\"d/\(shardNumber)\",[")
            for (offset, document) in model.documents[start..<min(start + metadataSize, model.documents.count)].enumerated() {
                if offset > 0 { text.raw(",") }
                text.raw("[")
                text.string(document.url)
                text.raw(",")
                text.string(document.title)
                text.raw(",")
                text.integer(sectionIndex[document.section] ?? 0)
                text.raw("]")
            }
            text.raw("]);\n")
            files.append(GeneratedFile(path: "\(directory)/d/\(shardNumber).js", bytes: text.bytes))
        }
        let textSize = max(1, options.textShardSize)
        for (shardNumber, start) in stride(from: 0, to: model.documents.count, by: textSize).enumerated() {
            var text = JavaScriptText()
            text.raw("SitegenSearch.add(\"x/\(shardNumber)\",[")
            for (offset, document) in model.documents[start..<min(start + textSize, model.documents.count)].enumerated() {
                if offset > 0 { text.raw(",") }
                text.string(snippetText(document.text, limit: options.maximumTextLength))
            }
            text.raw("]);\n")
            files.append(GeneratedFile(path: "\(directory)/x/\(shardNumber).js", bytes: text.bytes))
        }

        // The manifest, with a digest of everything else for cache busting.
        var digest = FNV1a()
        for file in files { digest.add(file.path.utf8); digest.add(file.bytes) }
        var manifest = JavaScriptText()
        manifest.raw("SitegenSearch.add(\"index\",{\"version\":\(formatVersion),\"build\":")
        manifest.string(digest.hex)
        manifest.raw(",\"documents\":\(model.documents.count),\"scale\":")
        manifest.raw(String(scale))
        manifest.raw(",\"metadataShard\":\(metadataSize),\"textShard\":\(textSize),\"sections\":[")
        for (index, section) in sections.enumerated() {
            if index > 0 { manifest.raw(",") }
            manifest.string(section)
        }
        manifest.raw("],\"terms\":[")
        for (index, boundary) in boundaries.enumerated() {
            if index > 0 { manifest.raw(",") }
            manifest.string(boundary)
        }
        manifest.raw("]});\n")
        files.insert(GeneratedFile(path: "\(directory)/index.js", bytes: manifest.bytes), at: 0)
        return files
    }

    /// The shortest prefix of `next` (whole scalars) that sorts after `previous` in UTF-16
    /// order: enough to tell which shard a term belongs to.
    static func shortestSeparator(after previous: String, upTo next: String) -> String {
        var prefix = String.UnicodeScalarView()
        for scalar in next.unicodeScalars {
            prefix.append(scalar)
            let candidate = String(prefix)
            if previous.utf16.lexicographicallyPrecedes(candidate.utf16) { return candidate }
        }
        return next
    }

    /// Whitespace collapsed and the text cut at a word boundary near `limit` characters.
    static func snippetText(_ text: String, limit: Int) -> String {
        let collapsed = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard collapsed.count > limit else { return collapsed }
        let cut = collapsed.prefix(limit)
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
            return String(cut[..<space])
        }
        return String(cut)
    }
}

/// 64-bit FNV-1a, a small stable hash (Swift's `Hasher` is seeded per process).
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
