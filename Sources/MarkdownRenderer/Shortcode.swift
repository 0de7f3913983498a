#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A shortcode call found in running text, `{{< speaker ref="../speakers/tan-jialing.md" >}}`:
/// what the site pipeline expands into a template's output after cmark has rendered the page.
///
/// In the rendered HTML and plain text the call stands as `placeholder`, which the expansion
/// replaces (`<p>placeholder</p>` as a whole when `isBlock`).
public struct ShortcodeCall: Sendable, Equatable {
    /// One `key="value"` argument, its value unescaped, at the position of its key.
    public struct Argument: Sendable, Equatable {
        public var key: String
        public var value: String
        public var line: Int
        public var column: Int
    }

    /// The template name after `{{<`.
    public var name: String
    public var arguments: [Argument]
    /// 1-based line and column (in characters) of the `{{<`, in the Markdown text.
    public var line: Int
    public var column: Int
    /// Whether the call is a paragraph of its own (its output replaces the paragraph).
    public var isBlock: Bool
    /// The text standing for the call in `html` and `plainText`.
    public var placeholder: String
    /// The content file a `ref` argument names, once the site pipeline has resolved it.
    public var referenceSource: String?

    /// The argument named `key`, if given.
    public func argument(_ key: String) -> Argument? { arguments.first { $0.key == key } }
}

/// Finds shortcode calls in Markdown before cmark parses it and puts a placeholder in place of
/// each: a private-use character, the call's number, another private-use character — text that
/// cmark passes through unchanged in every context, so the walk can tell where each call ended up.
///
/// A call is `{{<`, a name, `key="value"` arguments (`\"` and `\\` escape inside a value), `>}}`,
/// all on one line (so lines keep their numbers). `\{{<` is left to cmark (which drops the
/// backslash: a literal `{{<`). A `{{<` that does not start a well-formed call also becomes a
/// placeholder, carrying its error: reported only if the walk finds it in running text.
struct ShortcodeScanner {
    /// A scanned call (or a malformed one) and the source text it replaced.
    struct Scanned {
        var call: ShortcodeCall
        var source: String
        var error: String?
    }

    static let open: Character = "\u{E000}"
    static let close: Character = "\u{E001}"

    /// The text with placeholders and the calls, or nil when `markdown` has no `{{<` (the fast path).
    static func replace(_ markdown: String) -> (text: String, calls: [Scanned])? {
        var markdown = markdown
        let hasCall = markdown.withUTF8 { bytes -> Bool in
            guard var position = bytes.baseAddress, bytes.count >= 3 else { return false }
            let end = position + bytes.count
            while position < end, let found = memchr(position, Int32(UInt8(ascii: "{")), end - position) {
                let brace = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
                if brace + 2 < end && brace[1] == UInt8(ascii: "{") && brace[2] == UInt8(ascii: "<") { return true }
                position = brace + 1
            }
            return false
        }
        guard hasCall else { return nil }
        var output = ""
        output.reserveCapacity(markdown.utf8.count)
        var calls: [Scanned] = []
        var line = 1
        var column = 1
        let characters = Array(markdown)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "{", index + 2 < characters.count, characters[index + 1] == "{", characters[index + 2] == "<",
               index == 0 || characters[index - 1] != "\\" {
                let (scanned, end) = scanCall(characters, from: index, line: line, column: column, number: calls.count)
                output += scanned.call.placeholder
                column += end - index
                calls.append(scanned)
                index = end
                continue
            }
            output.append(character)
            if character == "\n" || character == "\r" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
        return (output, calls)
    }

