import Foundation

/// Formats diagnostics the way compilers do: the location line, the offending source line and a caret.
public struct DiagnosticFormatter: Sendable {
    /// Reads a file's text to quote its lines; returns nil when the file cannot be read.
    public var readSource: @Sendable (String) -> String?

    public init(readSource: @escaping @Sendable (String) -> String? = DiagnosticFormatter.readFile) {
        self.readSource = readSource
    }

    public static let readFile: @Sendable (String) -> String? = { path in
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

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
        let shown = String(line).replacingOccurrences(of: "\t", with: " ")
        out += "\n\(shown)"
        if diagnostic.column > 0 {
            let pad = String(repeating: " ", count: min(diagnostic.column - 1, shown.count))
            out += "\n\(pad)^"
        }
        return out
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
