import TemplateEngine

/// A page's front matter: the common fields sitegen understands, and every field as written.
public struct FrontMatter: Sendable {
    public var title: String = ""
    public var slug: String?
    public var date: ContentDate?
    public var draft = false
    public var weight: Int?
    public var summary: String?
    public var description: String?
    public var layout: String?
    /// Every field as written, for templates (`page.params`).
    public var params: [String: TemplateValue] = [:]
    /// Where each field's value starts in the file.
    public var positions: [String: SourcePosition] = [:]

    /// Reads and checks front matter: common fields' types, the section's required fields and
    /// enumerated values. Every problem is reported, at the field's line and column.
    /// The largest front matter read: 1 MiB (a page's fields need a few hundred bytes).
    static let sizeLimit = 1 << 20

    static func parse(yaml: String, firstLine: Int, path: String, schema: SectionSchema?,
                      taxonomies: [TaxonomySchema] = []) -> (FrontMatter?, [Diagnostic]) {
        guard yaml.utf8.count <= sizeLimit else {
            return (nil, [.error(path, line: max(firstLine - 1, 1), column: 1,
                                 "front matter is larger than \(sizeLimit >> 20) MB (\(yaml.utf8.count >> 10) KB): not read")])
        }
        let (parsed, yamlDiagnostics) = YAMLDocument.parse(yaml, path: path, lineOffset: firstLine - 1, aliases: .forbidden)
        guard let document = parsed else { return (nil, yamlDiagnostics) }
        var diagnostics = yamlDiagnostics
        var matter = FrontMatter()
        matter.positions = document.positions
        for (key, value) in document.entries { matter.params[key] = value }

        let fallback = SourcePosition(line: max(firstLine - 1, 1), column: 1)
        func at(_ key: String) -> SourcePosition { document.positions[key] ?? document.keyPositions[key] ?? fallback }
        func error(_ key: String, _ message: String) {
            let position = at(key)
            diagnostics.append(.error(path, line: position.line, column: position.column, message))
        }
        func text(_ key: String) -> String? {
            guard let value = document[key] else { return nil }
            if case .null = value { return nil }
            guard let text = document.text(key) else {
                error(key, "'\(key)' must be text")
                return nil
            }
            return text
        }

        let title = text("title")
        if let title, !title.trimmingWhitespace.isEmpty {
            matter.title = title
        } else if document["title"] == nil {
            diagnostics.append(.error(path, line: fallback.line, column: 1, "missing required field 'title'"))
        } else if title != nil || document["title"] == .null {
            // A title that is not text at all has been reported by `text` already: once is enough.
            error("title", "'title' must not be empty")
        }
        if let slug = text("slug") {
            if let problem = Slug.problem(slug) { error("slug", problem) } else { matter.slug = slug }
        }
        if let date = text("date") {
            switch ContentDate.parse(date) {
            case .success(let parsed): matter.date = parsed
            case .failure(let reason): error("date", "date '\(date)' \(reason)")
            }
        }
        if let draft = document["draft"] {
            if case .bool(let flag) = draft { matter.draft = flag } else { error("draft", "'draft' must be true or false") }
        }
        if let weight = document["weight"] {
            if case .int(let number) = weight { matter.weight = number } else { error("weight", "'weight' must be a whole number") }
        }
        matter.summary = text("summary")
        matter.description = text("description")
        if let layout = text("layout") {
            if layout.isEmpty || layout.contains("..") || layout.hasPrefix("/") {
                error("layout", "layout '\(layout)' must name a template such as 'event'")
            } else {
                matter.layout = layout
            }
        }

        diagnostics += misspeltFields(document, schema: schema, taxonomies: taxonomies, path: path)
        for taxonomy in taxonomies { diagnostics += termProblems(document, taxonomy: taxonomy, at: at, path: path) }

        if let schema {
            // At the field when it is there but empty, else at the opening fence. A draft is work in
            // progress (`sitegen new` writes the fields empty): there it is a warning, until the
            // draft is published.
            for field in schema.required where isMissing(document[field]) {
                let at = document.keyPositions[field] ?? fallback
                let message = "missing required field '\(field)' (required in section '\(schema.name)')"
                diagnostics.append(matter.draft
                    ? .warning(path, line: at.line, column: at.column, message + "; fill it in before the draft is published")
                    : .error(path, line: at.line, column: at.column, message))
            }
            for (field, allowed) in schema.enumerations.sorted(by: { $0.key < $1.key }) {
                guard let value = document[field], !isMissing(value) else { continue }
                let given = document.text(field) ?? ""
                if !allowed.contains(where: { $0.value == given }) {
                    let choices = allowed.map { "'\($0.value)'" }.joined(separator: ", ")
                    error(field, "'\(given)' is not an allowed \(field): use one of \(choices)")
                }
            }
        }
        return (matter, diagnostics)
    }

