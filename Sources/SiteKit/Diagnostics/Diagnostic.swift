/// How serious a diagnostic is: errors fail the build, warnings only with `--strict`.
public enum Severity: String, Sendable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// One problem found in the input, at a file position (1-based line and column; 0 when unknown).
public struct Diagnostic: Error, Sendable, Equatable, Hashable, CustomStringConvertible {
    public var severity: Severity
    /// Path of the file, relative to the current folder when it is inside it.
    public var path: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(_ severity: Severity, path: String, line: Int = 0, column: Int = 0, _ message: String) {
        self.severity = severity
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public static func error(_ path: String, line: Int = 0, column: Int = 0, _ message: String) -> Diagnostic {
        Diagnostic(.error, path: path, line: line, column: column, message)
    }

    public static func warning(_ path: String, line: Int = 0, column: Int = 0, _ message: String) -> Diagnostic {
        Diagnostic(.warning, path: path, line: line, column: column, message)
    }

    /// `path:line:col: error: message`, leaving out the position parts that are unknown.
    public var description: String {
        var location = path
        if line > 0 {
            location += ":\(line)"
            if column > 0 { location += ":\(column)" }
        }
        return "\(location): \(severity.rawValue): \(message)"
    }
}

/// Diagnostics collected by a stage; stages append instead of stopping at the first problem.
public struct Diagnostics: Error, Sendable {
    public private(set) var items: [Diagnostic] = []

    public init(_ items: [Diagnostic] = []) { self.items = items }

    public var hasErrors: Bool { items.contains { $0.severity == .error } }
    public var errorCount: Int { items.count { $0.severity == .error } }
    public var warningCount: Int { items.count { $0.severity == .warning } }

    public mutating func append(_ diagnostic: Diagnostic) { items.append(diagnostic) }
    public mutating func append(contentsOf other: [Diagnostic]) { items.append(contentsOf: other) }
    public mutating func append(contentsOf other: Diagnostics) { items.append(contentsOf: other.items) }

    /// Each distinct diagnostic once, ordered by file, line and column (stable for equal positions).
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        let unique = items.filter { seen.insert($0).inserted }
        return unique.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.path != y.path { return x.path < y.path }
            if x.line != y.line { return x.line < y.line }
            if x.column != y.column { return x.column < y.column }
            return a.offset < b.offset
        }.map(\.element)
    }
}
