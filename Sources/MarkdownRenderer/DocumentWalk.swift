internal import CCmark

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One pass over a parsed cmark tree that collects plain text, headings and links, and rewrites
/// link and image destinations in place.
///
/// The walk only sets destinations (allowed during iteration); heading nodes are collected and
/// replaced after the walk by `HeadingAnchors`. Node pointers never leave `MarkdownRenderer.render`.
struct DocumentWalk {
    /// A heading node waiting to get its id written, with the heading it became.
    struct PendingHeading {
        var node: OpaquePointer
        var heading: Heading
    }

    private let source: String
    private let dropsDangerousDestinations: Bool

    /// The document's plain text so far, as UTF-8 (text is gathered as bytes: one String per block, not per node).
    private var plainTextBytes: [UInt8] = []
    private(set) var firstParagraph: String?
    /// The source lines (1-based, inclusive) of the first paragraph.
    private(set) var firstParagraphLines: ClosedRange<Int>?
    private(set) var pendingHeadings: [PendingHeading] = []
    private(set) var links: [String] = []
    private(set) var diagnostics: [MarkdownDiagnostic] = []

    private var slugger = HeadingSlugger()
    private var blockText: [UInt8] = []
    private var block: OpaquePointer?
    /// Destinations (as parsed) of the links seen so far in `block`, to locate repeats in order.
    private var blockDestinations: [String] = []
    private var locator: SourceLocator?

    /// The shortcode calls the scanner replaced with placeholders (empty: the text had none).
    private let shortcodes: [ShortcodeScanner.Scanned]
    /// Numbers of the calls found in running text, in document order, and of those that are a paragraph alone.
    private(set) var callsInText: [Int] = []
    private(set) var blockCalls: Set<Int> = []
    private var imageDepth = 0

    init(source: String, dropsDangerousDestinations: Bool, shortcodes: [ShortcodeScanner.Scanned] = []) {
        self.source = source
        self.dropsDangerousDestinations = dropsDangerousDestinations
        self.shortcodes = shortcodes
    }

    /// The document's text without markup, one block a line.
    var plainText: String { String(decoding: plainTextBytes, as: UTF8.self) }

