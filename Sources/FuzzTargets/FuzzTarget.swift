import Foundation
import MarkdownRenderer
import PreviewServer
import SearchIndex
@_spi(Fuzzing) import SiteKit
import TemplateEngine

/// The parsers that read input from strangers, each as a function of arbitrary bytes that checks
/// what must hold for every input and traps (`precondition`) when it does not. `sitegen-fuzz`
/// hands them to libFuzzer; `FuzzTargetsTests` replays the kept inputs in the test suite.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// Front-matter splitter, YAML, fields and slug of one content file.
    case frontMatter = "front-matter"
    /// The Mustache parser, then rendering in strict and lenient mode.
    case template
    /// cmark through the renderer: link rewriting, headings, plain text, safe mode.
    case markdown
    /// The search tokenizer.
    case tokenizer
    /// The preview server's request-path decoder.
    case requestPath = "request-path"

    public func run(_ bytes: [UInt8]) {
        switch self {
        case .frontMatter: Self.frontMatter(bytes)
        case .template: Self.template(String(decoding: bytes, as: UTF8.self))
        case .markdown: Self.markdown(String(decoding: bytes, as: UTF8.self))
        case .tokenizer: Self.tokenizer(String(decoding: bytes, as: UTF8.self))
        case .requestPath: Self.requestPath(String(decoding: bytes, as: UTF8.self))
        }
    }

    static func frontMatter(_ bytes: [UInt8]) {
        let (title, diagnostics) = SingleFileCheck.check(bytes)
        let lines = bytes.count { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") } + 1
        for diagnostic in diagnostics {
            precondition(diagnostic.line >= 0 && diagnostic.line <= lines + 1, "diagnostic past the end: \(diagnostic)")
            precondition(diagnostic.column >= 0, "negative column: \(diagnostic)")
            precondition(!diagnostic.message.isEmpty, "empty message")
        }
        // A file with errors may still be a page (so that links to it are not reported again), but
        // one without errors has a title, and no page comes without a reason.
        let failed = diagnostics.contains { $0.severity == .error }
        if let title, !failed { precondition(!title.trimmingCharacters(in: .whitespaces).isEmpty, "a page with an empty title") }
        precondition(title != nil || failed, "no page and no error")
    }

    static func template(_ text: String) {
        let sources = [TemplateSource(name: "main", path: "main.mustache", text: text),
                       TemplateSource(name: "partials/p", path: "p.mustache", text: "[{{x}}{{$b}}d{{/b}}]")]
        guard let library = try? TemplateLibrary(sources: sources) else { return }
        let context = TemplateValue.object([
            "x": .string("<&\"'>"), "n": .int(3), "b": .bool(true),
            "list": .list([.object(["x": .string("1")]), .object(["x": .string("2")])]),
            "o": .object(["x": .double(1.5), "y": .null]),
        ])
        // Strict mode only adds errors: where it renders, lenient mode renders the same.
        let lenient = try? library.renderString("main", context: context, strict: false)
        if let strict = try? library.renderString("main", context: context, strict: true) {
            precondition(strict == lenient, "strict and lenient rendering differ")
        }
        precondition(lenient == (try? library.renderString("main", context: context, strict: false)), "rendering is not repeatable")
    }

    static func markdown(_ text: String) {
        var seen = 0
        let rendered = MarkdownRenderer.render(text) { _ in
            seen += 1
            return .keep
        }
        precondition(!rendered.html.contains("<script"), "raw HTML survived safe mode")
        precondition(!rendered.html.lowercased().contains("href=\"javascript:"), "a javascript: link survived safe mode")
        precondition(seen >= 0)
        _ = MarkdownRenderer.firstParagraph(text)
    }

    static func tokenizer(_ text: String) {
        for token in Tokenizer.tokens(text) {
            precondition(!token.isEmpty, "an empty token")
            precondition(token.unicodeScalars.count <= Tokenizer.maximumWordLength, "a token longer than the limit")
            precondition(token == token.lowercased(), "a token not folded to lower case: \(token)")
        }
    }

    static func requestPath(_ raw: String) {
        let outputs: Set<String> = ["index.html", "a/index.html", "a/b.css", "%2e/index.html"]
        switch RequestPath.resolve(raw, exists: { outputs.contains($0) }) {
        case .file(let path):
            precondition(outputs.contains(path), "resolved to a file that is not in the site")
        case .redirect(let location):
            precondition(location.hasPrefix("/") && !location.hasPrefix("//"), "redirect off the site: \(location)")
            precondition(!location.contains("/../") && !location.hasSuffix("/.."), "redirect with ..: \(location)")
        case .notFound, .malformed:
            break
        }
    }
}
