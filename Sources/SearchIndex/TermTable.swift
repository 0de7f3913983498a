/// Interns terms to small integers while tokenizing, remembering the term ids of every text
/// segment it has seen, so that indexing thousands of pages folds and stems each distinct word once.
struct TermTable {
    private(set) var terms: [String] = []
    private var ids: [String: Int32] = [:]
    private var segmentCache: [String: [Int32]] = [:]

    /// Calls `emit` with the id of every term of `text`, in order.
    mutating func append(_ text: String, _ emit: (Int32) -> Void) {
        Tokenizer.forEachSegment(of: text) { segment in
            if let cached = segmentCache[segment] {
                cached.forEach(emit)
                return
            }
            var segmentIDs: [Int32] = []
            Tokenizer.forEachTerm(inSegment: segment) { segmentIDs.append(id(of: $0)) }
            segmentCache[segment] = segmentIDs
            segmentIDs.forEach(emit)
        }
    }

    private mutating func id(of term: String) -> Int32 {
        if let existing = ids[term] { return existing }
        let new = Int32(terms.count)
        terms.append(term)
        ids[term] = new
        return new
    }
}
