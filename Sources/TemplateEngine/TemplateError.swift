/// An error at a template position; `line` and `column` are 1-based, the column counted in
/// Unicode scalars. Line 0 means the error has no position (e.g. an unknown template name).
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The template's file path (or its name when it has no file).
    public var path: String
    /// 1-based line; 0 when the error concerns no particular position.
    public var line: Int
    /// 1-based column in Unicode scalars; 0 when the error concerns no particular position.
    public var column: Int
    /// What is wrong, without the position.
    public var message: String

    /// An error at `path:line:column`.
    public init(path: String, line: Int, column: Int, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// `path:line:col: error: message` (or `path: error: message` without a position), as compilers print.
    public var description: String {
        line > 0 ? "\(path):\(line):\(column): error: \(message)" : "\(path): error: \(message)"
    }
}

/// All errors one parse or one render found, in source order, so an author fixes them in one pass.
public struct TemplateErrors: Error, Sendable, CustomStringConvertible {
    /// The errors, sorted by path, line and column.
    public var errors: [TemplateError]

    /// A set of errors; they are kept in the given order.
    public init(errors: [TemplateError]) {
        self.errors = errors
    }

    /// One error per line.
    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}

extension TemplateError {
    /// Orders errors by file, then position, for stable reports.
    static func sourceOrder(_ lhs: TemplateError, _ rhs: TemplateError) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}
