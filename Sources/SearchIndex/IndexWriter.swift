import Foundation
import SiteSupport

/// Documents tokenized together on one thread: what a worker hands to `SearchIndexWriter.add`
/// once its slice of the site is rendered. It holds term counts and the cut snippet text, not the
/// documents' full text.
public struct TokenizedSlice: Sendable {
    /// The builder that made it: slices of one builder share its term table.
    var source: Int
    /// The builder's terms new since its previous slice (its vocabulary only grows): entries refer
    /// to the builder's whole vocabulary by position, `termBase` being where these begin.
    var terms: [String] = []
    var termBase = 0
    var fieldNames: [String] = []
    var fieldBase = 0
    var documents: [TokenizedDocument] = []

    /// Tokenizes `documents` (already in document-id order) into a slice of its own.
    public init(_ documents: some Sequence<SearchDocument>, options: SearchOptions, source: Int) {
        var builder = Builder(options: options, source: source)
        for document in documents { builder.add(document) }
        self = builder.takeSlice()
    }

    init(source: Int) { self.source = source }

    /// Adds documents one at a time, so a worker can tokenize each page as soon as it is rendered.
    /// One builder may make many slices in turn (its term table, which folds and stems each distinct
    /// word once, is kept); each builder of one index needs its own `source` number.
    public struct Builder: Sendable {
        public let source: Int
        private var table = TermTable()
        private var fieldNames: [String] = []
        private var fieldIDs: [String: Int32] = [:]
        private var documents: [TokenizedDocument] = []
        private var scratch: [UInt32] = []
        private var touched: [Int32] = []
        private var ids: [Int32] = []
        private var termsSent = 0
        private var fieldNamesSent = 0
        private let textLimit: Int

        public init(options: SearchOptions, source: Int) {
            textLimit = options.maximumTextLength
            self.source = source
        }

        public mutating func add(_ document: SearchDocument) {
            var fields: [(name: Int32, weight: Double, start: Int, end: Int)] = []
            ids.removeAll(keepingCapacity: true)
            for field in document.fields where field.weight > 0 {
                let start = ids.count
                table.append(field.text) { ids.append($0) }
                guard ids.count > start else { continue }
                let name: Int32
                if let known = fieldIDs[field.name] {
                    name = known
                } else {
                    name = Int32(fieldNames.count)
                    fieldIDs[field.name] = name
                    fieldNames.append(field.name)
                }
                fields.append((name, field.weight, start, ids.count))
            }
            if scratch.count < table.terms.count { scratch += [UInt32](repeating: 0, count: table.terms.count - scratch.count) }
            // Fields of one name share a length; fields of one name and weight share a slot.
            var tokenized = TokenizedDocument(url: document.url, title: document.title, section: document.section,
                                              snippet: snippetBytes(document.text, limit: textLimit))
            for (position, field) in fields.enumerated() {
                if fields[..<position].contains(where: { $0.name == field.name && $0.weight == field.weight }) { continue }
                var length = 0
                for other in fields where other.name == field.name { length += other.end - other.start }
                for other in fields[position...] where other.name == field.name && other.weight == field.weight {
                    for id in ids[other.start..<other.end] {
                        if scratch[Int(id)] == 0 { touched.append(id) }
                        scratch[Int(id)] += 1
                    }
                }
                for id in touched {
                    tokenized.entries.append(.init(term: id, count: scratch[Int(id)]))
                    scratch[Int(id)] = 0
                }
                touched.removeAll(keepingCapacity: true)
                tokenized.slots.append(.init(field: field.name, weight: field.weight, length: Int32(length),
                                             entryEnd: Int32(tokenized.entries.count)))
            }
            documents.append(tokenized)
        }

        /// The documents added since the last slice was taken.
        public mutating func takeSlice() -> TokenizedSlice {
            var slice = TokenizedSlice(source: source)
            slice.terms = Array(table.terms[termsSent...])
            slice.termBase = termsSent
            slice.fieldNames = Array(fieldNames[fieldNamesSent...])
            slice.fieldBase = fieldNamesSent
            slice.documents = documents
            termsSent = table.terms.count
            fieldNamesSent = fieldNames.count
            documents = []
            return slice
        }
    }
}

/// One document after tokenizing: its result data, snippet, and term counts per field slot.
struct TokenizedDocument: Sendable {
    struct Entry: Sendable {
        var term: Int32
        var count: UInt32
    }

