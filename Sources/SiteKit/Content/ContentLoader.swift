import TemplateEngine

/// Turns source files into pages: front matter read and checked, kinds, sections, slugs and
/// output paths decided, drafts left out, and clashing output paths reported.
enum ContentLoader {
    static func load(_ files: [SourceFile], config: SiteConfig, includeDrafts: Bool) -> (pages: [Page], drafts: Set<String>, diagnostics: [Diagnostic]) {
        var pages: [Page] = []
        var drafts: Set<String> = []
        var diagnostics: [Diagnostic] = []

        for file in files {
            let folders = file.folders
            let section = folders.first.map(String.init) ?? ""
            let isIndex = file.fileName == "_index.md"
            if isIndex && folders.count != 1 {
                diagnostics.append(.error(file.displayPath, line: 1, column: 1,
                                          folders.isEmpty ? "_index.md belongs in a section folder; the home page is index.md"
                                                          : "only top-level folders are sections; '\(file.relativePath)' is nested"))
                continue
            }
            let text: String
            switch SourceText.decode(file.bytes) {
            case .success(let decoded): text = decoded
            case .failure(let position):
                diagnostics.append(.error(file.displayPath, line: position.line, column: position.column, "file is not valid UTF-8"))
                continue
            }
            let split: SplitPage
            switch FrontMatterSplitter.split(text) {
            case .success(let parts): split = parts
            case .failure(.empty):
                diagnostics.append(.error(file.displayPath, line: 1, column: 1, "empty file: a page needs front matter with at least a title"))
                continue
            case .failure(.noFrontMatter):
                diagnostics.append(.error(file.displayPath, line: 1, column: 1, "missing front matter: the file must start with a '---' line"))
                continue
            case .failure(.unclosed):
                diagnostics.append(.error(file.displayPath, line: 1, column: 1, "front matter opened here is never closed with a '---' line"))
                continue
            }
            let kind: PageKind
            if folders.isEmpty {
                switch file.fileName {
                case "index.md": kind = .home
                case "404.md": kind = .notFound
                default: kind = .page
                }
            } else {
                kind = isIndex ? .section : .single
            }
            let schema = kind == .single ? config.section(named: section) : nil
            let (parsed, frontMatterDiagnostics) = FrontMatter.parse(yaml: split.yaml, firstLine: split.yamlFirstLine,
                                                                     path: file.displayPath, schema: schema)
            diagnostics.append(contentsOf: frontMatterDiagnostics)
            guard let frontMatter = parsed else { continue }
            if frontMatter.draft && !includeDrafts {
                drafts.insert(file.relativePath)
                continue
            }
            let slug = frontMatter.slug ?? Slug.fromFileName(file.fileName)
            if frontMatter.slug == nil, let problem = Slug.problem(slug) {
                diagnostics.append(.error(file.displayPath, "file name gives a bad slug: \(problem)"))
                continue
            }
            let outputPath: String
            switch kind {
            case .home: outputPath = "index.html"
            case .notFound: outputPath = "404.html"
            case .section: outputPath = section + "/index.html"
            case .page: outputPath = slug + "/index.html"
            case .single: outputPath = (folders + [Substring(slug)]).joined(separator: "/") + "/index.html"
            }
            pages.append(Page(sourcePath: file.relativePath, displayPath: file.displayPath, kind: kind, section: section,
                              slug: kind == .section ? section : slug, outputPath: outputPath, frontMatter: frontMatter,
                              body: split.body, bodyFirstLine: split.bodyFirstLine, markdown: nil))
        }

        // Sections named in site.yml or present as folders get a list page even without _index.md.
        var sectionNames = config.sections.map(\.name)
        for page in pages where !page.section.isEmpty && !sectionNames.contains(page.section) {
            sectionNames.append(page.section)
        }
        for name in sectionNames where !pages.contains(where: { $0.kind == .section && $0.section == name }) {
            var matter = FrontMatter()
            matter.title = config.section(named: name)?.title ?? name.capitalized
            pages.append(Page(sourcePath: "", displayPath: "", kind: .section, section: name, slug: name,
                              outputPath: name + "/index.html", frontMatter: matter, body: "", bodyFirstLine: 1))
        }

        diagnostics.append(contentsOf: clashes(pages))
        return (pages, drafts, diagnostics)
    }

    /// Two pages that would write the same file: an error on each, naming the other.
    static func clashes(_ pages: [Page]) -> [Diagnostic] {
        var byOutput: [String: [Page]] = [:]
        for page in pages { byOutput[page.outputPath, default: []].append(page) }
        var diagnostics: [Diagnostic] = []
        for (output, group) in byOutput where group.count > 1 {
            for page in group {
                let others = group.filter { $0.sourcePath != page.sourcePath }
                    .map { $0.displayPath.isEmpty ? "the '\($0.section)' section list" : $0.displayPath }
                let at = page.frontMatter.positions["slug"] ?? SourcePosition(line: 1, column: 1)
                diagnostics.append(.error(page.displayPath.isEmpty ? output : page.displayPath, line: at.line, column: at.column,
                                          "writes the same URL /\(page.publicPath) as \(others.joined(separator: ", "))"))
            }
        }
        return diagnostics
    }
}
