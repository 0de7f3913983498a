/// Turns a template's matched tags and the text between them into operations.
///
/// Whitespace follows the spec's inheritance rules: the content of a standalone block loses its
/// common indentation where it is written and gets the indentation of the block it fills.
struct OperationCompiler {
    let source: SourceText
    let tags: [Tag]
    /// Finds the template a partial or parent name refers to.
    let resolve: (String) -> Int?
    private(set) var operations: [Operation] = []
    /// Lookup-cache slots by name, shared by all templates of a library.
    private(set) var slots: [String: Int]

    init(source: SourceText, tags: [Tag], slots: [String: Int], resolve: @escaping (String) -> Int?) {
        self.source = source
        self.tags = tags
        self.resolve = resolve
        self.slots = slots
    }

    mutating func compile() {
        compile(tags: 0..<tags.count, text: 0..<source.count, dedent: [])
    }

    /// Compiles a well-nested run of tags and the text around them; `dedent` is the indentation
    /// that every line start loses (from the innermost standalone block).
    private mutating func compile(tags range: Range<Int>, text: Range<Int>, dedent: [UInt8]) {
        var pendingText: [UInt8] = []
        var cursor = text.lowerBound
        var index = range.lowerBound
        func flush(_ operations: inout [Operation]) {
            if !pendingText.isEmpty {
                operations.append(.text(pendingText))
                pendingText = []
            }
        }
        while index < range.upperBound {
            let tag = tags[index]
            appendText(cursor..<tag.removedStart, dedent: dedent, to: &pendingText)
            let closer = tag.kind.opensSpan ? (tag.partner ?? index) : index
            switch tag.kind {
            case .variable(let escaped):
                flush(&operations)
                operations.append(.value(reference(tag), escaped: escaped))
            case .comment, .delimiters, .close:
                break
            case .section, .invertedSection:
                flush(&operations)
                let at = operations.count
                operations.append(.text([]))
                compile(tags: index + 1..<closer, text: tag.removedEnd..<tags[closer].removedStart, dedent: dedent)
                operations[at] = tag.kind == .section
                    ? .section(reference(tag), end: operations.count)
                    : .invertedSection(reference(tag), end: operations.count)
            case .partial:
                flush(&operations)
                operations.append(.partial(inclusion(tag, dedent: dedent, arguments: [])))
            case .parent:
                flush(&operations)
                compileParent(at: index, dedent: dedent)
            case .block:
                flush(&operations)
                compileBlock(at: index, dedent: dedent)
            }
            cursor = tags[closer].removedEnd
            index = closer + 1
        }
        appendText(cursor..<text.upperBound, dedent: dedent, to: &pendingText)
        flush(&operations)
    }

    /// A parent tag: only the blocks directly inside it count; other text and tags are ignored.
    private mutating func compileParent(at index: Int, dedent: [UInt8]) {
        let tag = tags[index]
        let closer = tag.partner ?? index
        let at = operations.count
        operations.append(.text([]))
        var arguments: [BlockArgument] = []
        var inner = index + 1
        while inner < closer {
            let block = tags[inner]
            let blockCloser = block.kind.opensSpan ? (block.partner ?? inner) : inner
            if block.kind == .block && block.isArgument {
                let contentDedent = block.isStandalone ? (commonIndentation(ofBlockAt: inner) ?? dedent) : dedent
                let bodyStart = operations.count
                compile(tags: inner + 1..<blockCloser, text: block.removedEnd..<tags[blockCloser].removedStart, dedent: contentDedent)
                arguments.append(BlockArgument(name: block.name, body: bodyStart..<operations.count))
            }
            inner = blockCloser + 1
        }
        operations[at] = .parent(inclusion(tag, dedent: dedent, arguments: arguments), end: operations.count)
    }

    /// A block outside a parent tag: a slot with default content.
    private mutating func compileBlock(at index: Int, dedent: [UInt8]) {
        let tag = tags[index]
        let closer = tag.partner ?? index
        let at = operations.count
        operations.append(.text([]))
        var slotIndentation: [UInt8]?
        var contentDedent = dedent
        if tag.isStandalone {
            if let content = commonIndentation(ofBlockAt: index) {
                contentDedent = content
                slotIndentation = content.removingPrefix(dedent)
            } else {
                slotIndentation = Array(source.bytes[tag.removedStart..<tag.start]).removingPrefix(dedent)
            }
        }
        compile(tags: index + 1..<closer, text: tag.removedEnd..<tags[closer].removedStart, dedent: contentDedent)
        operations[at] = .block(BlockSlot(name: tag.name, indentation: slotIndentation, position: source.position(of: tag.start)), end: operations.count)
    }

    /// The common indentation of a standalone block's non-blank content lines; nil when it has none.
    private func commonIndentation(ofBlockAt index: Int) -> [UInt8]? {
        let tag = tags[index]
        guard let closer = tag.partner else { return nil }
        let bytes = source.bytes
        let end = tags[closer].removedStart
        var common: [UInt8]?
        var lineStart = tag.removedEnd
        while lineStart < end {
            var indentEnd = lineStart
            while indentEnd < end && (bytes[indentEnd] == .space || bytes[indentEnd] == .tab) { indentEnd += 1 }
            let isBlankLine = indentEnd == end || bytes[indentEnd] == .newline
                || (bytes[indentEnd] == .carriageReturn && indentEnd + 1 < end && bytes[indentEnd + 1] == .newline)
            if !isBlankLine {
                let indentation = bytes[lineStart..<indentEnd]
                if let current = common {
                    common = Array(zip(current, indentation).prefix(while: { $0 == $1 }).map(\.0))
                } else {
                    common = Array(indentation)
                }
            }
            guard let newline = source.find([.newline], from: indentEnd, before: end) else { break }
            lineStart = newline + 1
        }
        return common
    }

    /// Appends source text, taking `dedent` off the start of each line.
    private func appendText(_ range: Range<Int>, dedent: [UInt8], to buffer: inout [UInt8]) {
        guard !range.isEmpty else { return }
        let bytes = source.bytes
        if dedent.isEmpty {
            buffer.append(contentsOf: bytes[range])
            return
        }
        var offset = range.lowerBound
        while offset < range.upperBound {
            if offset == 0 || bytes[offset - 1] == .newline {
                var matched = 0
                while matched < dedent.count && offset < range.upperBound && bytes[offset] == dedent[matched] {
                    offset += 1
                    matched += 1
                }
                if offset == range.upperBound { break }
            }
            buffer.append(bytes[offset])
            offset += 1
        }
    }

    private mutating func reference(_ tag: Tag) -> ValueReference {
        let path = tag.name == "." ? [] : tag.name.split(separator: ".").map(String.init)
        let slot = slots[tag.name] ?? slots.count
        slots[tag.name] = slot
        return ValueReference(path: path, name: tag.name, position: source.position(of: tag.start), slot: slot)
    }

    private func inclusion(_ tag: Tag, dedent: [UInt8], arguments: [BlockArgument]) -> Inclusion {
        let indentation = tag.isStandalone
            ? Array(source.bytes[tag.removedStart..<tag.start]).removingPrefix(dedent)
            : nil
        return Inclusion(name: tag.name, target: resolve(tag.name), indentation: indentation,
                         position: source.position(of: tag.start), arguments: arguments)
    }
}

extension Array where Element == UInt8 {
    /// The bytes without `prefix` (or without the part they share with it).
    func removingPrefix(_ prefix: [UInt8]) -> [UInt8] {
        let shared = zip(self, prefix).prefix(while: { $0 == $1 }).count
        return Array(self[shared...])
    }
}
