/// Builds the client-side search index: the manifest `search/index.js`, term shards
/// `search/t/<n>.js` (contiguous ranges of the sorted terms, each about `termShardBytes`),
/// result metadata `search/d/<n>.js` and snippet text `search/x/<n>.js`. Every file is one call
/// `SitegenSearch.add("<path without .js>", <JSON>)`, so `search-engine.js` loads it with a <script>
/// tag: no fetch, and so it works from file:// as well as from any server path.
public enum SearchIndexBuilder {
    /// Version of the file format; `search-engine.js` refuses an index of another version.
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

        // Result metadata and snippet text, in document-id slices, written on all cores.
        var sections: [String] = []
        var sectionIndex: [String: Int] = [:]
        for document in model.documents where sectionIndex[document.section] == nil {
            sectionIndex[document.section] = sections.count
            sections.append(document.section)
        }
        let documents = model.documents
        let metadataSize = max(1, options.metadataShardSize)
        let textSize = max(1, options.textShardSize)
        let metadataCount = (documents.count + metadataSize - 1) / metadataSize
        let textCount = (documents.count + textSize - 1) / textSize
        let sectionNumbers = sectionIndex
        let textLimit = options.maximumTextLength
        files += parallelMap(metadataCount + textCount) { shard -> GeneratedFile in
            var text = JavaScriptText()
            if shard < metadataCount {
                text.raw("SitegenSearch.add(\"d/\(shard)\",[")
                for (offset, document) in documents[(shard * metadataSize)..<min((shard + 1) * metadataSize, documents.count)].enumerated() {
                    if offset > 0 { text.raw(",") }
                    text.raw("[")
                    text.string(document.url)
                    text.raw(",")
                    text.string(document.title)
                    text.raw(",")
                    text.integer(sectionNumbers[document.section] ?? 0)
                    text.raw("]")
                }
                text.raw("]);\n")
                return GeneratedFile(path: "\(directory)/d/\(shard).js", bytes: text.bytes)
            }
            let number = shard - metadataCount
            text.raw("SitegenSearch.add(\"x/\(number)\",[")
            for (offset, document) in documents[(number * textSize)..<min((number + 1) * textSize, documents.count)].enumerated() {
                if offset > 0 { text.raw(",") }
                text.string(snippetText(document.text, limit: textLimit))
            }
            text.raw("]);\n")
            return GeneratedFile(path: "\(directory)/x/\(number).js", bytes: text.bytes)
        }

        // The manifest, with a digest of everything else for cache busting.
        let written = files
        let fileDigests = parallelMap(written.count) { index in FNV1a.digest(written[index].bytes) }
        var digest = FNV1a()
        for (file, fileDigest) in zip(files, fileDigests) {
            digest.add(file.path.utf8)
            digest.add(word: fileDigest)
        }
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
}

/// 64-bit FNV-1a, a small stable hash (Swift's `Hasher` is seeded per process). Whole files
/// are hashed eight bytes at a time: it names a build for cache busting, not a checksum.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* FNV1a.prime
        }
    }

    mutating func add(word: UInt64) {
        value ^= word
        value = value &* FNV1a.prime
    }

    static func digest(_ bytes: [UInt8]) -> UInt64 {
        var hash = FNV1a()
        bytes.withUnsafeBytes { raw in
            let words = raw.count / 8
            for index in 0..<words { hash.add(word: raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)) }
            hash.add(raw[(words * 8)...])
            hash.add(word: UInt64(raw.count))
        }
        return hash.value
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
