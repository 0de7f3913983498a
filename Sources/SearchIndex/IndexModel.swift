import Foundation

/// The inverted index before it is written out: documents in id order (sorted by URL) and, for
/// every term, the documents containing it with the term's BM25F score there.
struct IndexModel {
    struct Posting: Equatable {
        var document: Int32
        var score: Double
    }

    var documents: [SearchDocument]
    var terms: [String]
    /// `postings[i]` belongs to `terms[i]`, sorted by document.
    var postings: [[Posting]]

    init(documents unsorted: [SearchDocument], scoring: BM25) {
        documents = unsorted.enumerated()
            .sorted { ($0.element.url, $0.offset) < ($1.element.url, $1.offset) }
            .map(\.element)

        // Pass 1: tokenize every field, interning terms, and gather field lengths.
        var table = TermTable()
        var fieldNames: [String: Int] = [:]
        var documentFields: [[FieldTerms]] = []
        documentFields.reserveCapacity(documents.count)
        var lengthTotals: [Int] = []
        var lengthCounts: [Int] = []
        var scratch: [Int32] = []
        for document in documents {
            var fields: [FieldTerms] = []
            for field in document.fields where field.weight > 0 {
                let fieldIndex: Int
                if let known = fieldNames[field.name] {
                    fieldIndex = known
                } else {
                    fieldIndex = fieldNames.count
                    fieldNames[field.name] = fieldIndex
                    lengthTotals.append(0)
                    lengthCounts.append(0)
                }
                scratch.removeAll(keepingCapacity: true)
                table.append(field.text) { scratch.append($0) }
                guard !scratch.isEmpty else { continue }
                fields.append(FieldTerms(field: fieldIndex, weight: field.weight, terms: scratch))
            }
            // Fields of one name in one document share a length (the sum of their term counts).
            var lengths: [Int: Int] = [:]
            for field in fields { lengths[field.field, default: 0] += field.terms.count }
            for (field, length) in lengths {
                lengthTotals[field] += length
                lengthCounts[field] += 1
            }
            for index in fields.indices { fields[index].length = lengths[fields[index].field] ?? 0 }
            documentFields.append(fields)
        }
        let averages = zip(lengthTotals, lengthCounts).map { $1 > 0 ? Double($0) / Double($1) : 0 }

        // Pass 2: pseudo term frequencies per document, then scores once document frequencies are known.
        terms = table.terms
        var frequencies: [[(document: Int32, frequency: Double)]] = Array(repeating: [], count: terms.count)
        var accumulated = [Double](repeating: 0, count: terms.count)
        var touched: [Int32] = []
        for (documentID, fields) in documentFields.enumerated() {
            for field in fields {
                var counts: [Int32: Int] = [:]
                for term in field.terms { counts[term, default: 0] += 1 }
                for (term, count) in counts {
                    if accumulated[Int(term)] == 0 { touched.append(term) }
                    accumulated[Int(term)] += scoring.fieldFrequency(
                        termFrequency: count, weight: field.weight, fieldLength: field.length,
                        averageFieldLength: averages[field.field])
                }
            }
            for term in touched {
                frequencies[Int(term)].append((Int32(documentID), accumulated[Int(term)]))
                accumulated[Int(term)] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        let documentCount = documents.count
        postings = frequencies.map { list in
            let idf = BM25.idf(documentCount: documentCount, documentsWithTerm: list.count)
            return list.map { Posting(document: $0.document, score: scoring.score(pseudoFrequency: $0.frequency, idf: idf)) }
        }
    }

    /// The postings of a term, for tests.
    func postings(of term: String) -> [Posting] {
        guard let index = terms.firstIndex(of: term) else { return [] }
        return postings[index]
    }
}

/// The terms of one field of one document.
struct FieldTerms {
    var field: Int
    var weight: Double
    var terms: [Int32]
    var length = 0
}
