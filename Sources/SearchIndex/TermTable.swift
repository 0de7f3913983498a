import SiteSupport

/// Interns terms to small integers while tokenizing, remembering the term ids of every text
/// segment it has seen, so that indexing thousands of pages folds and stems each distinct word
/// once. Segments are looked up by their bytes in an open-addressing table (no `String` is made
/// for a segment seen before): indexing is dominated by this loop.
struct TermTable {
    private(set) var terms: [String] = []
    private var ids: [String: Int32] = [:]

    // The segment cache: slots hold an index into `entries` + 1 (0: empty).
    private var slots = [Int32](repeating: 0, count: 1 << 14)
    private var entries: [Entry] = []
    private var keyBytes: [UInt8] = []
    private var entryTerms: [Int32] = []

    private struct Entry {
        var hash: UInt64
        var keyStart: Int32
        var keyLength: Int32
        var termsStart: Int32
        var termsCount: Int32
    }

    /// Calls `emit` with the id of every term of `text`, in order.
    mutating func append(_ text: String, _ emit: (Int32) -> Void) {
        var text = text
        let separators = asciiSeparator  // one global access, not one per byte
        text.withUTF8 { bytes in
            var start = 0
            var hash = FNV1a()
            for index in 0..<bytes.count {
                let byte = bytes[index]
                if byte < 0x80 && separators[Int(byte)] {
                    if start < index { appendSegment(UnsafeBufferPointer(rebasing: bytes[start..<index]), hash: hash.value, emit) }
                    start = index + 1
                    hash = FNV1a()
                } else {
                    hash.add(byte: byte)
                }
            }
            if start < bytes.count { appendSegment(UnsafeBufferPointer(rebasing: bytes[start...]), hash: hash.value, emit) }
        }
    }

    private mutating func appendSegment(_ segment: UnsafeBufferPointer<UInt8>, hash: UInt64, _ emit: (Int32) -> Void) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while slots[slot] != 0 {
            let entry = entries[Int(slots[slot]) - 1]
            if entry.hash == hash && Int(entry.keyLength) == segment.count && keyMatches(entry, segment) {
                for index in Int(entry.termsStart)..<Int(entry.termsStart + entry.termsCount) { emit(entryTerms[index]) }
                return
            }
            slot = (slot + 1) & mask
        }
        // First sight of this segment: tokenize it and remember its terms.
        let termsStart = entryTerms.count
        Tokenizer.forEachTerm(inSegment: String(decoding: segment, as: UTF8.self)) { entryTerms.append(id(of: $0)) }
        entries.append(Entry(hash: hash, keyStart: Int32(keyBytes.count), keyLength: Int32(segment.count),
                             termsStart: Int32(termsStart), termsCount: Int32(entryTerms.count - termsStart)))
        keyBytes.append(contentsOf: segment)
        slots[slot] = Int32(entries.count)
        for index in termsStart..<entryTerms.count { emit(entryTerms[index]) }
        if entries.count * 2 > slots.count { grow() }
    }

    private func keyMatches(_ entry: Entry, _ segment: UnsafeBufferPointer<UInt8>) -> Bool {
        keyBytes.withUnsafeBufferPointer { keys in
            var offset = 0
            let start = Int(entry.keyStart)
            while offset < segment.count {
                if keys[start + offset] != segment[offset] { return false }
                offset += 1
            }
            return true
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.hash ^ (entry.hash >> 29)) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
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
