import Foundation
import SiteSupport

/// Writes the files `init` and `new` make: each created afresh (never over an existing file, nor
/// through a symbolic link), all or none — when one cannot be written, the files and folders
/// already made are removed again, so an error leaves the disk as it was.
enum ScaffoldWriter {
    /// One file to create: its absolute path, the path to name it by in messages, and its text.
    struct File: Sendable, Equatable {
        var path: String
        var display: String
        var text: String
    }

    /// Creates every file, with the folders they need; on a failure, undoes what it did and
    /// returns the problem at the file it met it on.
    static func create(_ files: [File]) -> Diagnostic? {
        var madeFolders: [String] = []
        var madeFiles: [String] = []
        func undo() {
            for path in madeFiles.reversed() { unlink(path) }
            for path in madeFolders.reversed() { rmdir(path) }
        }
        for file in files {
            let folder = (file.path as NSString).deletingLastPathComponent
            if let problem = makeFolders(folder, made: &madeFolders) {
                undo()
                return .error(file.display, "cannot create folder \(problem)")
            }
            let descriptor = open(file.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                let reason = errno == EEXIST ? "already exists: not overwritten" : "cannot be written: " + String(cString: strerror(errno))
                undo()
                return .error(file.display, reason)
            }
            madeFiles.append(file.path)
            let written = writeAll(descriptor, Array(file.text.utf8))
            close(descriptor)
            if let written {
                undo()
                return .error(file.display, "cannot be written: \(written)")
            }
        }
        return nil
    }

    /// `mkdir -p`, remembering each folder it made (outermost first) so that `undo` can remove them.
    private static func makeFolders(_ folder: String, made: inout [String]) -> String? {
        var missing: [String] = []
        var current = folder
        var info = stat()
        while !current.isEmpty, current != "/", stat(current, &info) != 0 {
            missing.append(current)
            current = (current as NSString).deletingLastPathComponent
        }
        if !current.isEmpty, stat(current, &info) == 0, info.st_mode & S_IFMT != S_IFDIR {
            return "\(current): it is a file"
        }
        for path in missing.reversed() {
            guard mkdir(path, 0o755) == 0 else { return "\(path): \(String(cString: strerror(errno)))" }
            made.append(path)
        }
        return nil
    }

    /// Writes all of `bytes`; the reason when it cannot.
    private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> String? {
        let failure = FileDescriptorWrite.all(bytes, to: descriptor)
        return failure == 0 ? nil : String(cString: strerror(failure))
    }
}
