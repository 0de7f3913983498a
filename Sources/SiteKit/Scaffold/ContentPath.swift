import Foundation

/// A page path given to `sitegen new`, relative to the content folder, checked before anything is
/// read: it must name a `.md` file that a build would read and that stays inside the folder.
struct ContentPath: Sendable, Equatable {
    /// Why a path cannot name a new page, worded to follow the path in a message.
    struct Problem: Error, Equatable {
        var reason: String
    }

    /// The path's names, without empty and `.` parts: `["speakers", "li-ming.md"]`.
    var components: [String]

    var fileName: String { components.last ?? "" }
    var folders: ArraySlice<String> { components.dropLast() }
    var relative: String { components.joined(separator: "/") }

    /// The path split and checked; the reason it cannot name a new page otherwise, worded to
    /// follow the path in a message. `contentDisplay` is the content folder as the user sees it.
    static func parse(_ path: String, contentDisplay: String) -> Result<ContentPath, Problem> {
        let folder = contentDisplay + "/"
        if path.isEmpty { return .failure(Problem(reason: "no page path given: name the page inside \(folder), such as speakers/li-ming.md")) }
        if path.hasPrefix("/") {
            return .failure(Problem(reason: "is an absolute path: give the page's path inside \(folder), such as speakers/li-ming.md"))
        }
        let components = path.split(separator: "/").map(String.init).filter { $0 != "." }
        if components.contains("..") { return .failure(Problem(reason: "leads outside \(folder) ('..'): give a path inside it")) }
        if let hidden = components.first(where: { $0.hasPrefix(".") }) {
            return .failure(Problem(reason: "'\(hidden)' is hidden: a build skips names that start with '.'"))
        }
        guard let name = components.last, name.hasSuffix(".md"), name != ".md" else {
            return .failure(Problem(reason: "is not a Markdown file: a page's file name ends in .md, as in li-ming.md"))
        }
        if let problem = Slug.problem(Slug.fromFileName(Substring(name))) {
            return .failure(Problem(reason: "file name gives a bad slug: \(problem)"))
        }
        for component in components where component.unicodeScalars.contains(where: Slug.isInvisible) || component.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
            return .failure(Problem(reason: "'\(component)' must not contain control, invisible or bidirectional-control characters: it would look like another name"))
        }
        return .success(ContentPath(components: components))
    }

    /// Why the new file at this path, below `root`, would not stay inside it or cannot be made:
    /// a folder on the way that is a symbolic link leading out, a file where a folder should be,
    /// or a file (or link) already at the path. Nil when the path is free.
    func fileSystemProblem(root: String, contentDisplay: String) -> String? {
        let realRoot = SourceTree.realPath(root)
        func inside(_ real: String) -> Bool { real == realRoot || real.hasPrefix(realRoot == "/" ? "/" : realRoot + "/") }
        var current = root
        var shown = ""
        for folder in folders {
            current += "/" + folder
            shown = shown.isEmpty ? folder : shown + "/" + folder
            var link = stat()
            guard lstat(current, &link) == 0 else { return nil }
            if link.st_mode & S_IFMT == S_IFLNK {
                guard let real = ContentPath.resolved(current) else { return "'\(shown)' is a broken symbolic link" }
                guard inside(real) else {
                    return "'\(shown)' is a symbolic link that leads outside \(contentDisplay)/ (to '\(real)'): not followed"
                }
            }
            var info = stat()
            guard stat(current, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
                return "'\(shown)' is not a folder"
            }
        }
        var existing = stat()
        if lstat(current + "/" + fileName, &existing) == 0 { return "already exists: not overwritten" }
        return nil
    }

    /// The path with every link resolved; nil when it leads nowhere.
    static func resolved(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }
}
