import Foundation

/// Lists the files of a source folder (`Content/`, `Templates/`) the way a build may read them:
/// hidden names skipped, and symbolic links followed only while they stay inside the folder. A link
/// that leads outside is an error at the link, naming where it points; nothing behind it is
/// listed or read, so a pull request cannot publish `/etc` or a home folder through a link.
enum SourceTree {
    /// The paths (relative to `root`) of the files below it that `accept` takes, sorted, and the
    /// problems met on the way (links leading outside, broken links, link loops, unreadable folders).
    static func list(root: String, displayRoot: String, accept: (String) -> Bool) -> ([String], [Diagnostic]) {
        var found: [String] = []
        var diagnostics: [Diagnostic] = []
        let realRoot = realPath(root)
        var ancestors: [String] = []

        func inside(_ real: String) -> Bool { real == realRoot || real.hasPrefix(realRoot == "/" ? "/" : realRoot + "/") }

        func visit(_ folder: String, relative: String) {
            let real = realPath(folder)
            if ancestors.contains(real) {
                diagnostics.append(.error(join(displayRoot, relative), "symbolic link loop: '\(relative)' leads back to a folder that contains it"))
                return
            }
            ancestors.append(real)
            defer { ancestors.removeLast() }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            } catch {
                diagnostics.append(.error(join(displayRoot, relative), "cannot read folder: \(error.localizedDescription)"))
                return
            }
            for name in names where !name.hasPrefix(".") {
                let path = folder + "/" + name
                let childRelative = relative.isEmpty ? name : relative + "/" + name
                let display = join(displayRoot, childRelative)
                var link = stat()
                guard lstat(path, &link) == 0 else {
                    diagnostics.append(.error(display, "cannot read: \(String(cString: strerror(errno)))"))
                    continue
                }
                var info = link
                if link.st_mode & S_IFMT == S_IFLNK {
                    let target = linkTarget(path)
                    guard let resolved = realpathIfExists(path) else {
                        diagnostics.append(.error(display, "broken symbolic link (to '\(target)')"))
                        continue
                    }
                    guard inside(resolved) else {
                        diagnostics.append(.error(display, "symbolic link leads outside \(displayRoot) (to '\(target)'): not followed"))
                        continue
                    }
                    guard stat(path, &info) == 0 else {
                        diagnostics.append(.error(display, "broken symbolic link (to '\(target)')"))
                        continue
                    }
                }
                if info.st_mode & S_IFMT == S_IFDIR {
                    visit(path, relative: childRelative)
                } else if accept(childRelative) {
                    found.append(childRelative)
                }
            }
        }
        visit(root, relative: "")
        return (found, diagnostics)
    }

    /// Whether `path` (below `root`) may be read without listing the tree again: nothing is
    /// there (a removal), or it resolves, every link on the way followed, inside `root`. A broken
    /// link is not: listing reports it.
    static func resolvesInside(root: String, _ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return true }
        guard let resolved = realpathIfExists(path) else { return false }
        let realRoot = realPath(root)
        return resolved == realRoot || resolved.hasPrefix(realRoot == "/" ? "/" : realRoot + "/")
    }

    static func join(_ folder: String, _ name: String) -> String {
        if name.isEmpty { return folder }
        if folder.isEmpty || folder == "." { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The path with every link resolved; the path itself when it cannot be resolved.
    static func realPath(_ path: String) -> String {
        realpathIfExists(path) ?? path
    }

    private static func realpathIfExists(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// What a symbolic link says, as written in it.
    private static func linkTarget(_ path: String) -> String {
        var buffer = [CChar](repeating: 0, count: 4097)
        let count = readlink(path, &buffer, 4096)
        guard count >= 0 else { return "?" }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
