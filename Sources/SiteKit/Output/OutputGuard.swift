import Foundation

/// Refuses output folders whose replacement would destroy something: the project, its sources,
/// the home folder or the file system root.
enum OutputGuard {
    static func problem(output: String, content: String, templates: String, projectRoot: String) -> String? {
        let target = canonical(output)
        let home = canonical(NSHomeDirectory())
        let protected: [(String, String)] = [
            (canonical(projectRoot), "the project folder"), (canonical(content), "the content folder"),
            (canonical(templates), "the templates folder"), (home, "the home folder"), ("/", "the root folder"),
        ]
        for (path, what) in protected where target == path {
            return "refusing to write the site into \(what) (\(output)): choose a folder of its own such as public"
        }
        for (source, what) in [(canonical(content), "content"), (canonical(templates), "templates")] {
            if isAncestor(target, of: source) {
                return "refusing to write the site into \(output): it contains the \(what) folder"
            }
            if isAncestor(source, of: target) {
                return "refusing to write the site into \(output): it is inside the \(what) folder"
            }
        }
        return nil
    }

    static func isAncestor(_ folder: String, of path: String) -> Bool {
        folder == "/" ? path != "/" : path.hasPrefix(folder + "/")
    }

    /// Absolute path with symbolic links resolved as far as the path exists.
    static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var existing = (absolute as NSString).standardizingPath
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing), existing != "/" {
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        var resolved = ContentScanner.realPath(existing)
        for part in rest { resolved = resolved == "/" ? "/" + part : resolved + "/" + part }
        return resolved
    }
}
