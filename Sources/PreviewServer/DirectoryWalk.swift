import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lists the folders and files below a root for the watchers, skipping hidden names (which the
/// build skips too) and never following symbolic links to folders.
enum DirectoryWalk {
    /// What a file looked like at a scan; any difference means it changed.
    struct Stamp: Equatable, Sendable {
        var modified: Int64
        var changed: Int64
        var size: Int64
        var inode: UInt64
        var isDirectory: Bool
    }

    /// Every file and folder below `root` (root included), by absolute path.
    static func stamps(under root: String) -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        guard let rootStamp = stamp(root) else { return result }
        result[root] = rootStamp
        guard rootStamp.isDirectory else { return result }
        var folders = [root]
        while let folder = folders.popLast() {
            for name in children(of: folder) {
                let path = folder + "/" + name
                guard let stamp = stamp(path) else { continue }
                result[path] = stamp
                if stamp.isDirectory { folders.append(path) }
            }
        }
        return result
    }

    /// `root` and every folder below it.
    static func folders(under root: String) -> [String] {
        stamps(under: root).filter(\.value.isDirectory).map(\.key).sorted()
    }

    /// Non-hidden names in a folder.
    static func children(of folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !isIgnored($0) }
    }

    /// Names the build skips: hidden files and folders (editors' swap and lock files among them).
    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".")
    }

    /// lstat of one path; nil when it does not exist.
    static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        let changed = Int64(info.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(info.st_ctimespec.tv_nsec)
        #else
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        let changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        #endif
        let isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
        return Stamp(modified: modified, changed: changed, size: Int64(info.st_size), inode: UInt64(info.st_ino), isDirectory: isDirectory)
    }
}