    /// Visits every node of `document` in order.
    /// With `untilFirstParagraph`, it stops as soon as `firstParagraph` is known.
    mutating func walk(_ document: OpaquePointer, untilFirstParagraph: Bool = false, rewriteLink: (String) -> LinkRewrite) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while !(untilFirstParagraph && firstParagraph != nil) {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let entering = event == CMARK_EVENT_ENTER
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT:
                if !shortcodes.isEmpty {
                    if imageDepth > 0 { restoreShortcodes(in: node) } else { noteShortcodes(in: node) }
                }
                Self.appendLiteral(of: node, to: &blockText)
            case CMARK_NODE_CODE:
                if !shortcodes.isEmpty { restoreShortcodes(in: node) }
                Self.appendLiteral(of: node, to: &blockText)
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                if !shortcodes.isEmpty { restoreShortcodes(in: node) }
            case CMARK_NODE_SOFTBREAK:
                blockText.append(UInt8(ascii: " "))
            case CMARK_NODE_LINEBREAK:
                blockText.append(UInt8(ascii: "\n"))
            case CMARK_NODE_CODE_BLOCK:
                if !shortcodes.isEmpty { restoreShortcodes(in: node) }
                blockText.removeAll(keepingCapacity: true)
                Self.appendLiteral(of: node, to: &blockText)
                if blockText.last == UInt8(ascii: "\n") { blockText.removeLast() }
                appendBlock()
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                if entering {
                    startBlock(node)
                } else {
                    finishBlock(node)
                }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if cmark_node_get_type(node) == CMARK_NODE_IMAGE { imageDepth += entering ? 1 : -1 }
                if entering { visitDestination(of: node, rewriteLink: rewriteLink) }
            default:
                break
            }
        }
    }

    private mutating func startBlock(_ node: OpaquePointer) {
        block = node
        blockText.removeAll(keepingCapacity: true)
        blockDestinations.removeAll(keepingCapacity: true)
    }

    private mutating func finishBlock(_ node: OpaquePointer) {
        if !shortcodes.isEmpty, cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH, let child = cmark_node_first_child(node),
           child == cmark_node_last_child(node), cmark_node_get_type(child) == CMARK_NODE_TEXT,
           let literal = cmark_node_get_literal(child) {
            let text = String(cString: literal)
            if let (number, end) = ShortcodeScanner.placeholder(in: text[...], at: text.startIndex), end == text.endIndex {
                blockCalls.insert(number)
            }
        }
        if cmark_node_get_type(node) == CMARK_NODE_HEADING {
            var text = String(decoding: blockText, as: UTF8.self)
            // Ids and the table of contents leave shortcodes out (their output is made later).
            if !shortcodes.isEmpty { text = ShortcodeScanner.substitute(text) { _ in "" } }
            let heading = Heading(
                level: Int(cmark_node_get_heading_level(node)),
                id: slugger.uniqueID(for: text),
                text: text)
            pendingHeadings.append(PendingHeading(node: node, heading: heading))
        } else if firstParagraph == nil, !blockText.isEmpty,
            let parent = cmark_node_parent(node), cmark_node_get_type(parent) == CMARK_NODE_DOCUMENT
        {
            var text = String(decoding: blockText, as: UTF8.self)
            // A summary leaves shortcodes out (their output is known only when the page renders).
            if !shortcodes.isEmpty { text = ShortcodeScanner.substitute(text) { _ in "" } }
            guard !text.isEmpty else { appendBlock(); block = nil; return }
            firstParagraph = text
            let start = Int(cmark_node_get_start_line(node))
            firstParagraphLines = start...max(start, Int(cmark_node_get_end_line(node)))
        }
        appendBlock()
        block = nil
    }

    /// Appends the finished `blockText` as a line of the plain text.
    private mutating func appendBlock() {
        guard !blockText.isEmpty else { return }
        if !plainTextBytes.isEmpty { plainTextBytes.append(UInt8(ascii: "\n")) }
        plainTextBytes.append(contentsOf: blockText)
        blockText.removeAll(keepingCapacity: true)
    }

    private mutating func visitDestination(of node: OpaquePointer, rewriteLink: (String) -> LinkRewrite) {
        var written = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        if !shortcodes.isEmpty {
            // Destinations and titles take a call's text as written: a shortcode is no URL.
            let restored = ShortcodeScanner.substitute(written) { shortcodes[$0].source }
            if restored != written { written = restored; cmark_node_set_url(node, restored) }
            if let title = cmark_node_get_title(node).map({ String(cString: $0) }) {
                let restoredTitle = ShortcodeScanner.substitute(title) { shortcodes[$0].source }
                if restoredTitle != title { cmark_node_set_title(node, restoredTitle) }
            }
        }
        var destination = written
        switch rewriteLink(written) {
        case .keep:
            break
        case .replace(let replacement):
            destination = replacement
        case .error(let message):
            let position = locate(written)
            diagnostics.append(MarkdownDiagnostic(line: position.line, column: position.column, message: message))
        }
        blockDestinations.append(written)
        let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
        if dropsDangerousDestinations && DestinationSafety.isDangerous(destination, isImage: isImage) {
            destination = ""
        }
        if destination != written { cmark_node_set_url(node, destination) }
        if !destination.isEmpty { links.append(destination) }
    }

    /// The position of the current link's destination in the source, or of its block's start.
    private mutating func locate(_ destination: String) -> (line: Int, column: Int) {
        let locator = self.locator ?? SourceLocator(source)
        self.locator = locator
        guard let block else { return (1, 1) }
        let blockStart = locator.offset(
            line: Int(cmark_node_get_start_line(block)), byteColumn: Int(cmark_node_get_start_column(block)))
        let blockEnd = max(blockStart, locator.offset(afterLine: Int(cmark_node_get_end_line(block))))
        // Replay the earlier links of this block so that a repeated destination is found at its own place.
        var searchStart = blockStart
        for earlier in blockDestinations {
            if let found = locator.findInline(earlier, in: searchStart..<blockEnd) { searchStart = found.upperBound }
        }
        if let found = locator.findInline(destination, in: searchStart..<blockEnd)
            ?? locator.findReferenceDefinition(destination)
        {
            return locator.position(of: found.lowerBound)
        }
        return locator.position(of: blockStart)
    }

    /// Records the calls whose placeholders are in this text node (running text: they are expanded).
    private mutating func noteShortcodes(in node: OpaquePointer) {
        guard let literal = cmark_node_get_literal(node), strchr(literal, 0xEE) != nil else { return }
        _ = ShortcodeScanner.substitute(String(cString: literal)) { number in
            callsInText.append(number)
            return ""
        }
    }

    /// Puts back the source text of the calls in a code span, code block, raw HTML or alt text: left alone.
    private func restoreShortcodes(in node: OpaquePointer) {
        guard let literal = cmark_node_get_literal(node), strchr(literal, 0xEE) != nil else { return }
        let text = String(cString: literal)
        let restored = ShortcodeScanner.substitute(text) { shortcodes[$0].source }
        if restored != text { cmark_node_set_literal(node, restored) }
    }

    private static func appendLiteral(of node: OpaquePointer, to bytes: inout [UInt8]) {
        guard let literal = cmark_node_get_literal(node) else { return }
        let count = strlen(literal)
        literal.withMemoryRebound(to: UInt8.self, capacity: count) {
            bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: count))
        }
    }
}
