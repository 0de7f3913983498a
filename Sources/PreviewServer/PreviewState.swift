/// Holds the snapshot being served and the open event sockets, and tells them about new builds.
actor PreviewState {
    /// One open event socket: how to send it a status and how to close it.
    struct Subscriber: Sendable {
        var send: @Sendable (BuildStatus) -> Void
        var finish: @Sendable () -> Void
    }

    private(set) var snapshot: SiteSnapshot
    private var generation = 0
    private let instance: String
    private var subscribers: [Int: Subscriber] = [:]
    private var nextSubscriber = 0
    private var closed = false
    /// The builder's version of the files being served (see `BuildWorker.Result.version`).
    private var filesVersion = Int.min

    init() {
        snapshot = SiteSnapshot(files: [:], status: BuildStatus(build: "", errors: "", errorCount: 0))
        // Distinguishes this server's builds from those of an earlier run, so pages reload after a restart.
        instance = String(UInt32.random(in: 0...UInt32.max), radix: 36)
    }

    /// A good build: serve `files`; a new build id when `changed` (so open pages reload).
    /// `version` orders file sets: files older than those served are not taken.
    func publish(files: [String: [UInt8]], changed: Bool, version: Int = .max) {
        if changed || snapshot.status.build.isEmpty {
            generation += 1
            snapshot.status.build = "\(instance)-\(generation)"
        }
        update(files: files, version: version)
        snapshot.status.errors = ""
        snapshot.status.errorCount = 0
        broadcast()
    }

    /// Serves `files` (site-wide files made after the pages) without a reload or a change of
    /// status, unless newer files are served already.
    func update(files: [String: [UInt8]], version: Int) {
        guard version >= filesVersion else { return }
        snapshot.files = files
        filesVersion = version
    }

    /// A failed build: keep serving the last good files, report `errors`.
    func fail(errors: String, count: Int) {
        snapshot.status.errors = errors
        snapshot.status.errorCount = count
        broadcast()
    }

    /// Registers an event socket; it gets the current status at once. Returns its id, or nil after shutdown.
    func subscribe(_ subscriber: Subscriber) -> Int? {
        guard !closed else { return nil }
        nextSubscriber += 1
        subscribers[nextSubscriber] = subscriber
        subscriber.send(snapshot.status)
        return nextSubscriber
    }

    func unsubscribe(_ id: Int) {
        subscribers[id] = nil
    }

    var subscriberCount: Int { subscribers.count }

    /// Closes every event socket and refuses new ones (shutdown).
    func closeAll() {
        closed = true
        for subscriber in subscribers.values { subscriber.finish() }
        subscribers = [:]
    }

    private func broadcast() {
        for subscriber in subscribers.values { subscriber.send(snapshot.status) }
    }
}
