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
