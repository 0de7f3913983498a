import MarkdownRenderer
import SiteSupport
import TemplateEngine

/// Expands a page's shortcode calls (`{{< speaker ref="…" >}}`) into the output of their templates,
/// `Templates/shortcodes/<name>.mustache`, rendered in strict mode. It runs when the page renders,
/// after cmark: its output is template output (kept in safe mode), and what a template reads of
/// another page (`ref`) is recorded like any read of the page's own layout.
///
/// A template sees each argument by its name (`{{caption}}`, a string), `ref` as the summary of
/// the page it names (`{{ref.title}}`, `{{ref.url}}`, `{{ref.params.role}}`), and `site` as layouts
/// see it. An argument the template never names is an error, as is a missing template.
struct ShortcodeExpander {
    let site: SiteModel
    let contexts: ContextBuilder
    let library: TemplateLibrary

    /// Names an argument may not have: the template sees the site's values under them.
    static let reserved: Set<String> = ["site"]

    /// `markdown` with every call replaced by its template's output (HTML) and that output's text
    /// (plain text); the read input ids go to `reads` when it is not nil.
    func expand(_ markdown: RenderedMarkdown, page index: Int, reads: inout Set<Int>?) -> Result<RenderedMarkdown, Diagnostics> {
        let page = site.pages[index]
        let linker = Linker(page: page, baseURL: site.config.baseURL)
        var diagnostics: [Diagnostic] = []
        var html: [String] = []
        html.reserveCapacity(markdown.shortcodes.count)
        var siteValue: TemplateValue?
        for call in markdown.shortcodes {
            let at = (line: call.line + page.bodyFirstLine - 1, column: call.column)
            func error(_ line: Int, _ column: Int, _ message: String) {
                diagnostics.append(.error(page.displayPath, line: line, column: column, "shortcode '\(call.name)': " + message))
            }
            let template = "shortcodes/" + call.name
            guard library.contains(template) else {
                error(at.line, at.column, "no such shortcode (looked for \(template).mustache in the templates)")
                html.append("")
                continue
            }
            let names = library.referencedNames(of: template)
            var object: [String: TemplateValue] = [:]
            var argumentsOK = true
            for argument in call.arguments {
                let line = argument.line + page.bodyFirstLine - 1
                if Self.reserved.contains(argument.key) {
                    error(line, argument.column, "'\(argument.key)' is not an argument name (templates see the site's values under it)")
                    argumentsOK = false
                } else if !names.contains(argument.key) && !names.contains(where: { $0.hasPrefix(argument.key + ".") }) {
                    let known = Self.argumentNames(names).sorted()
                    error(line, argument.column, "unknown argument '\(argument.key)'"
                          + (known.isEmpty ? " (this shortcode takes none)" : " (it takes: \(known.joined(separator: ", ")))"))
                    argumentsOK = false
                } else if argument.key == "ref" {
                    guard let source = call.referenceSource, let target = site.pageBySource[source] else {
                        // Resolved (or reported) with the Markdown; a page left out of this build has its own error.
                        argumentsOK = false
                        continue
                    }
                    object["ref"] = contexts.summaryValue(target, linker: linker)
                } else {
                    object[argument.key] = .string(argument.value)
                }
            }
            guard argumentsOK else { html.append(""); continue }
            if names.contains(where: { $0 == "site" || $0.hasPrefix("site.") }) {
                if siteValue == nil { siteValue = contexts.siteValue(for: page, linker: linker, names: names) }
                object["site"] = siteValue
            }
            do throws(TemplateErrors) {
                let bytes: [UInt8]
                if reads != nil {
                    var codes: Set<Int> = []
                    bytes = try library.render(template, context: .object(object), strict: true, reads: &codes)
                    reads?.formUnion(codes)
                } else {
                    bytes = try library.render(template, context: .object(object), strict: true)
                }
                var text = String(decoding: bytes, as: UTF8.self)
                while text.last?.isWhitespace == true { text.removeLast() }
                html.append(text)
            } catch {
                for failure in error.errors {
                    self.error(failure, call: call, at: at, page: page, into: &diagnostics)
                }
                html.append("")
            }
        }
        if !diagnostics.isEmpty { return .failure(Diagnostics(diagnostics)) }
        let expanded = markdown.expandingShortcodes(html: html, text: html.map(Self.text))
        return .success(expanded)
    }

    private func error(_ failure: TemplateError, call: ShortcodeCall, at: (line: Int, column: Int), page: Page,
                       into diagnostics: inout [Diagnostic]) {
        diagnostics.append(.error(page.displayPath, line: at.line, column: at.column,
                                  "shortcode '\(call.name)': \(failure.path):\(failure.line):\(failure.column): \(failure.message)"))
    }

    /// The top-level names of `names` an argument could fill.
    static func argumentNames(_ names: Set<String>) -> Set<String> {
        Set(names.compactMap { name in
            let first = String(name.prefix { $0 != "." })
            return first.isEmpty || reserved.contains(first) || first == "." ? nil : first
        })
    }

    /// The text a reader sees of a template's HTML output: tags dropped, references decoded, spaces collapsed.
    static func text(_ html: String) -> String {
        var stripped = ""
        var inTag = false
        for character in html {
            if inTag {
                if character == ">" { inTag = false; stripped.append(" ") }
            } else if character == "<" {
                inTag = true
            } else {
                stripped.append(character)
            }
        }
        let decoded = HTMLEntities.decode(stripped, in: .text)
        return decoded.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
