import Foundation

/// What `sitegen init` is asked to make.
public struct SiteInitRequest: Sendable {
    /// The folder to make the site in, as given; it must not exist yet, or be empty.
    public var directory: String
    /// The date of the first post.
    public var today: ContentDate
    public var workingDirectory: String

    public init(directory: String, today: ContentDate, workingDirectory: String) {
        self.directory = directory
        self.today = today
        self.workingDirectory = workingDirectory
    }
}

/// `sitegen init DIR`: a small working site (see `StarterSite`), written whole or not at all.
public enum SiteInit {
    /// Writes the starter site; the paths written (as the user should read them), or why not.
    public static func create(_ request: SiteInitRequest) -> Result<[String], Diagnostics> {
        switch plan(request) {
        case .failure(let problem): return .failure(Diagnostics([problem]))
        case .success(let files):
            if let problem = ScaffoldWriter.create(files) { return .failure(Diagnostics([problem])) }
            return .success(files.map(\.display))
        }
    }

    /// The files to write, or why the folder cannot take them.
    static func plan(_ request: SiteInitRequest) -> Result<[ScaffoldWriter.File], Diagnostic> {
        let options = BuildOptions(workingDirectory: request.workingDirectory)
        guard !request.directory.isEmpty else { return .failure(.error("init", "no folder given: name the folder to make the site in")) }
        let root = options.absolute(request.directory)
        let display = options.display(request.directory)
        var info = stat()
        if stat(root, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { return .failure(.error(display, "exists and is not a folder")) }
            let entries: [String]
            do { entries = try FileManager.default.contentsOfDirectory(atPath: root) } catch {
                return .failure(.error(display, "cannot read folder: \(error.localizedDescription)"))
            }
            if !entries.isEmpty {
                return .failure(.error(display, "exists and is not empty (it holds \(entries.sorted().prefix(3).joined(separator: ", "))"
                    + (entries.count > 3 ? ", …" : "") + "): give a new folder, or an empty one"))
            }
        } else if lstat(root, &info) == 0 {
            return .failure(.error(display, "is a broken symbolic link"))
        }
        let files = StarterSite.files(title: siteTitle(forFolder: root), today: request.today)
        return .success(files.map { file in
            ScaffoldWriter.File(path: root + "/" + file.path, display: SourceTree.join(display, file.path), text: file.text)
        })
    }

    /// The new site's title, from its folder's name (`my-site` → `My Site`).
    static func siteTitle(forFolder path: String) -> String {
        let name = (SourceTree.realPath(path) as NSString).lastPathComponent
        let title = ScaffoldText.title(fromFileName: name)
        return title.isEmpty || title == "/" ? "My Site" : title
    }
}
