import Foundation

/// Formats diagnostics the way compilers do: the location line, the offending source line and a caret.
public struct DiagnosticFormatter: Sendable {
    /// Reads a file's text to quote its lines; returns nil when the file cannot be read.
    public var readSource: @Sendable (String) -> String?

    public init(readSource: @escaping @Sendable (String) -> String? = DiagnosticFormatter.readFile) {
        self.readSource = readSource
    }

    /// Reads the file as the build did: a regular file within the size limit, never through
    /// whatever a FIFO or device would give.
    public static let readFile: @Sendable (String) -> String? = { path in
        guard let bytes = try? InputFile.read(path).get() else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The most characters of a source line quoted: a window around the column on longer lines.
    public static let quoteWidth = 120

    /// The diagnostic followed, when its line is known and readable, by that line and a caret under the column.
    public func format(_ diagnostic: Diagnostic) -> String {
        var out = diagnostic.description
        guard diagnostic.line > 0, let text = readSource(diagnostic.path) else { return out }
        var lineNumber = 1
        var found: Substring?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if lineNumber == diagnostic.line { found = line; break }
            lineNumber += 1
        }
        guard var line = found else { return out }
        if line.hasSuffix("\r") { line = line.dropLast() }
        if line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
        let (shown, caret) = Self.window(String(line).replacingOccurrences(of: "\t", with: " "), column: diagnostic.column)
        out += "\n\(shown)"
        if let caret {
            out += "\n" + String(repeating: " ", count: caret) + "^"
        }
        return out
    }

    /// The part of `line` to quote and the caret's offset in it: the whole line when it is short,
    /// else `quoteWidth` characters around `column` (1-based; 0 for none), cut ends marked `…`.
    static func window(_ line: String, column: Int) -> (text: String, caret: Int?) {
        let characters = Array(line)
        let caretIndex = column > 0 ? min(column - 1, characters.count) : nil
        guard characters.count > quoteWidth else { return (line, caretIndex) }
        let centre = caretIndex ?? 0
        var start = max(0, centre - quoteWidth / 2)
        let end = min(characters.count, start + quoteWidth)
        start = max(0, end - quoteWidth)
        var text = String(characters[start..<end])
        var caret = caretIndex.map { $0 - start }
        if start > 0 {
            text = "…" + text
            caret = caret.map { $0 + 1 }
        }
        if end < characters.count { text += "…" }
        return (text, caret)
    }

    /// All diagnostics, then a count line such as `2 errors, 1 warning` (empty when there are none).
    public func report(_ diagnostics: Diagnostics) -> String {
        let lines = diagnostics.sorted.map(format)
        guard !lines.isEmpty else { return "" }
        var parts: [String] = []
        let errors = diagnostics.sorted.count { $0.severity == .error }
        let warnings = diagnostics.sorted.count { $0.severity == .warning }
        if errors > 0 { parts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        return lines.joined(separator: "\n") + "\n" + parts.joined(separator: ", ")
    }
}
