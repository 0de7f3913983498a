import Foundation
import TemplateEngine

/// Reads `Templates/`: every `*.mustache` file into one `TemplateLibrary`, and the files under
/// `assets/` to copy as they are.
enum TemplateStage {
    struct Loaded: Sendable {
        var library: TemplateLibrary?
        var assets: [OutputFile]
    }

    static func load(root: String, displayRoot: String) -> (Loaded, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var sources: [TemplateSource] = []
        var assets: [OutputFile] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            return (Loaded(library: nil, assets: []), [.error(displayRoot, "templates folder not found")])
        }
        let (files, listDiagnostics) = SourceTree.list(root: root, displayRoot: displayRoot) { _ in true }
        diagnostics += listDiagnostics
        for relative in files {
            let path = root + "/" + relative
            let display = ContentScanner.join(displayRoot, relative)
            let bytes: [UInt8]
            switch InputFile.read(path) {
            case .success(let read): bytes = read
            case .failure(let problem):
                diagnostics.append(.error(display, "file \(problem)"))
                continue
            }
            if relative.hasPrefix("assets/") {
                assets.append(OutputFile(path: relative, bytes: bytes))
            } else if relative.hasSuffix(".mustache") {
                switch SourceText.decode(bytes) {
                case .success(let text):
                    sources.append(TemplateSource(name: String(relative.dropLast(".mustache".count)), path: display, text: text))
                case .failure(let position):
                    diagnostics.append(.error(display, line: position.line, column: position.column, "file is not valid UTF-8"))
                }
            }
        }
        do {
            let library = try TemplateLibrary(sources: sources)
            return (Loaded(library: library, assets: assets), diagnostics)
        } catch {
            diagnostics.append(contentsOf: error.errors.map(diagnostic))
            return (Loaded(library: nil, assets: assets), diagnostics)
        }
    }

    /// Sites get a 404 page from `layouts/404` even without `Content/404.md`.
    static func addNotFoundPage(to pages: inout [Page], library: TemplateLibrary?) {
        guard let library, library.contains("layouts/404"), !pages.contains(where: { $0.kind == .notFound }) else { return }
        var matter = FrontMatter()
        matter.title = "Page not found"
        matter.description = "There is no page at this address."
        pages.append(Page(sourcePath: "", displayPath: "", kind: .notFound, section: "", slug: "404", outputPath: "404.html",
                          frontMatter: matter, body: "", bodyFirstLine: 1))
    }

    static func diagnostic(_ error: TemplateError) -> Diagnostic {
        .error(error.path, line: error.line, column: error.column, error.message)
    }

    /// Relative paths of the files below `root` a build reads (see `SourceTree`), sorted.
    static func walk(_ root: String) -> [String] {
        SourceTree.list(root: root, displayRoot: root) { _ in true }.0
    }
}

/// Which template renders a page (see the README's "Layouts" table).
enum LayoutResolver {
    static func candidates(for page: Page) -> [String] {
        let layout = page.frontMatter.layout
        switch page.kind {
        case .home:
            return (layout.map { ["layouts/_default/\($0)"] } ?? []) + ["layouts/home", "layouts/_default/single"]
        case .notFound:
            return (layout.map { ["layouts/_default/\($0)"] } ?? []) + ["layouts/404"]
        case .page:
            return (layout.map { ["layouts/_default/\($0)"] } ?? []) + ["layouts/_default/single"]
        case .section:
            return (layout.map { ["layouts/\(page.section)/\($0)", "layouts/_default/\($0)"] } ?? [])
                + ["layouts/\(page.section)/list", "layouts/_default/list"]
        case .single:
            return (layout.map { ["layouts/\(page.section)/\($0)", "layouts/_default/\($0)"] } ?? [])
                + ["layouts/\(page.section)/single", "layouts/_default/single"]
        case .terms:
            return ["layouts/\(page.taxonomy)/terms", "layouts/_default/terms"]
        case .term:
            return ["layouts/\(page.taxonomy)/term", "layouts/_default/term"]
        }
    }

    /// The first candidate the library has, or an error naming what was looked for.
    static func resolve(_ page: Page, in library: TemplateLibrary, templatesDisplay: String) -> Result<String, Diagnostic> {
        let candidates = candidates(for: page)
        if let layout = page.frontMatter.layout {
            let own = candidates.prefix { $0.hasSuffix("/" + layout) }
            if let found = own.first(where: library.contains) { return .success(found) }
            let at = page.frontMatter.positions["layout"] ?? SourcePosition(line: 1, column: 1)
            let looked = own.map { "\(templatesDisplay)/\($0).mustache" }.joined(separator: " or ")
            return .failure(.error(page.displayPath, line: at.line, column: at.column, "layout '\(layout)' does not exist (looked for \(looked))"))
        }
        if let found = candidates.first(where: library.contains) { return .success(found) }
        let looked = candidates.map { "\(templatesDisplay)/\($0).mustache" }.joined(separator: ", ")
        return .failure(.error(page.displayPath.isEmpty ? page.outputPath : page.displayPath, line: page.displayPath.isEmpty ? 0 : 1,
                               column: page.displayPath.isEmpty ? 0 : 1, "no template for this page (looked for \(looked))"))
    }
}
