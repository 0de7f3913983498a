import SiteSupport

/// Renders compiled templates into a byte buffer: one renderer per render call, so the library
/// itself stays immutable and shareable across tasks.
struct Renderer {
    /// Guards against templates that include themselves without end.
    static let maximumDepth = 100
    /// Guards against templates that include themselves more than once at each level: well
    /// within the depth limit, `{{>main}}{{>main}}` inside `main` is 2^100 inclusions. Far above
    /// what a page needs (a list of 10,000 cards is 10,000).
    static let maximumInclusions = 1_000_000

    /// A block argument in effect: the body that fills blocks of that name.
    private struct BoundArgument {
        let name: String
        let template: Int
        let body: Range<Int>
    }

    /// What a name reference found in the root context, remembered for the rest of the render.
    private enum RootLookup {
        case notYet
        case missing
        case found(TemplateValue)
    }

    private struct ErrorSite: Hashable {
        let template: Int
        let position: SourcePosition
    }

    private let templates: [CompiledTemplate]
    private let strict: Bool
    var output: [UInt8] = []
    private(set) var errors: [TemplateError] = []
    private var errorSites: Set<ErrorSite> = []
    /// The context stack; names resolve from the top (last) down.
    private var contexts: [TemplateValue]
    /// Per name (by slot): its resolution in the root context, which never changes during a
    /// render. Saves the string hashing that dominates lookups of `site.*` and `page.*`.
    private var rootLookups: [RootLookup]
    /// The inputs (`TemplateValue.input`) this render looked into; nil when not recording.
    private(set) var reads: Set<Int>?
    /// Block arguments from the enclosing parent tags, outermost first; the outermost wins.
    private var arguments: [BoundArgument] = []
    /// What each template line gets in front (from standalone partials and blocks).
    private var indentation: [UInt8] = []
    /// Whether the output is at the start of a line whose indentation is not written yet.
    /// Kept up to date only while `indentation` is not empty.
    private var atLineStart = true
    private var depth = 0
    /// Partials, parents and blocks rendered so far.
    private var inclusions = 0
    /// Set when a limit was hit: the render stops there, with one error.
    private var abandoned = false

    init(templates: [CompiledTemplate], nameCount: Int, context: TemplateValue, strict: Bool, recordsReads: Bool = false) {
        self.templates = templates
        self.strict = strict
        reads = recordsReads ? [] : nil
        contexts = [context]
        rootLookups = Array(repeating: .notYet, count: nameCount)
    }

    mutating func render(template: Int) {
        run(template, 0..<templates[template].operations.count)
    }

    private mutating func run(_ template: Int, _ range: Range<Int>) {
        let operations = templates[template].operations
        var index = range.lowerBound
        while index < range.upperBound && !abandoned {
            switch operations[index] {
            case .text(let bytes):
                writeText(bytes)
                index += 1
            case .value(let reference, let escaped):
                if let value = resolve(reference) {
                    write(value, escaped: escaped, reference: reference, template: template)
                } else if strict {
                    report("unknown name '\(reference.name)'", template: template, at: reference.position)
                }
                index += 1
            case .section(let reference, let end):
                let value = resolve(reference) ?? .null
                if case .list(let items) = value {
                    for item in items {
                        contexts.append(open(item))
                        run(template, index + 1..<end)
                        contexts.removeLast()
                    }
                } else if value.isTruthy {
                    contexts.append(value)
                    run(template, index + 1..<end)
                    contexts.removeLast()
                }
                index = end
            case .invertedSection(let reference, let end):
                if !(resolve(reference) ?? .null).isTruthy {
                    run(template, index + 1..<end)
                }
                index = end
            case .partial(let inclusion):
                include(inclusion, from: template)
                index += 1
            case .parent(let inclusion, let end):
                include(inclusion, from: template)
                index = end
            case .block(let slot, let end):
                if let bound = arguments.first(where: { $0.name == slot.name }) {
                    fill(slot, with: bound.body, of: bound.template, at: template)
                } else {
                    fill(slot, with: index + 1..<end, of: template, at: template)
                }
                index = end
            }
        }
    }

    /// Counts one more inclusion; past the budget, reports it once and abandons the render.
    private mutating func withinInclusionBudget(_ name: String, template: Int, at position: SourcePosition) -> Bool {
        inclusions += 1
        guard inclusions > Self.maximumInclusions else { return true }
        report("rendering includes more than \(Self.maximumInclusions) templates (at \(name)); does a template include itself more than once?",
               template: template, at: position)
        abandoned = true
        return false
    }

    /// Renders a partial or parent template, with the arguments of a parent tag in effect.
    private mutating func include(_ inclusion: Inclusion, from template: Int) {
        guard let target = inclusion.target else {
            if strict {
                report("no template '\(inclusion.name)' (nor 'partials/\(inclusion.name)')", template: template, at: inclusion.position)
            }
            return
        }
        guard depth < Self.maximumDepth else {
            report("'\(inclusion.name)' nests more than \(Self.maximumDepth) templates deep; does it include itself?",
                   template: template, at: inclusion.position)
            abandoned = true
            return
        }
        guard withinInclusionBudget(inclusion.name, template: template, at: inclusion.position) else { return }
        let argumentCount = arguments.count
        for argument in inclusion.arguments {
            arguments.append(BoundArgument(name: argument.name, template: template, body: argument.body))
        }
        let outerIndentation = indentation
        if let extra = inclusion.indentation {
            indentation += extra
            atLineStart = true
        }
        depth += 1
        run(target, 0..<templates[target].operations.count)
        depth -= 1
        indentation = outerIndentation
        arguments.removeSubrange(argumentCount...)
    }

