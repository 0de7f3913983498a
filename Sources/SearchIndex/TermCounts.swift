/// Every document's term counts, in one flat array per column, in document order: what the
/// index keeps of the pages until `finish` scores them (never their text).
struct TermCounts {
    // `entryTerms[e]` occurs `entryCounts[e]` times in its field slot.
    private(set) var entryTerms: [Int32] = []
    private(set) var entryCounts: [UInt32] = []
    private(set) var slots: [TokenizedDocument.Slot] = []
    /// `slots[documentSlotStart[d]..<documentSlotStart[d + 1]]` belong to document d.
    private(set) var documentSlotStart: [Int32] = [0]

    var documentCount: Int { documentSlotStart.count - 1 }

    /// Adds a document after the others, its term and field numbers mapped to the index's.
    mutating func append(_ document: TokenizedDocument, terms: [Int32], fields: [Int32]) {
        let base = Int32(entryTerms.count)
        for entry in document.entries {
            entryTerms.append(terms[Int(entry.term)])
            entryCounts.append(entry.count)
        }
        for var slot in document.slots {
            slot.field = fields[Int(slot.field)]
            slot.entryEnd += base
            slots.append(slot)
        }
        documentSlotStart.append(Int32(slots.count))
    }

    /// The slots of `document`.
    func slots(of document: Int) -> ArraySlice<TokenizedDocument.Slot> {
        slots[Int(documentSlotStart[document])..<Int(documentSlotStart[document + 1])]
    }

    /// Calls `body` with every entry of the documents in `range`, in order:
    /// (document, term, count, slot).
    func forEachEntry(of range: Range<Int>, _ body: (Int32, Int32, UInt32, TokenizedDocument.Slot) -> Void) {
        guard !range.isEmpty else { return }
        let firstSlot = Int(documentSlotStart[range.lowerBound])
        var entry = firstSlot > 0 ? Int(slots[firstSlot - 1].entryEnd) : 0
        for document in range {
            for slot in slots(of: document) {
                while entry < Int(slot.entryEnd) {
                    body(Int32(document), entryTerms[entry], entryCounts[entry], slot)
                    entry += 1
                }
            }
        }
    }
}
