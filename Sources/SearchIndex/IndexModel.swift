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

        // Pass 1: tokenize every field (in parallel), and average each field's length over the
        // documents that have it.
        var fieldNames: [String: Int] = [:]
        for document in documents {
            for field in document.fields where fieldNames[field.name] == nil { fieldNames[field.name] = fieldNames.count }
        }
        let tokenized = TokenizedDocuments(documents, fieldNames: fieldNames)
        var lengthTotals = [Int](repeating: 0, count: fieldNames.count)
        var lengthCounts = [Int](repeating: 0, count: fieldNames.count)
        for fields in tokenized.fields {
            var counted = Set<Int>()
            for field in fields where counted.insert(field.field).inserted {
                lengthTotals[field.field] += field.length
                lengthCounts[field.field] += 1
            }
        }
        let averages = zip(lengthTotals, lengthCounts).map { $1 > 0 ? Double($0) / Double($1) : 0 }

        // Pass 2: pseudo term frequencies per document, then scores once document frequencies are known.
        terms = tokenized.terms
        var frequencies: [[(document: Int32, frequency: Double)]] = Array(repeating: [], count: terms.count)
        var accumulated = [Double](repeating: 0, count: terms.count)
        var touched: [Int32] = []
        for (documentID, fields) in tokenized.fields.enumerated() {
            for field in fields {
                // The field's contribution is linear in the term frequency: add it per occurrence.
                let perOccurrence = scoring.fieldFrequency(
                    termFrequency: 1, weight: field.weight, fieldLength: field.length,
                    averageFieldLength: averages[field.field])
                for term in field.terms {
                    if accumulated[Int(term)] == 0 { touched.append(term) }
                    accumulated[Int(term)] += perOccurrence
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
struct FieldTerms: Sendable {
    var field: Int
    var weight: Double
    var terms: [Int32]
    /// Terms in all fields of this name in this document (they share one length).
    var length = 0
}

/// Every document's fields as term ids, tokenized in slices on all cores, each slice with its own
/// `TermTable`; the slices' ids are then mapped onto one table.
struct TokenizedDocuments {
    var terms: [String] = []
    var fields: [[FieldTerms]] = []

    private struct Slice: Sendable {
        var terms: [String] = []
        var fields: [[FieldTerms]] = []
    }

    init(_ documents: [SearchDocument], fieldNames: [String: Int]) {
        let sliceCount = min(documents.count, ProcessInfo.processInfo.activeProcessorCount * 4)
        guard sliceCount > 0 else { return }
        let sliceSize = (documents.count + sliceCount - 1) / sliceCount
        let slices = parallelMap(sliceCount) { sliceIndex in
            let range = min(sliceIndex * sliceSize, documents.count)..<min((sliceIndex + 1) * sliceSize, documents.count)
            var table = TermTable()
            var sliceFields: [[FieldTerms]] = []
            sliceFields.reserveCapacity(range.count)
            for document in documents[range] {
                sliceFields.append(TokenizedDocuments.fields(of: document, fieldNames: fieldNames, table: &table))
            }
            return Slice(terms: table.terms, fields: sliceFields)
        }
        var ids: [String: Int32] = [:]
        fields.reserveCapacity(documents.count)
        for slice in slices {
            let globalIDs = slice.terms.map { term -> Int32 in
                if let known = ids[term] { return known }
                let new = Int32(terms.count)
                terms.append(term)
                ids[term] = new
                return new
            }
            for var documentFields in slice.fields {
                for index in documentFields.indices {
                    documentFields[index].terms = documentFields[index].terms.map { globalIDs[Int($0)] }
                }
                fields.append(documentFields)
            }
        }
    }

    private static func fields(of document: SearchDocument, fieldNames: [String: Int], table: inout TermTable) -> [FieldTerms] {
        var fields: [FieldTerms] = []
        for field in document.fields where field.weight > 0 {
            var ids: [Int32] = []
            table.append(field.text) { ids.append($0) }
            if !ids.isEmpty { fields.append(FieldTerms(field: fieldNames[field.name] ?? 0, weight: field.weight, terms: ids)) }
        }
        var lengths: [Int: Int] = [:]
        for field in fields { lengths[field.field, default: 0] += field.terms.count }
        for index in fields.indices { fields[index].length = lengths[fields[index].field] ?? 0 }
        return fields
    }
}
