import Dispatch
import Foundation

/// Finds changes by scanning the folders at an interval and comparing each file's size, times and
/// inode: the fallback where no change notification API is used. One batch per scan that differs.
final class PollingWatcher: FileWatcher {
    private let roots: [String]
    private let interval: Duration
    private let stopSignal = DispatchSemaphore(value: 0)

    init(roots: [String], interval: Duration) {
        self.roots = roots
        self.interval = interval
    }

    func start(onChange: @escaping @Sendable ([String]) -> Void) throws(WatchError) {
        let roots = roots
        let wait = DispatchTimeInterval.nanoseconds(Int(interval.components.seconds) * 1_000_000_000
                                                    + Int(interval.components.attoseconds / 1_000_000_000))
        let stopSignal = stopSignal
        let first = Self.scan(roots)
        let thread = Thread {
            var previous = first
            while stopSignal.wait(timeout: .now() + wait) == .timedOut {
                let current = Self.scan(roots)
                let changed = Self.changes(from: previous, to: current)
                previous = current
                if !changed.isEmpty { onChange(changed) }
            }
        }
        thread.name = "sitegen-poll"
        thread.start()
    }

    func stop() {
        stopSignal.signal()
    }

    static func scan(_ roots: [String]) -> [String: DirectoryWalk.Stamp] {
        roots.reduce(into: [:]) { result, root in result.merge(DirectoryWalk.stamps(under: root)) { first, _ in first } }
    }

    /// Files that changed, appeared or disappeared, and folders that appeared or disappeared
    /// (a folder's own times change with its entries, which are reported themselves).
    static func changes(from old: [String: DirectoryWalk.Stamp], to new: [String: DirectoryWalk.Stamp]) -> [String] {
        var changed: [String] = []
        for (path, stamp) in new {
            guard let before = old[path] else { changed.append(path); continue }
            if !stamp.isDirectory && stamp != before { changed.append(path) }
        }
        for path in old.keys where new[path] == nil { changed.append(path) }
        return changed.sorted()
    }
}