    /// Renders a block's content (an argument's body or the block's default) at the block,
    /// which sits in template `site`.
    private mutating func fill(_ slot: BlockSlot, with body: Range<Int>, of template: Int, at site: Int) {
        guard depth < Self.maximumDepth else {
            report("block '\(slot.name)' nests more than \(Self.maximumDepth) levels deep; does its content contain itself?",
                   template: site, at: slot.position)
            abandoned = true
            return
        }
        guard withinInclusionBudget("block '\(slot.name)'", template: site, at: slot.position) else { return }
        let outerIndentation = indentation
        if let extra = slot.indentation {
            indentation += extra
            atLineStart = true
        }
        depth += 1
        run(template, body)
        depth -= 1
        indentation = outerIndentation
    }

    /// `value` without its `.input` wrappers, each recorded as read. Values on the context stack
    /// are always opened, so a name looked up in one (found or not) counts as a read of it.
    private mutating func open(_ value: TemplateValue) -> TemplateValue {
        guard case .input = value else { return value }
        var current = value
        while case .input(let input, let inner) = current {
            reads?.insert(input)
            current = inner
        }
        return current
    }

    /// Finds a (dotted) name: the first part in the context stack from the top, the rest
    /// inside what the first part found. Nil when it resolves nowhere.
    private mutating func resolve(_ reference: ValueReference) -> TemplateValue? {
        let path = reference.path
        guard let first = path.first else { return contexts.last }
        var level = contexts.count - 1
        while level > 0 {
            if case .object(let fields) = contexts[level], let value = fields[first] {
                return resolve(path, from: value)
            }
            level -= 1
        }
        switch rootLookups[reference.slot] {
        case .found(let value):
            return value
        case .missing:
            return nil
        case .notYet:
            var found: TemplateValue?
            if case .object(let fields) = contexts[0], let value = fields[first] {
                found = resolve(path, from: value)
            }
            rootLookups[reference.slot] = found.map(RootLookup.found) ?? .missing
            return found
        }
    }

    /// The rest of a dotted name, inside the value its first part found (opened, as each step).
    /// A root lookup is made once per render, so what it read is recorded once, which is enough.
    private mutating func resolve(_ path: [String], from start: TemplateValue) -> TemplateValue? {
        var current = open(start)
        var index = 1
        while index < path.count {
            guard case .object(let fields) = current, let value = fields[path[index]] else { return nil }
            current = open(value)
            index += 1
        }
        return current
    }

    // MARK: - Output

    private mutating func writeText(_ bytes: [UInt8]) {
        guard !indentation.isEmpty else {
            output.append(contentsOf: bytes)
            return
        }
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != .newline { lineEnd += 1 }
            if lineEnd < bytes.count { lineEnd += 1 }
            if atLineStart && !Self.isLineBreak(bytes[lineStart..<lineEnd]) {
                output.append(contentsOf: indentation)
            }
            output.append(contentsOf: bytes[lineStart..<lineEnd])
            atLineStart = bytes[lineEnd - 1] == .newline
            lineStart = lineEnd
        }
    }

    /// Whether a line holds nothing but its line break (such lines get no indentation).
    private static func isLineBreak(_ line: ArraySlice<UInt8>) -> Bool {
        line.count == 1 ? line.first == .newline
            : line.count == 2 && line.first == .carriageReturn && line.last == .newline
    }

    /// Writes an interpolated value; its own line breaks are data and get no indentation.
    private mutating func write(_ value: TemplateValue, escaped: Bool, reference: ValueReference, template: Int) {
        switch value {
        case .null:
            return
        case .string(let text):
            guard !text.isEmpty else { return }
            beginValue()
            if escaped {
                HTMLEscaping.append(text, to: &output)
            } else {
                output.append(contentsOf: text.utf8)
            }
        case .int(let number):
            beginValue()
            NumberFormatting.append(number, to: &output)
        case .double(let number):
            beginValue()
            output.append(contentsOf: NumberFormatting.text(of: number).utf8)
        case .bool(let flag):
            beginValue()
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .input(_, let inner):
            write(open(inner), escaped: escaped, reference: reference, template: template)
        case .list, .object:
            if strict {
                let kind = if case .list = value { "a list" } else { "an object" }
                report("'\(reference.name)' is \(kind), not text; use a section {{#\(reference.name)}}…{{/\(reference.name)}}",
                       template: template, at: reference.position)
            }
        }
    }

    private mutating func beginValue() {
        guard !indentation.isEmpty else { return }
        if atLineStart { output.append(contentsOf: indentation) }
        atLineStart = false
    }

    private mutating func report(_ message: String, template: Int, at position: SourcePosition) {
        guard errorSites.insert(ErrorSite(template: template, position: position)).inserted else { return }
        errors.append(TemplateError(path: templates[template].path, line: position.line, column: position.column, message: message))
    }
}
