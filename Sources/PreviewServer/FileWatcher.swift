/// Watches source folders and reports changed paths in batches, one batch per burst of saves.
public protocol FileWatcher: Sendable {
    /// Starts watching; `onChange` gets absolute paths of changed, added or removed files (or
    /// folders), called on the watcher's own thread.
    func start(onChange: @escaping @Sendable ([String]) -> Void) throws(WatchError)
    /// Stops watching; no batch is reported after it returns... except one already being reported.
    func stop()
}

/// How the server notices changes.
public enum WatchMode: Sendable, Equatable {
    /// inotify on Linux, polling elsewhere.
    case automatic
    /// Scan the folders at this interval (works everywhere, costs a scan per interval).
    case polling(interval: Duration)
}

/// Why watching could not start.
public struct WatchError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

public enum FileWatchers {
    /// The watcher for `mode` over `roots` (absolute folder paths), batching saves `debounce` apart.
    public static func make(roots: [String], mode: WatchMode, debounce: Duration) -> any FileWatcher {
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
