/// Parses one template: scans its tags, pairs sections, settles standalone lines, compiles.
enum TemplateParser {
    /// The compiled template, or every syntax error found in it. Names get lookup-cache slots
    /// from `slots`, which gains the names seen for the first time.
    static func compile(_ template: TemplateSource, slots: inout [String: Int], resolve: @escaping (String) -> Int?) -> Result<CompiledTemplate, TemplateErrors> {
        let source = SourceText(template.text)
        var scanner = TagScanner(source: source)
        scanner.scan()
        var tags = scanner.tags
        var issues = scanner.issues
        issues += SpanMatcher.match(&tags, source: source, reportUnclosed: !scanner.stoppedEarly)
        guard issues.isEmpty else {
            var seen = Set<Int>()
            let errors = issues
                .filter { seen.insert($0.offset).inserted }
                .map { issue in
                    let position = source.position(of: issue.offset)
                    return TemplateError(path: template.path, line: position.line, column: position.column, message: issue.message)
                }
            return .failure(TemplateErrors(errors: errors))
        }
        StandaloneLines.mark(&tags, source: source)
        var compiler = OperationCompiler(source: source, tags: tags, slots: slots, resolve: resolve)
        compiler.compile()
        slots = compiler.slots
        return .success(CompiledTemplate(name: template.name, path: template.path, operations: compiler.operations))
    }
}
