internal import CCmark

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Renders Markdown (CommonMark, through the system libcmark) into HTML plus the data the site
/// pipeline needs: headings with ids, a table of contents, plain text, links and diagnostics.
///
/// Each call parses, walks and renders its own cmark tree and frees it before returning, so
/// calls share no state and may run concurrently from any number of tasks.
public enum MarkdownRenderer {
    /// Renders `markdown`, calling `rewriteLink` once for every link and image destination (as
    /// cmark parsed it: entities and backslash escapes decoded), in document order.
    ///
    /// In safe mode (the default) raw HTML is omitted and `javascript:`, `vbscript:`, `file:` and
    /// `data:` destinations are emptied, except `data:image/png|gif|jpeg|webp` images; this also
    /// applies to destinations returned by `rewriteLink`.
    public static func render(
        _ markdown: String,
        options: MarkdownOptions = .init(),
        rewriteLink: (String) -> LinkRewrite = { _ in .keep }
    ) -> RenderedMarkdown {
        var cmarkOptions = CMARK_OPT_DEFAULT
        if options.smartPunctuation { cmarkOptions |= CMARK_OPT_SMART }
        if options.unsafeHTML { cmarkOptions |= CMARK_OPT_UNSAFE }

        let scanned = ShortcodeScanner.replace(markdown)
        let text = scanned?.text ?? markdown
        let parsed = text.withCString { cmark_parse_document($0, text.utf8.count, cmarkOptions) }
        guard let document = parsed else {
            return RenderedMarkdown(
                html: "", plainText: "", firstParagraph: nil, headings: [], tocHTML: "", links: [],
                diagnostics: [])
        }
        defer { cmark_node_free(document) }

        var walk = DocumentWalk(source: markdown, dropsDangerousDestinations: !options.unsafeHTML, shortcodes: scanned?.calls ?? [])
        walk.walk(document, rewriteLink: rewriteLink)
        for pending in walk.pendingHeadings {
            HeadingAnchors.replace(pending.node, level: pending.heading.level, id: pending.heading.id)
        }
        let headings = walk.pendingHeadings.map(\.heading)

        var rendered = RenderedMarkdown(
            html: renderHTML(document, options: cmarkOptions),
            plainText: walk.plainText,
            firstParagraph: walk.firstParagraph,
            headings: headings,
            tocHTML: TableOfContents.html(for: headings),
            links: walk.links,
            diagnostics: walk.diagnostics)
        if let calls = scanned?.calls { collectShortcodes(calls, walk: walk, into: &rendered) }
        return rendered
    }

