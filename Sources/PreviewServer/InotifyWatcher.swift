#if os(Linux)
import Foundation
import Glibc

/// Watches folders with Linux inotify: one watch per folder (new subfolders are added as they
/// appear), events gathered until the burst is quiet (see `Debounce`), then reported as one batch.
final class InotifyWatcher: FileWatcher {
    private let roots: [String]
    private let debounce: Debounce
    /// Writing a byte here wakes the watcher thread so it stops.
    private let wake: (read: Int32, write: Int32)

    init(roots: [String], debounce: Debounce) {
        self.roots = roots
        self.debounce = debounce
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        }
        wake = (fds[0], fds[1])
    }

    func start(onChange: @escaping @Sendable ([String]) -> Void) throws(WatchError) {
        guard wake.read >= 0 else { throw WatchError(description: "cannot create a pipe: \(String(cString: strerror(errno)))") }
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { throw WatchError(description: "inotify_init1 failed: \(String(cString: strerror(errno)))") }
        var loop = InotifyLoop(fd: fd, wakeFD: wake.read, debounce: debounce, onChange: onChange)
        for root in roots { loop.addTree(root, report: false) }
        guard !loop.watches.isEmpty else {
            close(fd)
            throw WatchError(description: "none of \(roots.joined(separator: ", ")) can be watched")
        }
        let prepared = loop
        let thread = Thread {
            var loop = prepared
            loop.run()
        }
        thread.name = "sitegen-inotify"
        thread.start()
    }

    func stop() {
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
    }

    deinit {
        close(wake.read)
        close(wake.write)
    }
}

/// The watcher thread's state: the watch table and the batch being gathered. Lives on that thread only.
private struct InotifyLoop: Sendable {
    let fd: Int32
    let wakeFD: Int32
    let debounce: Debounce
    let onChange: @Sendable ([String]) -> Void
    /// Bursts longer than this are reported anyway, so a steady stream of writes still shows.
    let maximumDelay = Duration.milliseconds(500)
    var watches: [Int32: String] = [:]
    var pending: Set<String> = []
    /// Files modified or created and not yet closed: their save may not be complete.
    var writing: Set<String> = []
    var firstEvent = ContinuousClock.now
    var lastEvent = ContinuousClock.now

    static let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
                             | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

    init(fd: Int32, wakeFD: Int32, debounce: Debounce, onChange: @escaping @Sendable ([String]) -> Void) {
        self.fd = fd
        self.wakeFD = wakeFD
        self.debounce = debounce
        self.onChange = onChange
    }

    /// Watches `root` and the folders below it; with `report`, their files count as changed (they
    /// may have been written before the watch existed).
    mutating func addTree(_ root: String, report: Bool) {
        for (path, stamp) in DirectoryWalk.stamps(under: root) {
            if stamp.isDirectory {
                let wd = inotify_add_watch(fd, path, Self.mask)
                if wd >= 0 { watches[wd] = path }
            } else if report {
                note(path)
            }
        }
    }

    /// Drops the watches of a folder that was removed or moved away, and of the folders below it.
    mutating func removeTree(_ root: String) {
        for (wd, path) in watches where path == root || path.hasPrefix(root + "/") {
            inotify_rm_watch(fd, wd)
            watches[wd] = nil
        }
    }

    mutating func note(_ path: String) {
        let now = ContinuousClock.now
        if pending.isEmpty { firstEvent = now }
        lastEvent = now
        pending.insert(path)
    }

    mutating func run() {
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: wakeFD, events: Int16(POLLIN), revents: 0)]
            let result = poll(&fds, 2, timeout())
            if result < 0 && errno != EINTR { return }
            if fds[1].revents != 0 { return }
            if fds[0].revents & Int16(POLLIN) != 0 { readEvents(&buffer) }
            flushIfQuiet()
        }
    }

    /// Milliseconds poll may sleep: until the batch is due, or forever when nothing is pending.
    func timeout() -> Int32 {
        guard !pending.isEmpty else { return -1 }
        let due = min(lastEvent + quietTime, firstEvent + maximumDelay)
        let left = due - ContinuousClock.now
        let ms = left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000
        return Int32(clamping: max(0, ms + 1))
    }

    var quietTime: Duration {
        writing.isEmpty ? debounce.afterSaves : debounce.whileWriting
    }

    mutating func flushIfQuiet() {
        guard !pending.isEmpty else { return }
        let now = ContinuousClock.now
        guard now - lastEvent >= quietTime || now - firstEvent >= maximumDelay else { return }
        let batch = pending.sorted()
        pending = []
        onChange(batch)
    }

    mutating func readEvents(_ buffer: inout [UInt8]) {
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let (wd, mask, nameLength) = buffer.withUnsafeBytes { raw in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameBytes = buffer[(offset + header)..<min(count, offset + header + nameLength)].prefix { $0 != 0 }
                handle(wd: wd, mask: mask, name: String(decoding: nameBytes, as: UTF8.self))
                offset += header + nameLength
            }
        }
    }

    mutating func handle(wd: Int32, mask: UInt32, name: String) {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost: say every watched root changed.
            for path in Set(watches.values) where !watches.values.contains(where: { path.hasPrefix($0 + "/") }) { note(path) }
            return
        }
        guard let folder = watches[wd] else { return }
        if mask & UInt32(IN_IGNORED) != 0 {
            watches[wd] = nil
            return
        }
        if name.isEmpty {
            // The watched folder itself was deleted or moved.
            if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 { note(folder) }
            return
        }
        guard !DirectoryWalk.isIgnored(name) else { return }
        let path = folder + "/" + name
        if mask & UInt32(IN_ISDIR) != 0 {
            if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                addTree(path, report: true)
                note(path)
            } else if mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 {
                removeTree(path)
                note(path)
            }
            return
        }
        if mask & UInt32(IN_MODIFY | IN_CREATE) != 0 {
            writing.insert(path)
        } else if mask & UInt32(IN_CLOSE_WRITE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO) != 0 {
            writing.remove(path)
        }
        note(path)
    }
}
#endif
