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
        let read = Parallel.map(found) { relative -> SourceFile? in
            readFile(root + "/" + relative).map { SourceFile(relativePath: relative, displayPath: join(displayRoot, relative), bytes: $0) }
        }
        var files: [SourceFile] = []
        files.reserveCapacity(read.count)
        for (relative, file) in zip(found, read) {
            if let file { files.append(file) } else { diagnostics.append(.error(join(displayRoot, relative), "cannot read file")) }
        }
        return (files, diagnostics)
    }

    /// The paths (inside the content folder) of every `.md` file below `root`, sorted, without
    /// reading them; and the problems met on the way.
    static func list(root: String, displayRoot: String) -> ([String], [Diagnostic]) {
        var found: [String] = []
        var diagnostics: [Diagnostic] = []
        var ancestors: [String] = []

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
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                    diagnostics.append(.error(join(displayRoot, childRelative), "broken symbolic link"))
                    continue
                }
                if isDirectory.boolValue {
                    visit(path, relative: childRelative)
                } else if name.hasSuffix(".md") {
                    found.append(childRelative)
                }
            }
        }
        visit(root, relative: "")
        return (found, diagnostics)
    }

    static func join(_ folder: String, _ name: String) -> String {
        if name.isEmpty { return folder }
        if folder.isEmpty || folder == "." { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Reads a whole file with POSIX calls; nil when it cannot be opened or read.
    static func readFile(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: [UInt8](repeating: 0, count: 4096)) }
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            filled += count
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }
}