    /// The fields sitegen itself reads from front matter.
    static let builtInFields = ["title", "slug", "date", "draft", "weight", "summary", "description", "layout", "event"]

    /// A warning (an error under `--strict`) for each key that is neither a built-in field nor one
    /// the section declares, but looks like a misspelling of one (`weigth`, `titel`): such a key
    /// would otherwise become a param without a word, and the field it meant would stay unset.
    static func misspeltFields(_ document: YAMLDocument, schema: SectionSchema?, taxonomies: [TaxonomySchema] = [],
                               path: String) -> [Diagnostic] {
        let declared = (schema?.declaredFields ?? []).union(taxonomies.map(\.name))
        let known = builtInFields + (schema?.required ?? []) + (schema?.enumerations.keys.sorted() ?? [])
        var diagnostics: [Diagnostic] = []
        for (key, _) in document.entries where !builtInFields.contains(key) && !declared.contains(key) {
            guard let meant = known.first(where: { NameSuggestion.isLikelyTypo(key, of: $0) }) else { continue }
            let at = document.keyPositions[key] ?? SourcePosition(line: 1, column: 1)
            diagnostics.append(.warning(path, line: at.line, column: at.column,
                                        "unknown field '\(key)': did you mean '\(meant)'? (as written, it is page.params.\(key))"))
        }
        return diagnostics
    }

    /// The terms of `taxonomy` the page names, checked: one text or a list of texts, each with a
    /// letter or digit, and one of the declared `values` when there are some. Each problem is
    /// reported at the term's own line and column.
    static func termProblems(_ document: YAMLDocument, taxonomy: TaxonomySchema, at: (String) -> SourcePosition,
                             path: String) -> [Diagnostic] {
        guard let value = document[taxonomy.name] else { return [] }
        let name = taxonomy.name
        guard let terms = TaxonomySchema.terms(in: value) else {
            let position = at(name)
            return [.error(path, line: position.line, column: position.column,
                           "'\(name)' must be a term or a list of terms (the '\(name)' taxonomy of site.yml)")]
        }
        var diagnostics: [Diagnostic] = []
        let itemPositions = document.itemPositions[name]
        for (offset, term) in terms.enumerated() {
            let position = itemPositions.map { offset < $0.count ? $0[offset] : at(name) } ?? at(name)
            guard let slug = TaxonomySchema.slug(of: term) else {
                diagnostics.append(.error(path, line: position.line, column: position.column,
                                          "term '\(term)' of '\(name)' needs a letter or a digit (it names the URL /\(name)/<term>/)"))
                continue
            }
            if let values = taxonomy.values, values[slug] == nil {
                let allowed = values.values.sorted().map { "'\($0)'" }.joined(separator: ", ")
                diagnostics.append(.error(path, line: position.line, column: position.column,
                                          "'\(term)' is not a declared term of '\(name)': use one of \(allowed) (or add it to taxonomies.\(name).values in site.yml)"))
            }
        }
        return diagnostics
    }

    private static func isMissing(_ value: TemplateValue?) -> Bool {
        switch value {
        case nil, .null?: return true
        case .string(let text)?: return text.trimmingWhitespace.isEmpty
        default: return false
        }
    }
}

extension StringProtocol {
    var trimmingWhitespace: String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
