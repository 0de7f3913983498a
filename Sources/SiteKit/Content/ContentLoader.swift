import MarkdownRenderer
import SiteSupport
import TemplateEngine

/// Turns source files into pages: front matter read and checked, kinds, sections, slugs and
/// output paths decided, drafts left out, and clashing output paths reported.
enum ContentLoader {
    /// What one file turned into: a page, a draft left out, or only diagnostics.
    struct ParsedFile: Sendable {
        var page: Page?
        var isDraft = false
        var diagnostics: [Diagnostic] = []
    }

    /// What the first pass of a full build knows of the content.
    struct Loaded {
        var pages: [Page]
        var drafts: Set<String>
        /// Files that could not be read as pages (see `failedSources`).
        var failed: Set<String>
        var diagnostics: [Diagnostic]
    }

    /// The files at `paths` (inside `root`), on all cores: each one read, its front matter parsed,
    /// its first paragraph found for lists (cmark, parsing only) and its text dropped; section
    /// list pages keep theirs, since other pages show their content. Then the site-wide steps
    /// (`finish`).
    static func load(_ paths: [String], root: String, displayRoot: String, config: SiteConfig, includeDrafts: Bool,
                     markdownOptions: MarkdownOptions) -> Loaded {
        let parsed = Parallel.map(paths) { relative -> (file: SourceFile, parsed: ParsedFile) in
            let display = ContentScanner.join(displayRoot, relative)
            let file = SourceFile(relativePath: relative, displayPath: display, bytes: [])
            let bytes: [UInt8]
            switch InputFile.read(root + "/" + relative) {
            case .success(let read): bytes = read
            case .failure(let problem): return (file, ParsedFile(diagnostics: [.error(display, "file \(problem)")]))
            }
            var result = parse(SourceFile(relativePath: relative, displayPath: display, bytes: bytes),
                               config: config, includeDrafts: includeDrafts)
            if var page = result.page, page.kind != .section {
                if page.frontMatter.summary == nil {
                    page.leadParagraph = MarkdownRenderer.firstParagraph(page.body, options: markdownOptions)
                }
                page.body = ""
                result.page = page
            }
            return (file, result)
        }
        let (pages, drafts, diagnostics) = finish(parsed, config: config)
        return Loaded(pages: pages, drafts: drafts, failed: failedSources(parsed), diagnostics: diagnostics)
    }

    /// One file on its own: decoding, front matter, kind, slug and output path.
    static func parse(_ file: SourceFile, config: SiteConfig, includeDrafts: Bool) -> ParsedFile {
        var result = ParsedFile()
        let folders = file.folders
        let section = folders.first.map(String.init) ?? ""
        let isIndex = file.fileName == "_index.md"
        if isIndex && folders.count != 1 {
            result.diagnostics.append(.error(file.displayPath, line: 1, column: 1,
                                      folders.isEmpty ? "_index.md belongs in a section folder; the home page is index.md"
                                                      : "only top-level folders are sections; '\(file.relativePath)' is nested"))
            return result
        }
        let text: String
        switch SourceText.decode(file.bytes) {
        case .success(let decoded): text = decoded
        case .failure(let position):
            result.diagnostics.append(.error(file.displayPath, line: position.line, column: position.column, "file is not valid UTF-8"))
            return result
        }
        let split: SplitPage
        switch FrontMatterSplitter.split(text) {
        case .success(let parts): split = parts
        case .failure(.empty):
            result.diagnostics.append(.error(file.displayPath, line: 1, column: 1, "empty file: a page needs front matter with at least a title"))
            return result
        case .failure(.noFrontMatter):
            result.diagnostics.append(.error(file.displayPath, line: 1, column: 1, "missing front matter: the file must start with a '---' line"))
            return result
        case .failure(.unclosed):
            result.diagnostics.append(.error(file.displayPath, line: 1, column: 1, "front matter opened here is never closed with a '---' line"))
            return result
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
                                                                 path: file.displayPath, schema: schema,
                                                                 taxonomies: config.taxonomies)
        result.diagnostics.append(contentsOf: frontMatterDiagnostics)
        guard let frontMatter = parsed else { return result }
        if frontMatter.draft && !includeDrafts {
            // Left out of the build: what is unfinished in it is not worth a word yet.
            result.diagnostics.removeAll { $0.severity == .warning }
            result.isDraft = true
            return result
        }
        let slug = frontMatter.slug ?? Slug.fromFileName(file.fileName)
        if frontMatter.slug == nil, let problem = Slug.problem(slug) {
            result.diagnostics.append(.error(file.displayPath, "file name gives a bad slug: \(problem)"))
            return result
        }
        if let folder = folders.first(where: { $0.utf8.contains(where: { $0 >= 0x80 }) && $0.unicodeScalars.contains(where: Slug.isInvisible) }) {
            result.diagnostics.append(.error(file.displayPath, "folder name '\(folder)' must not contain invisible or bidirectional-control characters: its folder would look like another"))
            return result
        }
        let outputPath: String
        switch kind {
        case .home: outputPath = "index.html"
        case .notFound: outputPath = "404.html"
        case .section: outputPath = section + "/index.html"
        case .page: outputPath = slug + "/index.html"
        case .single: outputPath = (folders + [Substring(slug)]).joined(separator: "/") + "/index.html"
        case .terms, .term: return result  // made by the build (`TaxonomyIndex`), never read from a file
        }
        result.page = Page(sourcePath: file.relativePath, displayPath: file.displayPath, kind: kind, section: section,
                          slug: kind == .section ? section : slug, outputPath: outputPath, frontMatter: frontMatter,
                          body: split.body, bodyFirstLine: split.bodyFirstLine, markdown: nil)
        return result
    }

