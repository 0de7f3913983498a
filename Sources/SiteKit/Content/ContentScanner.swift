import Foundation
import SiteSupport

/// Finds and reads the Markdown files under the content folder.
enum ContentScanner {
    /// Every `.md` file below `root` (hidden files and folders skipped), sorted by path, and the
    /// problems met on the way (unreadable files, symbolic link loops).
    static func scan(root: String, displayRoot: String) -> ([SourceFile], [Diagnostic]) {
        let (found, listDiagnostics) = list(root: root, displayRoot: displayRoot)
        var diagnostics = listDiagnostics
        // Reading is the slow part on a cold disk: all cores at once.
        let read = Parallel.map(found) { relative in
            InputFile.read(root + "/" + relative).map { SourceFile(relativePath: relative, displayPath: join(displayRoot, relative), bytes: $0) }
        }
        var files: [SourceFile] = []
        files.reserveCapacity(read.count)
        for (relative, file) in zip(found, read) {
            switch file {
            case .success(let file): files.append(file)
            case .failure(let problem): diagnostics.append(.error(join(displayRoot, relative), "file \(problem)"))
            }
        }
        return (files, diagnostics)
    }

    /// The paths (inside the content folder) of every `.md` file below `root` but in the data
    /// folder (`SiteData.folder`), sorted, without
    /// reading them; and the problems met on the way (see `SourceTree`).
    static func list(root: String, displayRoot: String) -> ([String], [Diagnostic]) {
        SourceTree.list(root: root, displayRoot: displayRoot) { $0.hasSuffix(".md") && !SiteData.contains($0) }
    }

    static func join(_ folder: String, _ name: String) -> String { SourceTree.join(folder, name) }

    static func realPath(_ path: String) -> String { SourceTree.realPath(path) }

    /// Reads a whole input file (see `InputFile`); nil when it cannot be read as one.
    static func readFile(_ path: String) -> [UInt8]? {
        try? InputFile.read(path).get()
    }
}