    /// Scans the call starting at `start` (at `{{<`); returns it and the index after it (after
    /// `{{<` alone when it is malformed).
    private static func scanCall(_ text: [Character], from start: Int, line: Int, column: Int, number: Int) -> (Scanned, Int) {
        let placeholder = "\(open)\(number)\(close)"
        var call = ShortcodeCall(name: "", arguments: [], line: line, column: column, isBlock: false, placeholder: placeholder)
        func failed(_ message: String) -> (Scanned, Int) {
            (Scanned(call: call, source: "{{<", error: message), start + 3)
        }
        var index = start + 3
        func isLineEnd(_ c: Character) -> Bool { c == "\n" || c == "\r" || c == "\r\n" }
        func skipSpaces() { while index < text.count, text[index] == " " || text[index] == "\t" { index += 1 } }
        func isNameStart(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c == "_") }
        func isNameCharacter(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "-") }
        func name() -> String {
            guard index < text.count, isNameStart(text[index]) else { return "" }
            var result = ""
            while index < text.count, isNameCharacter(text[index]) { result.append(text[index]); index += 1 }
            return result
        }
        skipSpaces()
        call.name = name()
        if call.name.isEmpty { return failed("shortcode: '{{<' must be followed by a shortcode name (write '\\{{<' for the text itself)") }
        while true {
            let before = index
            skipSpaces()
            guard index < text.count, !isLineEnd(text[index]) else {
                return failed("shortcode '\(call.name)': no '>}}' on this line (a call must end on the line it starts)")
            }
            if text[index] == ">" {
                guard index + 2 < text.count, text[index + 1] == "}", text[index + 2] == "}" else {
                    return failed("shortcode '\(call.name)': expected '>}}' to end the call")
                }
                index += 3
                break
            }
            if before == index { return failed("shortcode '\(call.name)': expected a space before an argument") }
            let keyColumn = column + (index - start)
            let key = name()
            guard !key.isEmpty else {
                return failed("shortcode '\(call.name)': expected an argument name at column \(keyColumn), found '\(text[index])'")
            }
            guard index < text.count, text[index] == "=", index + 1 < text.count, text[index + 1] == "\"" else {
                return failed("shortcode '\(call.name)': argument '\(key)' must be written \(key)=\"value\"")
            }
            index += 2
            var value = ""
            var closed = false
            while index < text.count, !isLineEnd(text[index]) {
                let c = text[index]
                if c == "\\", index + 1 < text.count, text[index + 1] == "\"" || text[index + 1] == "\\" {
                    value.append(text[index + 1])
                    index += 2
                    continue
                }
                index += 1
                if c == "\"" { closed = true; break }
                value.append(c)
            }
            guard closed else { return failed("shortcode '\(call.name)': the value of '\(key)' has no closing '\"' on this line") }
            if call.arguments.contains(where: { $0.key == key }) {
                return failed("shortcode '\(call.name)': argument '\(key)' is given twice")
            }
            call.arguments.append(ShortcodeCall.Argument(key: key, value: value, line: line, column: keyColumn))
        }
        return (Scanned(call: call, source: String(text[start..<index]), error: nil), index)
    }

    /// The call number in a placeholder that starts at `index` of `text`, and the index after it.
    static func placeholder(in text: Substring, at index: String.Index) -> (number: Int, end: String.Index)? {
        guard text[index] == open else { return nil }
        var number = 0
        var cursor = text.index(after: index)
        var digits = 0
        while cursor < text.endIndex, let digit = text[cursor].wholeNumberValue, text[cursor].isASCII {
            number = number * 10 + digit
            digits += 1
            cursor = text.index(after: cursor)
        }
        guard digits > 0, cursor < text.endIndex, text[cursor] == close else { return nil }
        return (number, text.index(after: cursor))
    }

    /// `text` with every placeholder replaced by `replacement(number)`, in one pass; a placeholder
    /// whose number is in `blocks` and that is a paragraph of its own replaces the whole `<p>…</p>`.
    static func substitute(_ text: String, blocks: Set<Int> = [], _ replacement: (Int) -> String) -> String {
        guard text.contains(open) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        let all = text[...]
        var index = all.startIndex
        while index < all.endIndex {
            if let (number, found) = placeholder(in: all, at: index) {
                var end = found
                if blocks.contains(number), result.hasSuffix("<p>"), all[end...].hasPrefix("</p>") {
                    result.removeLast(3)
                    end = all.index(end, offsetBy: 4)
                }
                result += replacement(number)
                index = end
            } else {
                result.append(all[index])
                index = all.index(after: index)
            }
        }
        return result
    }
}

extension RenderedMarkdown {
    /// The page with each of its `shortcodes` replaced by that call's output: `html[i]` in the
    /// HTML (a block call's whole paragraph), `text[i]` in the plain text; `shortcodes` left empty.
    public func expandingShortcodes(html: [String], text: [String]) -> RenderedMarkdown {
        var byNumber: [Int: Int] = [:]
        var blocks: Set<Int> = []
        for (offset, call) in shortcodes.enumerated() {
            let placeholder = call.placeholder[...]
            guard let (number, _) = ShortcodeScanner.placeholder(in: placeholder, at: placeholder.startIndex) else { continue }
            byNumber[number] = offset
            if call.isBlock { blocks.insert(number) }
        }
        // A placeholder of no call here (none is left in running text) stays as it is.
        func kept(_ number: Int) -> String { "\(ShortcodeScanner.open)\(number)\(ShortcodeScanner.close)" }
        var expanded = self
        expanded.html = ShortcodeScanner.substitute(self.html, blocks: blocks) { byNumber[$0].map { html[$0] } ?? kept($0) }
        expanded.plainText = ShortcodeScanner.substitute(plainText) { byNumber[$0].map { text[$0] } ?? kept($0) }
        expanded.shortcodes = []
        return expanded
    }
}