    /// The steps that need every page: list pages for sections without `_index.md`, and clashes.
    static func finish(_ parsed: [(file: SourceFile, parsed: ParsedFile)], config: SiteConfig) -> (pages: [Page], drafts: Set<String>, diagnostics: [Diagnostic]) {
        var pages: [Page] = []
        var drafts: Set<String> = []
        var diagnostics: [Diagnostic] = []
        for (file, result) in parsed {
            diagnostics.append(contentsOf: result.diagnostics)
            if result.isDraft { drafts.insert(file.relativePath) }
            if var page = result.page {
                page.hasErrors = result.diagnostics.contains { $0.severity == .error }
                pages.append(page)
            }
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

        if !pages.contains(where: { $0.kind == .home }) {
            var matter = FrontMatter()
            matter.title = config.title
            pages.append(Page(sourcePath: "", displayPath: "", kind: .home, section: "", slug: "", outputPath: "index.html",
                              frontMatter: matter, body: "", bodyFirstLine: 1))
        }
        diagnostics.append(contentsOf: clashes(pages))
        return (pages, drafts, diagnostics)
    }

    /// Two pages that would write the same file: an error on each, naming the other.
    static func clashes(_ pages: [Page]) -> [Diagnostic] {
        var byOutput: [String: [Int]] = [:]
        for index in pages.indices { byOutput[pages[index].outputPath, default: []].append(index) }
        var diagnostics: [Diagnostic] = []
        for (output, group) in byOutput where group.count > 1 {
            for index in group {
                let page = pages[index]
                let others = group.filter { pages[$0].sourcePath != page.sourcePath }
                    .map { pages[$0].displayPath.isEmpty ? "the '\(pages[$0].section)' section list" : pages[$0].displayPath }
                let at = page.frontMatter.positions["slug"] ?? SourcePosition(line: 1, column: 1)
                diagnostics.append(.error(page.displayPath.isEmpty ? output : page.displayPath, line: at.line, column: at.column,
                                          "writes the same URL /\(page.publicPath) as \(others.joined(separator: ", "))"))
            }
        }
        return diagnostics
    }
}

extension ContentLoader {
    /// The content files that are neither pages nor drafts: their front matter could not be read.
    static func failedSources(_ parsed: some Sequence<(file: SourceFile, parsed: ParsedFile)>) -> Set<String> {
        Set(parsed.filter { $0.parsed.page == nil && !$0.parsed.isDraft }.map(\.file.relativePath))
    }

    /// Reads `page`'s file again for its Markdown body: a full build keeps no page's text between
    /// reading the front matter of all of them and rendering each one.
    static func body(of page: Page, contentRoot: String) -> Result<String, Diagnostic> {
        guard let bytes = ContentScanner.readFile(contentRoot + "/" + page.sourcePath) else {
            return .failure(.error(page.displayPath, "cannot read file"))
        }
        guard case .success(let text) = SourceText.decode(bytes), case .success(let split) = FrontMatterSplitter.split(text),
              split.bodyFirstLine == page.bodyFirstLine else {
            return .failure(.error(page.displayPath, "file changed while the site was being built; build again"))
        }
        return .success(split.body)
    }
}
