import SiteSupport

/// The postings of every term, scored with BM25F: `terms[t]`'s postings are
/// `(documents, scores)[start[t]..<start[t + 1]]`, sorted by document.
struct ScoredPostings {
    var start: [Int]
    var documents: [Int32]
    var scores: [Double]

    /// Scores `counts` on all cores, in one range of documents a core (each range holds arrays as
    /// long as the vocabulary): first each range counts the documents of each term (a term may be
    /// in several slots of one document); the counts give every range its own place in each term's
    /// postings, which it then fills with scores. The result does not depend on the ranges;
    /// `ranges` (for tests) sets how many there are.
    init(_ counts: TermCounts, termCount: Int, fieldCount: Int, scoring: BM25, ranges wanted: Int? = nil) {
        let documentCount = counts.documentCount
        // Each field's length averaged over the documents that have it.
        var lengthTotals = [Int](repeating: 0, count: fieldCount)
        var lengthCounts = [Int](repeating: 0, count: fieldCount)
        var counted = [Int](repeating: -1, count: fieldCount)
        for document in 0..<documentCount {
            for slot in counts.slots(of: document) where counted[Int(slot.field)] != document {
                counted[Int(slot.field)] = document
                lengthTotals[Int(slot.field)] += Int(slot.length)
                lengthCounts[Int(slot.field)] += 1
            }
        }
        let averages = zip(lengthTotals, lengthCounts).map { $1 > 0 ? Double($0) / Double($1) : 0 }

        let rangeCount = max(1, min(wanted ?? documentCount / 256, wanted ?? Parallel.cores, documentCount))
        let ranges = (0..<rangeCount).map { documentCount * $0 / rangeCount..<documentCount * ($0 + 1) / rangeCount }
        let rangeCounts = Parallel.map(rangeCount) { range -> [Int32] in
            var perTerm = [Int32](repeating: 0, count: termCount)
            var lastDocument = [Int32](repeating: -1, count: termCount)
            counts.forEachEntry(of: ranges[range]) { document, term, _, _ in
                if lastDocument[Int(term)] != document {
                    lastDocument[Int(term)] = document
                    perTerm[Int(term)] += 1
                }
            }
            return perTerm
        }
        var start = [Int](repeating: 0, count: termCount + 1)
        var rangeStarts = [[Int]](repeating: [], count: rangeCount)
        for term in 0..<termCount {
            var position = start[term]
            for range in 0..<rangeCount {
                if term == 0 { rangeStarts[range].reserveCapacity(termCount) }
                rangeStarts[range].append(position)
                position += Int(rangeCounts[range][term])
            }
            start[term + 1] = position
        }
        let total = start[termCount]
        let idf = (0..<termCount).map { BM25.idf(documentCount: documentCount, documentsWithTerm: start[$0 + 1] - start[$0]) }
        var documents = [Int32](repeating: 0, count: total)
        var scores = [Double](repeating: 0, count: total)
        let firstPlaces = rangeStarts
        documents.withUnsafeMutableBufferPointer { documents in
            scores.withUnsafeMutableBufferPointer { scores in
                let output = SharedOutput(documents: documents, scores: scores)
                Parallel.forEach(rangeCount) { range in
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
                    counts.forEachEntry(of: ranges[range]) { document, term, count, slot in
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
                }
            }
        }
        self.start = start
        self.documents = documents
        self.scores = scores
    }

    /// The postings arrays, written by several threads at once, each to its own places.
    private struct SharedOutput: @unchecked Sendable {
        let documents: UnsafeMutableBufferPointer<Int32>
        let scores: UnsafeMutableBufferPointer<Double>
    }
}
