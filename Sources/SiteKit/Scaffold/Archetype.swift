import Foundation
import TemplateEngine

/// A page's starting text written by the site's designers: `Templates/archetypes/<section>.md`, else
/// `Templates/archetypes/default.md`. It is a Mustache template rendered by sitegen's own engine in
/// strict mode (a name it does not know is an error at its line and column), and what it makes
/// must start with front matter that is valid YAML. A build never reads `archetypes/`: only
/// `*.mustache` files are templates and only `assets/` is copied.
struct Archetype: Sendable {
    /// Path shown in messages: `Templates/archetypes/speakers.md`.
    var display: String
    var text: String

    /// The names an archetype may use, as documented in the README.
    struct Values: Sendable {
        var title: String
        var slug: String
        var date: ContentDate
        var section: String
        var path: String
        var fields: String

        var context: TemplateValue {
            .object([
                "title": .string(title), "slug": .string(slug), "date": .string(date.description),
                "section": .string(section), "path": .string(path), "fields": .string(fields),
            ])
        }
    }

    /// The archetype for a page of `section` ("" for a page outside any section): nil when there
    /// is none; an error when one exists but cannot be read, or lies behind a link leading out.
    static func find(section: String, templatesRoot: String, templatesDisplay: String) -> Result<Archetype?, Diagnostic> {
        let names = (section.isEmpty ? [] : [section + ".md"]) + ["default.md"]
        for name in names {
            let path = templatesRoot + "/archetypes/" + name
            let display = SourceTree.join(templatesDisplay, "archetypes/" + name)
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            let realRoot = SourceTree.realPath(templatesRoot)
            if let real = ContentPath.resolved(path), !real.hasPrefix(realRoot + "/") {
                return .failure(.error(display, "symbolic link leads outside \(templatesDisplay): not followed"))
            }
            switch InputFile.read(path) {
            case .failure(let problem): return .failure(.error(display, "file \(problem)"))
            case .success(let bytes):
                switch SourceText.decode(bytes) {
                case .failure(let at): return .failure(.error(display, line: at.line, column: at.column, "file is not valid UTF-8"))
                case .success(let text): return .success(Archetype(display: display, text: text))
                }
            }
        }
        return .success(nil)
    }

    /// The page text the archetype makes with `values`, or every problem with it.
    func render(_ values: Values) -> Result<String, Diagnostics> {
        let rendered: String
        do {
            let library = try TemplateLibrary(sources: [TemplateSource(name: "archetype", path: display, text: text)])
            rendered = try library.renderString("archetype", context: values.context, strict: true)
        } catch {
            return .failure(Diagnostics(error.errors.map(TemplateStage.diagnostic)))
        }
        switch FrontMatterSplitter.split(rendered) {
        case .failure(.empty), .failure(.noFrontMatter):
            return .failure(Diagnostics([.error(display, line: 1, column: 1, "the page it makes has no front matter: it must start with a '---' line")]))
        case .failure(.unclosed):
            return .failure(Diagnostics([.error(display, line: 1, column: 1, "the page it makes opens front matter that is never closed with a '---' line")]))
        case .success(let split):
            let (_, problems) = YAMLDocument.parse(split.yaml, path: display, lineOffset: split.yamlFirstLine - 1, aliases: .forbidden)
            let errors = problems.filter { $0.severity == .error }
            guard errors.isEmpty else {
                return .failure(Diagnostics(errors.map { problem in
                    Diagnostic.error(display, "the page it makes has front matter that is not valid YAML"
                        + (problem.line > 0 ? " (its line \(problem.line))" : "") + ": \(problem.message)")
                }))
            }
            return .success(rendered)
        }
    }
}
