/// All templates of a site, each parsed once and compiled to operations, ready to render
/// typed values into bytes many times (and from many tasks at once).
public struct TemplateLibrary: Sendable {
    private let templates: [CompiledTemplate]
    private let indexByName: [String: Int]
    /// Output buffer sizes to reserve, per template.
    private let outputSizeHints: [Int]
    /// How many distinct names the templates use (the renderer's lookup cache size).
    private let nameCount: Int

    /// Parses and compiles every template; throws the syntax errors of all templates at once.
    /// Partial and parent names resolve to the exact name, else to `partials/<name>`.
    public init(sources: [TemplateSource]) throws(TemplateErrors) {
        var indexByName: [String: Int] = [:]
        var errors: [TemplateError] = []
        for (index, source) in sources.enumerated() {
            if let first = indexByName[source.name] {
                errors.append(TemplateError(
                    path: source.path, line: 1, column: 1,
                    message: "a second template named '\(source.name)' (the first is \(sources[first].path))"))
            } else {
                indexByName[source.name] = index
            }
        }
        let names = indexByName
        let resolve: (String) -> Int? = { name in names[name] ?? names["partials/" + name] }
        var templates: [CompiledTemplate] = []
        templates.reserveCapacity(sources.count)
        var slots: [String: Int] = [:]
        for source in sources {
            switch TemplateParser.compile(source, slots: &slots, resolve: resolve) {
            case .success(let template):
                templates.append(template)
            case .failure(let failure):
                errors += failure.errors
            }
        }
        guard errors.isEmpty else {
            throw TemplateErrors(errors: errors.sorted(by: TemplateError.sourceOrder))
        }
        self.templates = templates
        self.indexByName = indexByName
        nameCount = slots.count
        outputSizeHints = templates.indices.map { index in
            let text = Self.reachableTemplates(from: index, in: templates).reduce(0) { $0 + templates[$1].textByteCount }
            return text + text / 2 + 1024
        }
    }

    /// Whether a template has exactly this name.
    public func contains(_ name: String) -> Bool {
        indexByName[name] != nil
    }

    /// Renders a template against `context`. In strict mode, names that resolve nowhere and
    /// missing partials are errors; rendering goes on and throws all distinct errors at the end.
    public func render(_ name: String, context: TemplateValue, strict: Bool) throws(TemplateErrors) -> [UInt8] {
        try render(name, context: context, strict: strict, recordsReads: false).bytes
    }

    /// `render`, also returning the inputs the render looked into: the ids of the
    /// `TemplateValue.input` values it opened (to look a name up in, to iterate or to test).
    /// Values a template cannot reach are not read, however much of the context holds them.
    public func render(_ name: String, context: TemplateValue, strict: Bool, reads: inout Set<Int>) throws(TemplateErrors) -> [UInt8] {
        let (bytes, recorded) = try render(name, context: context, strict: strict, recordsReads: true)
        reads.formUnion(recorded)
        return bytes
    }

    private func render(_ name: String, context: TemplateValue, strict: Bool,
                        recordsReads: Bool) throws(TemplateErrors) -> (bytes: [UInt8], reads: Set<Int>) {
        guard let index = indexByName[name] else {
            throw TemplateErrors(errors: [TemplateError(path: name, line: 0, column: 0, message: "no template named '\(name)'")])
        }
        var renderer = Renderer(templates: templates, nameCount: nameCount, context: context, strict: strict, recordsReads: recordsReads)
        renderer.output.reserveCapacity(outputSizeHints[index])
        renderer.render(template: index)
        guard renderer.errors.isEmpty else {
            throw TemplateErrors(errors: renderer.errors.sorted(by: TemplateError.sourceOrder))
        }
        return (renderer.output, renderer.reads ?? [])
    }

    /// `render` decoded as a `String`, for tests and small outputs.
    public func renderString(_ name: String, context: TemplateValue, strict: Bool) throws(TemplateErrors) -> String {
        String(decoding: try render(name, context: context, strict: strict), as: UTF8.self)
    }

    /// Names of the templates (partials/parents) that `name` uses, transitively — for the preview
    /// server's dependency tracking. Names that resolve to no template are not included.
    public func dependencies(of name: String) -> Set<String> {
        guard let root = indexByName[name] else { return [] }
        return Set(Self.reachableTemplates(from: root, in: templates).subtracting([root]).map { templates[$0].name })
    }

    /// Every name written in `name`'s tags and in the templates it includes (`page.title`,
    /// `site.sections.news.pages`, `pages`), so that a caller can leave out values no tag can reach.
    public func referencedNames(of name: String) -> Set<String> {
        guard let root = indexByName[name] else { return [] }
        var names: Set<String> = []
        for index in Self.reachableTemplates(from: root, in: templates) {
            for operation in templates[index].operations {
                switch operation {
                case .value(let reference, _), .section(let reference, _), .invertedSection(let reference, _):
                    names.insert(reference.name)
                default:
                    break
                }
            }
        }
        return names
    }

    private static func reachableTemplates(from root: Int, in templates: [CompiledTemplate]) -> Set<Int> {
        var reached: Set<Int> = [root]
        var pending = [root]
        while let index = pending.popLast() {
            for next in templates[index].includes where reached.insert(next).inserted {
                pending.append(next)
            }
        }
        return reached
    }
}
