import CSystem
import Foundation
import SiteSupport

/// Writes the built site into a staging folder next to the output folder, then swaps it into place
/// in one step, so `public/` is either the old site or the new one, never half of each. Files whose
/// bytes did not change are hard-linked from the old output, keeping their modification times.
/// Pages are written as soon as they are rendered (from any thread), so a build never holds the
/// whole site in memory.
public final class StagingFolder: @unchecked Sendable {
    /// Marks a folder as sitegen's output, so a build never replaces a folder it did not write.
    static let marker = ".sitegen"
    static let stagingTag = ".sitegen-staging-"

    public struct Stats: Sendable, Equatable {
        public var written = 0
        public var unchanged = 0

        public init(written: Int = 0, unchanged: Int = 0) {
            self.written = written
            self.unchanged = unchanged
        }
    }

    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
    }

    let output: String
    let path: String
    private let parent: String
    private let name: String
    private let outputExists: Bool
    private let lock = NSLock()
    private var madeFolders: Set<String> = [""]
    private var stats = Stats()
    private var finished = false
    private let outputLock: OutputLock

    /// How a build that finds another one writing the same output behaves.
    public enum Waiting: Sendable {
        /// Waits for it, after saying so once through `notice`.
        case wait(notice: @Sendable (String) -> Void)
        /// Fails at once, naming the other build's process.
        case fail
    }

    /// Takes the output's lock (see `OutputLock`), checks the output folder and creates an empty
    /// staging folder beside it. An output that is a symbolic link to a folder is built into the
    /// folder it points to (the link stays); one that points nowhere is refused.
    public init(output: String, display: String? = nil, waiting: Waiting = .fail) throws(WriteError) {
        var output = output.hasSuffix("/") && output.count > 1 ? String(output.dropLast()) : output
        let shown = display ?? output
        var link = stat()
        if lstat(output, &link) == 0, link.st_mode & S_IFMT == S_IFLNK {
            let resolved = ContentScanner.realPath(output)
            var target = stat()
            guard resolved != output, stat(resolved, &target) == 0, target.st_mode & S_IFMT == S_IFDIR else {
                throw WriteError(description: "\(shown) is a symbolic link that does not lead to a folder: make it point at one, or remove it")
            }
            output = resolved
        }
        let parentPath = (output as NSString).deletingLastPathComponent
        parent = parentPath.isEmpty ? "." : parentPath
        name = (output as NSString).lastPathComponent
        self.output = output
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw WriteError(description: "cannot create folder \(parent): \(error.localizedDescription)")
        }
        switch waiting {
        case .fail: outputLock = try OutputLock(parent: parent, name: name, display: shown, wait: false, notice: { _ in })
        case .wait(let notice): outputLock = try OutputLock(parent: parent, name: name, display: shown, wait: true, notice: notice)
        }
        // Under the lock, staging folders left here belong to builds that were killed.
        StagingFolder.removeLeftovers(in: parent, name: name)
        var isDirectory: ObjCBool = false
        outputExists = FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory)
        if outputExists && !isDirectory.boolValue {
            throw WriteError(description: "\(output) exists and is not a folder")
        }
        if outputExists, let entries = try? FileManager.default.contentsOfDirectory(atPath: output), !entries.isEmpty,
           !entries.contains(StagingFolder.marker) {
            throw WriteError(description: "\(output) is a folder that sitegen did not write; move it away or choose another --output")
        }
        path = parent + "/." + name + StagingFolder.stagingTag + String(getpid())
        try? FileManager.default.removeItem(atPath: path)
        try StagingFolder.makeFolder(path)
        try StagingFolder.writeFile(path + "/" + StagingFolder.marker, [])
    }

    deinit {
        if !finished { try? FileManager.default.removeItem(atPath: path) }
        outputLock.release()
    }

    /// Writes one file into the staging folder (hard-linking the old copy when the bytes match).
    /// Safe to call from several threads at once.
    public func write(_ file: OutputFile) throws(WriteError) {
        let folder = SitePath.folder(of: file.path)
        lock.lock()
        let needsFolder = !madeFolders.contains(folder)
        lock.unlock()
        if needsFolder { try makeFolders(folder) }
        let target = path + "/" + file.path
        if outputExists, StagingFolder.sameBytes(atPath: output + "/" + file.path, as: file.bytes),
           link(output + "/" + file.path, target) == 0 {
            lock.lock()
            stats.unchanged += 1
            lock.unlock()
            return
        }
        try StagingFolder.writeFile(target, file.bytes)
        lock.lock()
        stats.written += 1
        lock.unlock()
    }

    /// Puts the staged site in place of the output folder and removes the old one.
    public func commit() throws(WriteError) -> Stats {
        finished = true
        defer { outputLock.release() }
        if outputExists {
            guard sitegen_exchange_paths(path, output) == 0 else {
                // No atomic exchange on this system: move the old folder aside, then the new one in.
                let old = parent + "/." + name + ".sitegen-old-" + String(getpid())
                guard rename(output, old) == 0 else {
                    discard()
                    throw WriteError(description: "cannot replace \(output): \(String(cString: strerror(errno)))")
                }
                guard rename(path, output) == 0 else {
                    _ = rename(old, output)
                    discard()
                    throw WriteError(description: "cannot replace \(output): \(String(cString: strerror(errno)))")
                }
                try? FileManager.default.removeItem(atPath: old)
                return stats
            }
            // The staging path now holds the previous site.
            try? FileManager.default.removeItem(atPath: path)
        } else if rename(path, output) != 0 {
            discard()
            throw WriteError(description: "cannot move the new site into \(output): \(String(cString: strerror(errno)))")
        }
        return stats
    }

    /// Removes the staging folder, leaving the output folder as it was.
    public func discard() {
        finished = true
        try? FileManager.default.removeItem(atPath: path)
        outputLock.release()
    }

    /// Staging and old folders left by builds that were killed.
    static func removeLeftovers(in parent: String, name: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for entry in entries where entry.hasPrefix("." + name + stagingTag) || entry.hasPrefix("." + name + ".sitegen-old-") {
            try? FileManager.default.removeItem(atPath: parent + "/" + entry)
        }
    }

    private func makeFolders(_ folder: String) throws(WriteError) {
        var partial = ""
        for part in folder.slashSeparated {
            partial += part + "/"
            lock.lock()
            let made = madeFolders.contains(partial)
            lock.unlock()
            if made { continue }
            try StagingFolder.makeFolder(path + "/" + partial)
            lock.lock()
            madeFolders.insert(partial)
            lock.unlock()
        }
    }

    static func makeFolder(_ path: String) throws(WriteError) {
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw WriteError(description: "cannot create folder \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// One `open`, as few `write`s as the kernel needs, one `close`; no fsync (see DESIGN.md).
    static func writeFile(_ path: String, _ bytes: [UInt8]) throws(WriteError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw WriteError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let failure = FileDescriptorWrite.all(bytes, to: descriptor)
        if failure != 0 { throw WriteError(description: "cannot write \(path): \(String(cString: strerror(failure)))") }
    }

    /// Whether the file at `path` holds exactly `bytes` (size checked first, so most changes cost one stat).
    static func sameBytes(atPath path: String, as bytes: [UInt8]) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        guard let existing = ContentScanner.readFile(path) else { return false }
        return existing == bytes
    }
}

/// Writes a whole site at once through a `StagingFolder`.
public enum OutputWriter {
    public typealias Stats = StagingFolder.Stats
    public typealias WriteError = StagingFolder.WriteError

    public static func write(_ files: [OutputFile], to output: String) throws(WriteError) -> Stats {
        let staging = try StagingFolder(output: output)
        do {
            for file in files { try staging.write(file) }
        } catch {
            staging.discard()
            throw error
        }
        return try staging.commit()
    }
}
