import Testing
import TemplateEngine

/// A library of named templates; each path is `Templates/<name>.mustache`.
func library(_ templates: [String: String]) throws(TemplateErrors) -> TemplateLibrary {
    try TemplateLibrary(sources: templates.sorted(by: { $0.key < $1.key }).map {
        TemplateSource(name: $0.key, path: "Templates/\($0.key).mustache", text: $0.value)
    })
}

/// Renders one template on its own.
func render(_ text: String, _ context: TemplateValue = [:], strict: Bool = false) throws(TemplateErrors) -> String {
    try library(["t": text]).renderString("t", context: context, strict: strict)
}

/// The syntax errors a set of templates fails with (records an issue when it parses).
func syntaxErrors(_ templates: [String: String]) -> [TemplateError] {
    do {
        _ = try library(templates)
        Issue.record("expected syntax errors")
        return []
    } catch {
        return error.errors
    }
}

/// The syntax errors of one template `t` (path `Templates/t.mustache`).
func syntaxErrors(_ text: String) -> [TemplateError] {
    syntaxErrors(["t": text])
}

/// The errors a render fails with (records an issue when it succeeds).
func renderErrors(_ library: TemplateLibrary, _ name: String, _ context: TemplateValue = [:], strict: Bool = true) -> [TemplateError] {
    do {
        let output = try library.renderString(name, context: context, strict: strict)
        Issue.record("expected render errors, got output \(output.debugDescription)")
        return []
    } catch {
        return error.errors
    }
}
