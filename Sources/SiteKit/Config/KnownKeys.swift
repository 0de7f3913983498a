import Yams

/// The keys a YAML mapping may hold, so that a misspelt setting is an error at its line instead of
/// a setting silently ignored (`sectons:`, `base_ulr:`).
indirect enum KnownKeys: Sendable {
    /// A mapping whose keys are exactly these (each with the keys of its value).
    case keys([(String, KnownKeys)])
    /// A mapping whose keys the author names (sections, fields), each value checked alike.
    case named(KnownKeys)
    /// A list whose mapping items are checked alike.
    case items(KnownKeys)
    /// A mapping with these keys known, and any other key allowed too (enumerated values, whose
    /// extra keys reach templates).
    case open([(String, KnownKeys)])
    /// Anything: a scalar, or free-form values (`params`).
    case any

    /// The keys of `site.yml`, in the order the README documents them.
    static let siteConfig = KnownKeys.keys([
        ("title", .any), ("description", .any), ("base_url", .any), ("language", .any),
        ("unsafe_html", .any), ("params", .any),
        ("nav", .items(.keys([("title", .any), ("url", .any)]))),
        ("search", .keys([("k1", .any), ("b", .any)])),
        ("check", .keys([("max_page_kb", .any)])),
        ("paginate", .any),
        ("sections", .named(.keys([
            ("title", .any), ("required", .any), ("group_by", .any), ("schema", .any),
            ("paginate", .any), ("latest", .any),
            ("fields", .named(.keys([
                ("values", .items(.open([("value", .any), ("title", .any)]))),
            ]))),
        ]))),
        ("taxonomies", .named(.keys([("title", .any), ("paginate", .any), ("values", .any)]))),
        ("data", .named(.keys([
            ("required", .any),
            ("fields", .named(.keys([
                ("values", .items(.open([("value", .any), ("title", .any)]))),
            ]))),
        ]))),
    ])

    /// Reports every key of `node` that this schema does not know, at the key, with the nearest
    /// known key as a suggestion. `context` names where the mapping is, for the message
    /// (`sections.speakers`); `lineOffset` shifts YAML lines to file lines.
    func check(_ node: Node, context: String, path: String, lineOffset: Int = 0) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        walk(node, context: context, path: path, lineOffset: lineOffset, into: &diagnostics)
        return diagnostics
    }

    private func walk(_ node: Node, context: String, path: String, lineOffset: Int, into diagnostics: inout [Diagnostic]) {
        switch self {
        case .any:
            return
        case .items(let item):
            guard case .sequence(let sequence) = node else { return }
            for (index, element) in sequence.enumerated() {
                item.walk(element, context: "\(context)[\(index + 1)]", path: path, lineOffset: lineOffset, into: &diagnostics)
            }
        case .named(let value):
            guard case .mapping(let mapping) = node else { return }
            for (key, child) in mapping {
                let name = key.scalar?.string ?? ""
                value.walk(child, context: Self.join(context, name), path: path, lineOffset: lineOffset, into: &diagnostics)
            }
        case .keys(let known), .open(let known):
            guard case .mapping(let mapping) = node else { return }
            let closed: Bool
            if case .keys = self { closed = true } else { closed = false }
            for (key, child) in mapping {
                guard let name = key.scalar?.string else { continue }
                if let entry = known.first(where: { $0.0 == name }) {
                    entry.1.walk(child, context: Self.join(context, name), path: path, lineOffset: lineOffset, into: &diagnostics)
                } else if closed {
                    let names = known.map(\.0)
                    var message = context.isEmpty ? "unknown setting '\(name)'" : "unknown key '\(name)' in \(context)"
                    if let suggestion = NameSuggestion.nearest(to: name, among: names) {
                        message += ": did you mean '\(suggestion)'?"
                    } else {
                        message += " (known: \(names.joined(separator: ", ")))"
                    }
                    diagnostics.append(.error(path, line: (key.mark?.line ?? 1) + lineOffset, column: key.mark?.column ?? 1, message))
                }
            }
        }
    }

    private static func join(_ context: String, _ name: String) -> String {
        context.isEmpty ? name : "\(context).\(name)"
    }
}
