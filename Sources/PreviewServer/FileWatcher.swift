/// Watches source folders and reports changed paths in batches, one batch per burst of saves.
public protocol FileWatcher: Sendable {
    /// Starts watching; `onChange` gets absolute paths of changed, added or removed files (or
    /// folders), called on the watcher's own thread.
    func start(onChange: @escaping @Sendable ([String]) -> Void) throws(WatchError)
    /// Stops watching (the watcher's thread ends soon after; a batch being reported still arrives).
    func stop()
}

/// How the server notices changes.
public enum WatchMode: Sendable, Equatable {
    /// inotify on Linux, polling elsewhere.
    case automatic
    /// Scan the folders at this interval (works everywhere, costs a scan per interval).
    case polling(interval: Duration)
}

/// How long a burst of file events must be quiet before it is reported as one batch.
public struct Debounce: Sendable, Equatable {
    /// Quiet time while some file of the burst may still be being written (modified, not yet closed).
    public var whileWriting: Duration
    /// Quiet time when every file of the burst was closed, renamed into place or removed: the save
    /// is complete, so only a multi-file save (save all, a checkout) needs waiting for.
    public var afterSaves: Duration

    public init(whileWriting: Duration, afterSaves: Duration) {
        self.whileWriting = whileWriting
        self.afterSaves = afterSaves
    }

    /// 50 ms while writing, 10 ms after complete saves.
    public static let standard = Debounce(whileWriting: .milliseconds(50), afterSaves: .milliseconds(10))
}

/// Why watching could not start.
public struct WatchError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

public enum FileWatchers {
    /// The watcher for `mode` over `roots` (absolute folder paths), batching bursts of saves by `debounce`.
    public static func make(roots: [String], mode: WatchMode, debounce: Debounce) -> any FileWatcher {
        switch mode {
        case .polling(let interval):
            return PollingWatcher(roots: roots, interval: interval)
        case .automatic:
            #if os(Linux)
            return InotifyWatcher(roots: roots, debounce: debounce)
            #else
            return PollingWatcher(roots: roots, interval: .milliseconds(250))
            #endif
        }
    }
}