    /// The calls the walk found in running text become `shortcodes`; malformed ones there become
    /// diagnostics, their `{{<` put back as text.
    private static func collectShortcodes(_ calls: [ShortcodeScanner.Scanned], walk: DocumentWalk, into rendered: inout RenderedMarkdown) {
        var malformed = false
        for number in walk.callsInText {
            let scanned = calls[number]
            if let error = scanned.error {
                rendered.diagnostics.append(MarkdownDiagnostic(line: scanned.call.line, column: scanned.call.column, message: error))
                malformed = true
            } else {
                var call = scanned.call
                call.isBlock = walk.blockCalls.contains(number)
                rendered.shortcodes.append(call)
            }
        }
        if malformed {
            rendered.html = ShortcodeScanner.substitute(rendered.html) { calls[$0].error == nil ? calls[$0].call.placeholder : "{{&lt;" }
            rendered.plainText = ShortcodeScanner.substitute(rendered.plainText) { calls[$0].error == nil ? calls[$0].call.placeholder : "{{<" }
        }
        rendered.diagnostics.sort { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// The text of the first top-level paragraph, exactly as `render(_:options:)` gives it in
    /// `firstParagraph`, found by parsing alone (no HTML, no link callbacks): what lists and
    /// feeds show of a page before its turn to be rendered comes.
    ///
    /// Most pages open with their first paragraph, so the opening of the text is parsed first: up
    /// to a blank line after `prefixBytes`. Later lines cannot change blocks that a blank line has
    /// closed, with one exception: link reference definitions, which can appear anywhere and change
    /// how a `[` in the paragraph reads. So the prefix's answer is taken when its first paragraph
    /// ends before the cut and either has no `[` or the text defines no reference (has no `]:`);
    /// otherwise the whole text is parsed.
    public static func firstParagraph(_ markdown: String, options: MarkdownOptions = .init(), prefixBytes: Int = 768) -> String? {
        var cmarkOptions = CMARK_OPT_DEFAULT
        if options.smartPunctuation { cmarkOptions |= CMARK_OPT_SMART }
        if options.unsafeHTML { cmarkOptions |= CMARK_OPT_UNSAFE }
        let scanned = ShortcodeScanner.replace(markdown)
        let markdown = scanned?.text ?? markdown
        let calls = scanned?.calls ?? []
        var source = markdown
        let prefix: (text: String, lines: Int)? = source.withUTF8 { bytes in
            guard let cut = prefixCut(bytes, after: prefixBytes) else { return nil }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<cut.end]), as: UTF8.self)
            return (text, cut.lines)
        }
        if let prefix, let (text, lines) = parseFirstParagraph(prefix.text, options: cmarkOptions, shortcodes: calls),
           lines.upperBound < prefix.lines, !linesContainBracket(prefix.text, lines) || !mayDefineReferences(markdown) {
            return text
        }
        return parseFirstParagraph(markdown, options: cmarkOptions, shortcodes: calls)?.text
    }

    private static func parseFirstParagraph(_ markdown: String, options: Int32, shortcodes: [ShortcodeScanner.Scanned])
        -> (text: String, lines: ClosedRange<Int>)? {
        guard let document = markdown.withCString({ cmark_parse_document($0, markdown.utf8.count, options) }) else {
            return nil
        }
        defer { cmark_node_free(document) }
        var walk = DocumentWalk(source: markdown, dropsDangerousDestinations: false, shortcodes: shortcodes)
        walk.walk(document, untilFirstParagraph: true) { _ in .keep }
        guard let text = walk.firstParagraph, let lines = walk.firstParagraphLines else { return nil }
        return (text, lines)
    }

    /// The end of the first blank line that starts at or after `offset` (the bytes before it are
    /// the prefix), and how many lines the prefix has; nil when the text has none.
    static func prefixCut(_ bytes: UnsafeBufferPointer<UInt8>, after offset: Int) -> (end: Int, lines: Int)? {
        guard bytes.count > offset * 2 else { return nil }
        var lines = 0
        var lineStart = 0
        while lineStart < bytes.count {
            var end = lineStart
            var blank = true
            while end < bytes.count, bytes[end] != 10, bytes[end] != 13 {
                if bytes[end] != 32 && bytes[end] != 9 { blank = false }
                end += 1
            }
            guard end < bytes.count else { return nil }
            var next = end + 1
            if bytes[end] == 13, next < bytes.count, bytes[next] == 10 { next += 1 }
            lines += 1
            if blank && lineStart >= offset { return (next, lines) }
            lineStart = next
        }
        return nil
    }

    /// Whether `text` has a `]:`, without which it has no link reference definition.
    static func mayDefineReferences(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard var position = bytes.baseAddress else { return false }
            let end = position + bytes.count
            while position < end, let found = memchr(position, Int32(UInt8(ascii: "]")), end - position) {
                let bracket = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
                if bracket + 1 < end && bracket[1] == UInt8(ascii: ":") { return true }
                position = bracket + 1
            }
            return false
        }
    }

    /// Whether lines `lines` (1-based) of `text` contain a `[`.
    private static func linesContainBracket(_ text: String, _ lines: ClosedRange<Int>) -> Bool {
        var line = 1
        var previous: UInt8 = 0
        for byte in text.utf8 {
            defer { previous = byte }
            if byte == 10 && previous == 13 { continue }
            if byte == 10 || byte == 13 {
                line += 1
                if line > lines.upperBound { return false }
            } else if byte == UInt8(ascii: "[") && line >= lines.lowerBound {
                return true
            }
        }
        return false
    }

    private static func renderHTML(_ document: OpaquePointer, options: Int32) -> String {
        guard let rendered = cmark_render_html(document, options) else { return "" }
        defer { cmark_get_default_mem_allocator().pointee.free(rendered) }
        return String(cString: rendered)
    }
}
