/// One `{{...}}` tag found in a template, with what the later parser passes learn about it.
struct Tag {
    enum Kind: Equatable {
        case variable(escaped: Bool)
        case section
        case invertedSection
        case close
        case comment
        case partial
        case delimiters
        case parent
        case block

        /// Tags that open a section-like span closed by `{{/name}}`.
        var opensSpan: Bool {
            switch self {
            case .section, .invertedSection, .parent, .block: true
            default: false
            }
        }

        /// Tags that may stand alone on a line, which then disappears from the output.
        var canStandAlone: Bool {
            if case .variable = self { return false }
            return true
        }

        /// The sigil after the opening delimiter, for messages.
        var sigil: String {
            switch self {
            case .variable(let escaped): escaped ? "" : "&"
            case .section: "#"
            case .invertedSection: "^"
            case .close: "/"
            case .comment: "!"
            case .partial: ">"
            case .delimiters: "="
            case .parent: "<"
            case .block: "$"
            }
        }
    }

    var kind: Kind
    /// The trimmed tag content: a name, a partial name, or the delimiter pair.
    var name: String
    /// Byte offset of the opening delimiter.
    var start: Int
    /// Byte offset just past the closing delimiter.
    var end: Int
    /// The byte range the tag takes out of the output: the tag itself, or its whole line when standalone.
    var removedStart: Int
    var removedEnd: Int
    /// Set when the tag stands alone on its line (or pairs with a neighbour to do so).
    var isStandalone = false
    /// For a span opener, the index of its closing tag; for a closer, the index of its opener.
    var partner: Int?
    /// For a block, whether it sits directly inside a parent tag, i.e. passes an argument.
    var isArgument = false

    init(kind: Kind, name: String, start: Int, end: Int) {
        self.kind = kind
        self.name = name
        self.start = start
        self.end = end
        removedStart = start
        removedEnd = end
    }

    /// How the tag reads in messages, e.g. `{{#items}}`.
    var display: String { "{{\(kind.sigil)\(name)}}" }
}

/// A syntax error before it is placed at a line and column.
struct SyntaxIssue {
    var offset: Int
    var message: String
}