    /// The document's fields of one name and weight; its entries run up to `entryEnd`.
    struct Slot: Sendable {
        var field: Int32
        var weight: Double
        /// Terms in all fields of this name in this document.
        var length: Int32
        var entryEnd: Int32
    }

    var url: String
    var title: String
    var section: String
    /// The snippet text, UTF-8.
    var snippet: [UInt8]
    var entries: [Entry] = []
    var slots: [Slot] = []
}

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

    // Every document's term counts, in one flat array per column.
    private var entryTerms: [Int32] = []
    private var entryCounts: [UInt32] = []
    private var slots: [TokenizedDocument.Slot] = []
    /// `slots[documentSlotStart[d]..<documentSlotStart[d + 1]]` belong to document d.
    private var documentSlotStart: [Int32] = [0]

    private var sections: [String] = []
    private var sectionIndex: [String: Int] = [:]
    /// The metadata file (`d/<n>.js`: url, title, section of each document) and the snippet file
    /// (`x/<n>.js`) being filled.
    private var metadata: PendingShard
    private var text: PendingShard

    public private(set) var documentCount = 0
    /// Files and bytes written so far.
    public private(set) var fileCount = 0
    public private(set) var byteCount = 0

    public init(options: SearchOptions) {
        self.options = options
        self.scoring = BM25(k1: options.k1, b: options.b)
        metadata = PendingShard(directory: options.directory, kind: "d", size: options.metadataShardSize)
        text = PendingShard(directory: options.directory, kind: "x", size: options.textShardSize)
    }

    /// Documents' entries of one kind, `size` to a file, in document order.
    private struct PendingShard {
        let directory: String
        let kind: String
        let size: Int
        private var script = JavaScriptText()
        private var count = 0
        private var first = 0
        /// Digests of the files written so far, combined in a fixed order into the build id.
        private(set) var digests: [(String, UInt64)] = []

        init(directory: String, kind: String, size: Int) {
            self.directory = directory
            self.kind = kind
            self.size = max(1, size)
        }

        /// Adds document `id`'s entry, written by `entry`; returns the file when this one fills it.
        mutating func add(_ id: Int, _ entry: (inout JavaScriptText) -> Void) -> GeneratedFile? {
            if count == 0 {
                first = id
                script.raw("SitegenSearch.add(\"\(kind)/\(id / size)\",[")
            } else {
                script.raw(",")
            }
            entry(&script)
            count += 1
            return count == size ? close() : nil
        }

        /// The file of the entries added since the last one, if any.
        mutating func close() -> GeneratedFile? {
            guard count > 0 else { return nil }
            script.raw("]);\n")
            let file = GeneratedFile(path: "\(directory)/\(kind)/\(first / size).js", bytes: script.bytes)
            script = JavaScriptText()
            count = 0
            digests.append((file.path, FNV1a.digest(file.bytes)))
            return file
        }
    }

    /// Adds the slice's documents after those added before; `write` receives each file completed.
    /// Slices of one builder must come in the order they were taken.
    public mutating func add<Failure: Error>(_ slice: TokenizedSlice, write: (GeneratedFile) throws(Failure) -> Void) throws(Failure) {
        var globalTerms = termMaps.removeValue(forKey: slice.source) ?? []
        precondition(globalTerms.count == slice.termBase && globalFieldsCount(slice.source) == slice.fieldBase,
                     "slices of one builder added out of order")
        for term in slice.terms {
            if let known = termIDs[term] {
                globalTerms.append(known)
            } else {
                globalTerms.append(Int32(terms.count))
                termIDs[term] = Int32(terms.count)
                terms.append(term)
            }
        }
        var globalFields = fieldMaps.removeValue(forKey: slice.source) ?? []
        for name in slice.fieldNames {
            if let known = fieldIDs[name] {
                globalFields.append(known)
            } else {
                globalFields.append(Int32(fieldNames.count))
                fieldIDs[name] = Int32(fieldNames.count)
                fieldNames.append(name)
            }
        }
        defer {
            termMaps[slice.source] = globalTerms
            fieldMaps[slice.source] = globalFields
        }
        for document in slice.documents {
            let base = Int32(entryTerms.count)
            for entry in document.entries {
                entryTerms.append(globalTerms[Int(entry.term)])
                entryCounts.append(entry.count)
            }
            for var slot in document.slots {
                slot.field = globalFields[Int(slot.field)]
                slot.entryEnd += base
                slots.append(slot)
            }
            documentSlotStart.append(Int32(slots.count))

            if sectionIndex[document.section] == nil {
                sectionIndex[document.section] = sections.count
                sections.append(document.section)
            }
            let section = sectionIndex[document.section] ?? 0
            if let file = metadata.add(documentCount, { script in
                script.raw("[")
                script.string(document.url)
                script.raw(",")
                script.string(document.title)
                script.raw(",")
                script.integer(section)
                script.raw("]")
            }) { try emit(file, write) }
            if let file = text.add(documentCount, { script in
                document.snippet.withUnsafeBufferPointer { script.string(utf8: $0) }
            }) { try emit(file, write) }
            documentCount += 1
        }
    }

    private mutating func emit<Failure: Error>(_ file: GeneratedFile, _ write: (GeneratedFile) throws(Failure) -> Void) throws(Failure) {
        fileCount += 1
        byteCount += file.bytes.count
        try write(file)
    }

    private func globalFieldsCount(_ source: Int) -> Int { fieldMaps[source]?.count ?? 0 }

    /// The postings of every term, scored: `terms[t]`'s postings are
    /// `(documents, scores)[start[t]..<start[t + 1]]`, sorted by document.
    struct ScoredPostings {
        var start: [Int]
        var documents: [Int32]
        var scores: [Double]
    }

    /// `ranges` (for tests) sets how many ranges of documents are scored apart.
    func scoredPostings(ranges wanted: Int? = nil) -> ScoredPostings {
        // Each field's length averaged over the documents that have it.
        var lengthTotals = [Int](repeating: 0, count: fieldNames.count)
        var lengthCounts = [Int](repeating: 0, count: fieldNames.count)
        var counted = [Int](repeating: -1, count: fieldNames.count)
        for document in 0..<documentCount {
            for slot in slots[Int(documentSlotStart[document])..<Int(documentSlotStart[document + 1])]
            where counted[Int(slot.field)] != document {
                counted[Int(slot.field)] = document
                lengthTotals[Int(slot.field)] += Int(slot.length)
                lengthCounts[Int(slot.field)] += 1
            }
        }
        let averages = zip(lengthTotals, lengthCounts).map { $1 > 0 ? Double($0) / Double($1) : 0 }

        // On all cores, in one range of documents a core (each range holds arrays as long as the
        // vocabulary): first each range counts the documents of each term
        // (a term may be in several slots of one document); the counts give every range its own
        // place in each term's postings, which it then fills with scores.
        let termCount = terms.count
        let rangeCount = max(1, min(wanted ?? documentCount / 256, wanted ?? Parallel.cores, documentCount))
        let ranges = (0..<rangeCount).map { documentCount * $0 / rangeCount..<documentCount * ($0 + 1) / rangeCount }
        let counts = Parallel.map(rangeCount) { range -> [Int32] in
            var counts = [Int32](repeating: 0, count: termCount)
            var lastDocument = [Int32](repeating: -1, count: termCount)
            forEachEntry(of: ranges[range]) { document, term, _, _ in
                if lastDocument[Int(term)] != document {
                    lastDocument[Int(term)] = document
                    counts[Int(term)] += 1
                }
            }
            return counts
        }
        var start = [Int](repeating: 0, count: termCount + 1)
        var rangeStarts = [[Int]](repeating: [], count: rangeCount)
        for term in 0..<termCount {
            var position = start[term]
            for range in 0..<rangeCount {
                if term == 0 { rangeStarts[range].reserveCapacity(termCount) }
                rangeStarts[range].append(position)
                position += Int(counts[range][term])
            }
            start[term + 1] = position
        }
        let total = start[termCount]
        let documentTotal = documentCount
        let idf = (0..<termCount).map { BM25.idf(documentCount: documentTotal, documentsWithTerm: start[$0 + 1] - start[$0]) }
        var documents = [Int32](repeating: 0, count: total)
        var scores = [Double](repeating: 0, count: total)
        let firstPlaces = rangeStarts
        documents.withUnsafeMutableBufferPointer { documents in
            scores.withUnsafeMutableBufferPointer { scores in
                let output = SharedOutput(documents: documents, scores: scores)
                _ = Parallel.map(rangeCount) { range -> Bool in
                    var next = firstPlaces[range]
                    var accumulated = [Double](repeating: 0, count: termCount)
                    var touched: [Int32] = []
                    var current: Int32 = -1
                    func flush() {
                        for term in touched {
                            let slot = next[Int(term)]
                            output.documents[slot] = current
                            output.scores[slot] = scoring.score(pseudoFrequency: accumulated[Int(term)], idf: idf[Int(term)])
                            next[Int(term)] += 1
                            accumulated[Int(term)] = 0
                        }
                        touched.removeAll(keepingCapacity: true)
                    }
                    forEachEntry(of: ranges[range]) { document, term, count, slot in
                        if document != current {
                            flush()
                            current = document
                        }
                        let perOccurrence = scoring.fieldFrequency(termFrequency: 1, weight: slot.weight, fieldLength: Int(slot.length),
                                                                   averageFieldLength: averages[Int(slot.field)])
                        if accumulated[Int(term)] == 0 { touched.append(term) }
                        accumulated[Int(term)] += Double(count) * perOccurrence
                    }
                    flush()
                    return true
                }
            }
        }
        return ScoredPostings(start: start, documents: documents, scores: scores)
    }

    /// The postings arrays, written by several threads at once, each to its own places.
    private struct SharedOutput: @unchecked Sendable {
        let documents: UnsafeMutableBufferPointer<Int32>
        let scores: UnsafeMutableBufferPointer<Double>
    }

    /// Calls `body` with every entry of the documents in `range`, in order.
    private func forEachEntry(of range: Range<Int>, _ body: (Int32, Int32, UInt32, TokenizedDocument.Slot) -> Void) {
        guard !range.isEmpty else { return }
        let firstSlot = Int(documentSlotStart[range.lowerBound])
        var entry = firstSlot > 0 ? Int(slots[firstSlot - 1].entryEnd) : 0
        for document in range {
            for slot in slots[Int(documentSlotStart[document])..<Int(documentSlotStart[document + 1])] {
                while entry < Int(slot.entryEnd) {
                    body(Int32(document), entryTerms[entry], entryCounts[entry], slot)
                    entry += 1
                }
            }
        }
    }

    /// Writes the last metadata and snippet files, the term files and, last, the manifest.
    public mutating func finish<Failure: Error>(write: (GeneratedFile) throws(Failure) -> Void) throws(Failure) {
        if let file = metadata.close() { try emit(file, write) }
        if let file = text.close() { try emit(file, write) }

        let postings = scoredPostings()
        // Scores are quantised against the largest one, so the client can sum them as integers.
        let maximum = postings.scores.max() ?? 1
        let scale = Double(SearchIndexBuilder.maximumQuantisedScore) / (maximum > 0 ? maximum : 1)

        // Terms in UTF-16 order, the order of JavaScript's string comparison.
        let order = terms.indices.sorted { terms[$0].utf16.lexicographicallyPrecedes(terms[$1].utf16) }
        var boundaries: [String] = []
        var termDigests: [(String, UInt64)] = []
        var shard = JavaScriptText()
        var shardTerms = 0
        var previousTerm: String?
        var encoded: [(document: Int, score: Int)] = []
        func closeShard() throws(Failure) {
            shard.raw("});\n")
            let file = GeneratedFile(path: "\(options.directory)/t/\(boundaries.count - 1).js", bytes: shard.bytes)
            shard = JavaScriptText()
            shardTerms = 0
            termDigests.append((file.path, FNV1a.digest(file.bytes)))
            try emit(file, write)
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

        // The manifest, with a digest of everything else for cache busting.
        var digest = FNV1a()
        for (path, fileDigest) in termDigests + metadata.digests + text.digests {
            digest.add(path.utf8)
            digest.add(word: fileDigest)
        }
        var manifest = JavaScriptText()
        manifest.raw("SitegenSearch.add(\"index\",{\"version\":\(SearchIndexBuilder.formatVersion),\"build\":")
        manifest.string(digest.hex)
        manifest.raw(",\"documents\":\(documentCount),\"scale\":")
        manifest.raw(String(scale))
        manifest.raw(",\"metadataShard\":\(metadata.size),\"textShard\":\(text.size),\"sections\":[")
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
        try emit(GeneratedFile(path: "\(options.directory)/index.js", bytes: manifest.bytes), write)
    }
}
