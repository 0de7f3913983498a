import Foundation

/// What `sitegen new` is asked to make.
public struct NewPageRequest: Sendable {
    /// The page's path inside the content folder, as given: `speakers/li-ming.md`.
    public var path: String
    public var contentDir = "Content"
    public var templatesDir = "Templates"
    /// The day written where the section requires a `date` (unless the file name starts with one).
    public var today: ContentDate
    /// The folder relative paths are taken from and shown from.
    public var workingDirectory: String

    public init(path: String, today: ContentDate, workingDirectory: String) {
        self.path = path
        self.today = today
        self.workingDirectory = workingDirectory
    }
}

/// What `sitegen new` wrote.
public struct NewPageResult: Sendable, Equatable {
    /// The new file, as the user should read its path: `Content/speakers/li-ming.md`.
    public var displayPath: String
    /// The archetype it was made from, if any: `Templates/archetypes/speakers.md`.
    public var archetype: String?
}

/// `sitegen new`: a page started from its section's rules (or from the section's archetype),
/// written only when every check passed, never over an existing file, never outside `Content/`.
public enum NewPage {
    public static func create(_ request: NewPageRequest) -> Result<NewPageResult, Diagnostics> {
        switch plan(request) {
        case .failure(let problems): return .failure(problems)
        case .success(let (file, archetype)):
            if let problem = ScaffoldWriter.create([file]) { return .failure(Diagnostics([problem])) }
            return .success(NewPageResult(displayPath: file.display, archetype: archetype))
        }
    }

    /// The file to write and the archetype it came from, or why there is none: everything but the
    /// write itself.
    static func plan(_ request: NewPageRequest) -> Result<(ScaffoldWriter.File, String?), Diagnostics> {
        var options = BuildOptions(workingDirectory: request.workingDirectory)
        options.contentDir = request.contentDir
        options.templatesDir = request.templatesDir
        let contentRoot = options.absolute(request.contentDir)
        let contentDisplay = options.display(request.contentDir)
        let display = request.path.hasPrefix("/") ? request.path : SourceTree.join(contentDisplay, request.path)

        let path: ContentPath
        switch ContentPath.parse(request.path, contentDisplay: contentDisplay) {
        case .failure(let problem): return .failure(Diagnostics([.error(display, problem.reason)]))
        case .success(let parsed): path = parsed
        }
        let (loaded, configProblems) = ConfigStage.load(options)
        guard let config = loaded, !configProblems.contains(where: { $0.severity == .error }) else { return .failure(Diagnostics(configProblems)) }

        // Which kind of page the path makes, and so which rules apply (as ContentLoader decides).
        let section = path.folders.first ?? ""
        var schema: SectionSchema?
        var title = ScaffoldText.title(fromFileName: path.fileName)
        var takesArchetype = true
        if section.isEmpty {
            switch path.fileName {
            case "_index.md": return .failure(Diagnostics([.error(display, "_index.md belongs in a section folder; the home page is index.md")]))
            case "index.md": title = config.title; takesArchetype = false
            case "404.md": title = "Page not found"; takesArchetype = false
            default: break
            }
        } else {
            let sections = knownSections(config, contentRoot: contentRoot)
            guard sections.contains(section) else {
                let listed = sections.isEmpty ? "there are no sections yet"
                    : sections.count == 1 ? "the only section is '\(sections[0])'"
                    : "the sections are " + sections.map { "'\($0)'" }.joined(separator: ", ")
                return .failure(Diagnostics([.error(display, "unknown section '\(section)': \(listed) (declare it under sections: in site.yml, or create the folder \(contentDisplay)/\(section)/)")]))
            }
            if path.fileName == "_index.md" {
                guard path.folders.count == 1 else {
                    return .failure(Diagnostics([.error(display, "only top-level folders are sections; '\(path.relative)' is nested")]))
                }
                title = config.section(named: section)?.title ?? section.capitalized
                takesArchetype = false
            } else {
                schema = config.section(named: section)
            }
        }
        if let problem = path.fileSystemProblem(root: contentRoot, contentDisplay: contentDisplay) {
            return .failure(Diagnostics([.error(display, problem)]))
        }

        let skeleton = PageSkeleton(title: title, schema: schema, date: ScaffoldText.date(fromFileName: path.fileName) ?? request.today)
        var text = skeleton.text
        var archetypeDisplay: String?
        if takesArchetype {
            let templatesRoot = options.absolute(request.templatesDir)
            switch Archetype.find(section: section, templatesRoot: templatesRoot, templatesDisplay: options.display(request.templatesDir)) {
            case .failure(let problem): return .failure(Diagnostics([problem]))
            case .success(nil): break
            case .success(let archetype?):
                let values = Archetype.Values(title: title, slug: Slug.fromFileName(Substring(path.fileName)), date: skeleton.date,
                                              section: section, path: path.relative, fields: skeleton.fieldLines)
                switch archetype.render(values) {
                case .failure(let problems): return .failure(problems)
                case .success(let rendered): text = rendered
                }
                archetypeDisplay = archetype.display
            }
        }
        return .success((ScaffoldWriter.File(path: contentRoot + "/" + path.relative, display: SourceTree.join(contentDisplay, path.relative), text: text),
                         archetypeDisplay))
    }

    /// The sections a new page may go in: those site.yml declares, in its order, then the other
    /// top-level folders of the content folder (a folder is a section as soon as it exists) but the
    /// data folder, whose files are not pages.
    static func knownSections(_ config: SiteConfig, contentRoot: String) -> [String] {
        var names = config.sections.map(\.name)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: contentRoot)) ?? []
        for name in entries.sorted() where !name.hasPrefix(".") && !names.contains(name) && name != SiteData.folder {
            var info = stat()
            if stat(contentRoot + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { names.append(name) }
        }
        return names
    }
}
