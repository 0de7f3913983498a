import CSystem
import Foundation

/// Writes the built site into a staging folder next to the output folder, then swaps it into place
/// in one step, so `public/` is either the old site or the new one, never half of each. Files whose
/// bytes did not change are hard-linked from the old output, keeping their modification times.
public enum OutputWriter {
    /// Marks a folder as sitegen's output, so a build never replaces a folder it did not write.
    static let marker = ".sitegen"
    static let stagingTag = ".sitegen-staging-"

    public struct Stats: Sendable, Equatable {
        public var written = 0
        public var unchanged = 0
    }

    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
    }

    public static func write(_ files: [OutputFile], to output: String) throws(WriteError) -> Stats {
        let output = output.hasSuffix("/") && output.count > 1 ? String(output.dropLast()) : output
        let parent = (output as NSString).deletingLastPathComponent.isEmpty ? "." : (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw WriteError(description: "cannot create folder \(parent): \(error.localizedDescription)")
        }
        removeLeftovers(in: parent, name: name)

        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            throw WriteError(description: "\(output) exists and is not a folder")
        }
        if exists, let entries = try? FileManager.default.contentsOfDirectory(atPath: output), !entries.isEmpty,
           !entries.contains(marker) {
            throw WriteError(description: "\(output) is a folder that sitegen did not write; move it away or choose another --output")
        }

        let staging = parent + "/." + name + stagingTag + String(getpid())
        try? FileManager.default.removeItem(atPath: staging)
        var stats = Stats()
        do {
            try makeFolder(staging)
            var made: Set<String> = [""]
            try writeFile(staging + "/" + marker, [])
            for file in files {
                let folder = SitePath.folder(of: file.path)
                if !made.contains(folder) {
                    try makeFolders(staging, folder, made: &made)
                }
                let target = staging + "/" + file.path
                if exists, sameBytes(atPath: output + "/" + file.path, as: file.bytes),
                   link(output + "/" + file.path, target) == 0 {
                    stats.unchanged += 1
                    continue
                }
                try writeFile(target, file.bytes)
                stats.written += 1
            }
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }

        if exists {
            guard sitegen_exchange_paths(staging, output) == 0 else {
                // No atomic exchange on this system: move the old folder aside, then the new one in.
                let old = parent + "/." + name + ".sitegen-old-" + String(getpid())
                guard rename(output, old) == 0 else {
                    try? FileManager.default.removeItem(atPath: staging)
                    throw WriteError(description: "cannot replace \(output): \(String(cString: strerror(errno)))")
                }
                guard rename(staging, output) == 0 else {
                    _ = rename(old, output)
                    try? FileManager.default.removeItem(atPath: staging)
                    throw WriteError(description: "cannot replace \(output): \(String(cString: strerror(errno)))")
                }
                try? FileManager.default.removeItem(atPath: old)
                return stats
            }
            // The staging path now holds the previous site.
            try? FileManager.default.removeItem(atPath: staging)
        } else if rename(staging, output) != 0 {
            try? FileManager.default.removeItem(atPath: staging)
            throw WriteError(description: "cannot move the new site into \(output): \(String(cString: strerror(errno)))")
        }
        return stats
    }

    /// Staging and old folders left by builds that were killed.
    static func removeLeftovers(in parent: String, name: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for entry in entries where entry.hasPrefix("." + name + stagingTag) || entry.hasPrefix("." + name + ".sitegen-old-") {
            try? FileManager.default.removeItem(atPath: parent + "/" + entry)
        }
    }

    static func makeFolder(_ path: String) throws(WriteError) {
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw WriteError(description: "cannot create folder \(path): \(String(cString: strerror(errno)))")
        }
    }

    static func makeFolders(_ root: String, _ folder: String, made: inout Set<String>) throws(WriteError) {
        var path = ""
        for part in folder.split(separator: "/") {
            path += part + "/"
            if made.insert(path).inserted { try makeFolder(root + "/" + path) }
        }
    }

    /// One `open`, as few `write`s as the kernel needs, one `close`; no fsync (see DESIGN.md).
    static func writeFile(_ path: String, _ bytes: [UInt8]) throws(WriteError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw WriteError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw WriteError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
            offset += count
        }
    }

    /// Whether the file at `path` holds exactly `bytes` (size checked first, so most changes cost one stat).
    static func sameBytes(atPath path: String, as bytes: [UInt8]) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        guard let existing = ContentScanner.readFile(path) else { return false }
        return existing == bytes
    }
}
