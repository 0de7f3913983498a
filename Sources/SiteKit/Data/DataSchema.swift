import TemplateEngine
import Yams

/// What the records of a data file must carry (`data: {programme: {required: [...], fields:
/// {track: {values: [...]}}}}` in site.yml), checked like a section's front matter.
public struct DataSchema: Sendable {
    /// The file's dotted name (`programme`, `venues.chengdu`).
    public var name: String
    /// Fields every record must set.
    public var required: [String]
    /// Fields with a closed set of allowed values.
    public var enumerations: [String: [String]]

    /// Every problem of the records in `node` — a list of mappings, or a mapping whose values are
    /// mappings — at the record (a missing field) or at the value (one not allowed).
    func check(_ node: Node, path: String, display: String) -> [Diagnostic] {
        var records: [(label: String, node: Node)] = []
        switch node {
        case .sequence(let items):
            records = items.enumerated().map { ("record \($0.offset + 1)", $0.element) }
        case .mapping(let mapping):
            records = mapping.map { ("record '\($0.key.scalar?.string ?? "")'", $0.value) }
        default:
            return [Self.error(display, at: node, "data '\(name)' must be a list of records or a mapping of records, as its schema in site.yml declares")]
        }
        var diagnostics: [Diagnostic] = []
        for (label, record) in records {
            guard case .mapping(let fields) = record else {
                diagnostics.append(Self.error(display, at: record, "\(label) must be a mapping of fields"))
                continue
            }
            var values: [String: Node] = [:]
            for (key, value) in fields { if let key = key.scalar?.string { values[key] = value } }
            for field in required where Self.isMissing(values[field]) {
                let at = fields.first { $0.key.scalar?.string == field }?.key ?? record
                diagnostics.append(Self.error(display, at: at, "\(label): missing required field '\(field)' (required for data '\(name)')"))
            }
            for (field, allowed) in enumerations.sorted(by: { $0.key < $1.key }) {
                guard let value = values[field], !Self.isMissing(value) else { continue }
                let given = value.scalar?.string ?? ""
                if value.scalar == nil || !allowed.contains(given) {
                    let choices = allowed.map { "'\($0)'" }.joined(separator: ", ")
                    diagnostics.append(Self.error(display, at: value, "\(label): '\(given)' is not an allowed \(field): use one of \(choices)"))
                }
            }
        }
        return diagnostics
    }

    private static func error(_ path: String, at node: Node, _ message: String) -> Diagnostic {
        .error(path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1, message)
    }

    private static func isMissing(_ node: Node?) -> Bool {
        guard let node else { return true }
        guard case .scalar(let scalar) = node else { return false }
        if scalar.style == .plain || scalar.style == .any, case .null = YAMLDocument.templateValue(node) { return true }
        return scalar.string.trimmingWhitespace.isEmpty
    }
}

extension SiteConfig {
    /// The schemas under `data:` in site.yml.
    static func dataSchemas(_ value: TemplateValue, fail: (String) -> Void) -> [DataSchema] {
        guard case .object(let map) = value else {
            fail("data must be a mapping of data file names")
            return []
        }
        return map.keys.sorted().map { name in
            let section = sectionSchema(name: name, spec: map[name]!, fail: { _, message in fail("data '\(name)': \(message)") })
            return DataSchema(name: name, required: section.required,
                              enumerations: section.enumerations.mapValues { $0.map(\.value) })
        }
    }
}
