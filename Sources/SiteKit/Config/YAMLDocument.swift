import TemplateEngine
import Yams

/// A position in a source file, 1-based.
public struct SourcePosition: Sendable, Equatable, Hashable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// A YAML mapping read with Yams, keeping each top-level key's position for error messages.
struct YAMLDocument: Sendable {
    /// The mapping's entries in file order, converted to template values.
    var entries: [(key: String, value: TemplateValue)]
    /// Where each top-level value starts, already shifted to file lines.
    var positions: [String: SourcePosition]
    /// Where each top-level key starts.
    var keyPositions: [String: SourcePosition]
    /// For top-level values that are mappings: their keys in file order (dictionaries lose it).
    var keyOrder: [String: [String]] = [:]
    /// For top-level values that are scalars: the text as written, before typing (`no`, `0x1F`,
    /// `1.50`), for the fields that are text whatever they look like.
    var writtenText: [String: String] = [:]
    /// For top-level values that are lists: where each item starts, shifted to file lines.
    var itemPositions: [String: [SourcePosition]] = [:]

    /// The text of a top-level scalar as the author wrote it; nil for lists, mappings, null and
    /// missing keys.
    func text(_ key: String) -> String? {
        guard let value = self[key], value.scalarText != nil else { return nil }
        return writtenText[key] ?? value.scalarText
    }

    var value: TemplateValue {
        .object(Dictionary(entries.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }))
    }

    subscript(key: String) -> TemplateValue? {
        entries.last { $0.key == key }?.value
    }

    /// Parses `text` as a YAML mapping. `lineOffset` is added to YAML line numbers so that errors
    /// point at the line in the whole file (front matter starts after the opening `---`).
    static func parse(_ text: String, path: String, lineOffset: Int, aliases: YAMLAliases) -> (YAMLDocument?, [Diagnostic]) {
        switch compose(text, path: path, lineOffset: lineOffset, aliases: aliases) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let node): return document(node, path: path, lineOffset: lineOffset)
        }
    }

    /// The YAML node tree of `text` (nil for an empty document), or the syntax error at its line,
    /// or the anchors and aliases `aliases` does not allow (checked before anything expands them).
    static func compose(_ text: String, path: String, lineOffset: Int, aliases: YAMLAliases) -> Result<Node?, Diagnostic> {
        do {
            // Naming the encoding spares Yams a look-up of the whole environment on every call. The
            // basic resolver resolves no tag by regular expression (see `coreSchemaTag`).
            let parser = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8)
            let node = try parser.singleRoot()
            let problem = withExtendedLifetime(parser) { node.flatMap { aliases.problem(in: $0, lineOffset: lineOffset) } }
            if let problem {
                return .failure(.error(path, line: problem.position.line, column: problem.position.column, problem.message))
            }
            return .success(node)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, path: path, lineOffset: lineOffset))
        } catch {
            return .failure(.error(path, line: lineOffset + 1, "YAML: \(error)"))
        }
    }

    /// The mapping at the root of a composed document, with its keys' positions.
    static func document(_ node: Node?, path: String, lineOffset: Int) -> (YAMLDocument?, [Diagnostic]) {
        guard let node else {
            return (YAMLDocument(entries: [], positions: [:], keyPositions: [:]), [])
        }
        guard case .mapping(let mapping) = node else {
            let mark = node.mark
            return (nil, [.error(path, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1,
                                 "expected a mapping of `key: value` lines")])
        }
        var diagnostics: [Diagnostic] = []
        var entries: [(String, TemplateValue)] = []
        var positions: [String: SourcePosition] = [:]
        var keyPositions: [String: SourcePosition] = [:]
        var keyOrder: [String: [String]] = [:]
        var writtenText: [String: String] = [:]
        var itemPositions: [String: [SourcePosition]] = [:]
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.scalar?.string else {
                diagnostics.append(.error(path, line: (keyNode.mark?.line ?? 1) + lineOffset,
                                          column: keyNode.mark?.column ?? 1, "keys must be plain names"))
                continue
            }
            if keyPositions[key] != nil {
                diagnostics.append(.error(path, line: (keyNode.mark?.line ?? 1) + lineOffset,
                                          column: keyNode.mark?.column ?? 1, "duplicate key '\(key)'"))
            }
            entries.append((key, templateValue(valueNode)))
            if case .scalar(let scalar) = valueNode { writtenText[key] = scalar.string }
            if case .mapping(let child) = valueNode {
                keyOrder[key] = child.compactMap { $0.key.scalar?.string }
            }
            if case .sequence(let items) = valueNode {
                itemPositions[key] = items.map { item in
                    SourcePosition(line: (item.mark?.line ?? 1) + lineOffset, column: item.mark?.column ?? 1)
                }
            }
            if let mark = valueNode.mark {
                positions[key] = SourcePosition(line: mark.line + lineOffset, column: mark.column)
            }
            if let mark = keyNode.mark {
                keyPositions[key] = SourcePosition(line: mark.line + lineOffset, column: mark.column)
            }
        }
        return (YAMLDocument(entries: entries, positions: positions, keyPositions: keyPositions, keyOrder: keyOrder,
                             writtenText: writtenText, itemPositions: itemPositions), diagnostics)
    }

    static func diagnostic(for error: YamlError, path: String, lineOffset: Int) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line + lineOffset))" }
            return .error(path, line: mark.line + lineOffset, column: mark.column, message)
        case .reader(let problem, _, _, _):
            return .error(path, line: lineOffset + 1, "YAML: \(problem)")
        default:
            return .error(path, line: lineOffset + 1, "YAML: \(error)")
        }
    }

    /// Converts a YAML node to a template value: plain scalars become numbers, booleans or null by
    /// YAML's core schema, everything else (including dates) stays a string as written.
    static func templateValue(_ node: Node) -> TemplateValue {
        switch node {
        case .scalar(let scalar):
            guard scalar.style == .plain || scalar.style == .any else { return .string(scalar.string) }
            // The tag as written: implicit ("") unless the document gave one (`!!str 12`).
            let written = Tag.Name(rawValue: scalar.tag.description)
            let tag = written == .implicit ? coreSchemaTag(scalar.string) : written == .nonSpecific ? .str : written
            switch tag {
            case .null: return .null
            case .bool: return node.bool.map(TemplateValue.bool) ?? .string(scalar.string)
            case .int: return node.int.map(TemplateValue.int) ?? .string(scalar.string)
            case .float: return node.float.map(TemplateValue.double) ?? .string(scalar.string)
            default: return .string(scalar.string)
            }
        case .sequence(let sequence):
            return .list(sequence.map(templateValue))
        case .mapping(let mapping):
            var object: [String: TemplateValue] = [:]
            for (key, value) in mapping {
                object[key.scalar?.string ?? ""] = templateValue(value)
            }
            return .object(object)
        case .alias:
            return .null
        }
    }

    /// The tag Yams' default resolver gives a plain scalar with no tag written. Documents are
    /// composed with the basic resolver instead, because Yams resolves every mapping key with the
    /// default one's regular expressions when it checks for duplicate keys: that was most of the
    /// time spent on front matter. Here most scalars skip the expressions: text that starts with a
    /// letter and is longer than five bytes is a string under every core-schema rule (the longest
    /// words the rules accept, "false" and "FALSE", have five).
    static func coreSchemaTag(_ text: String) -> Tag.Name {
        if text.utf8.count > 5, let first = text.utf8.first,
           (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first | 0x20) {
            return .str
        }
        return Resolver.default.resolveTag(of: Node(text, .implicit, .plain))
    }
}
