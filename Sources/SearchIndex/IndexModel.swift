import Foundation

/// The inverted index before it is written out, for tests: documents in id order (sorted by URL)
/// and, for every term, the documents containing it with the term's BM25F score there.
/// Built by the same `SearchIndexWriter` that writes the files.
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
        documents = SearchIndexBuilder.ordered(unsorted)
        var options = SearchOptions()
        options.k1 = scoring.k1
        options.b = scoring.b
        var writer = SearchIndexWriter(options: options)
        for slice in SearchIndexBuilder.slices(documents, options: options) { writer.add(slice) { _ in } }
        let scored = writer.scoredPostings()
        terms = writer.terms
        postings = terms.indices.map { term in
            (scored.start[term]..<scored.start[term + 1]).map { Posting(document: scored.documents[$0], score: scored.scores[$0]) }
        }
    }

    /// The postings of a term, for tests.
    func postings(of term: String) -> [Posting] {
        guard let index = terms.firstIndex(of: term) else { return [] }
        return postings[index]
    }
}
