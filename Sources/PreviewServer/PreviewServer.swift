import FlyingFox
import FlyingSocks
import Foundation
import SiteKit

/// `sitegen serve`: builds the site in memory, serves it over HTTP, rebuilds when sources change
/// and tells open pages to reload. A failed rebuild keeps the last good build on the air and shows
/// its errors in the terminal and in the browser.
public actor PreviewServer {
    private let options: PreviewOptions
    private let console: PreviewConsole
    private let state = PreviewState()
    private let worker: BuildWorker
    private let changes = ChangeQueue()
    private var http: HTTPServer?
    /// The TCP front that checks request heads before FlyingFox reads them.
    private var gate: RequestGate?
    /// The private folder holding the HTTP server's Unix socket.
    private var socketFolder: String?
    private var watcher: (any FileWatcher)?
    private var rebuildTask: Task<Void, Never>?
    /// Makes the site-wide files of the last rebuild (see `BuildWorker.completeDeferred`).
    private var siteWideTask: Task<Void, Never>?
    private var started = false
    private var stopped = false
    private var stopWaiters: [CheckedContinuation<Void, Never>] = []

    /// A server for `options`.
    public init(options: PreviewOptions, console: PreviewConsole = .standard) {
        self.options = options
        self.console = console
        worker = BuildWorker(options: options.build)
    }

    /// Builds, starts listening (on the next port when one is taken) and starts watching.
    /// Returns where the site is served. Build errors do not fail it: they are shown until fixed.
    public func start() async throws(PreviewError) -> PreviewAddress {
        guard !started else { throw PreviewError("the server was already started") }
        started = true
        guard let listen = ListenAddress(host: options.host) else {
            throw PreviewError("--host '\(options.host)' is not an IPv4 or IPv6 address or localhost")
        }
        if !listen.isLoopback {
            console.error("warning: listening on \(options.host), which other machines can reach: anyone on the network can see the preview. "
                + "Use --host 127.0.0.1 to keep it on this machine.")
        }
        // Watching starts first, so saves made during the first build are rebuilt right after it.
        do throws(WatchError) {
            let watcher = FileWatchers.make(roots: watchedRoots(), mode: options.watchMode, debounce: options.debounce)
            let changes = changes
            try watcher.start { changes.add($0) }
            self.watcher = watcher
        } catch {
            throw PreviewError("cannot watch the sources: \(error.description)")
        }
        let first = await worker.build()
        await record(first, changed: [])
        let port: UInt16
        do {
            port = try await bind(listen)
        } catch {
            await stop()
            throw error
        }
        rebuildTask = Task { await self.rebuildLoop() }
        let address = PreviewAddress(url: listen.url(port: port), port: port)
        console.info("Serving \(address.url) (watching \(watchedRoots().map(display).joined(separator: " and ")); Ctrl-C to stop)")
        return address
    }

    /// Stops watching, closes the event sockets and the listening socket, and lets responses finish (0.25 s at most).
    public func stop() async {
        guard !stopped else { return }
        stopped = true
        watcher?.stop()
        changes.finish()
        rebuildTask?.cancel()
        siteWideTask?.cancel()
        await state.closeAll()
        // FlyingFox cannot wake its accept loop once the socket is closed, so it always waits for the
        // timeout before cancelling; a quarter second is ample for the responses still being sent.
        gate?.stop()
        await http?.stop(timeout: 0.25)
        if let socketFolder { try? FileManager.default.removeItem(atPath: socketFolder) }
        for waiter in stopWaiters { waiter.resume() }
        stopWaiters = []
    }

    /// Returns once `stop()` has run.
    public func waitUntilStopped() async {
        guard !stopped else { return }
        await withCheckedContinuation { stopWaiters.append($0) }
    }

    /// Serves until SIGINT (Ctrl-C) or SIGTERM, then stops cleanly. A second signal ends the process at once.
    public func runUntilInterrupted() async {
        let trap = SignalTrap { [weak self] in
            guard let self else { return }
            Task { await self.stop() }
        }
        await waitUntilStopped()
        trap.cancel()
        console.info("Stopped.")
    }

    /// The status the browser sees now (for tests and tools).
    public var status: BuildStatus {
        get async { await state.snapshot.status }
    }

    // MARK: - Building

    private func rebuildLoop() async {
        for await _ in changes.wakes {
            let paths = changes.takeAll()
            guard !paths.isEmpty, !stopped else { continue }
            let result = await worker.rebuild(changed: paths)
            await record(result, changed: paths)
            // The pages are out and open pages reload; then the site-wide files catch up, while
            // the next save is already being rebuilt.
            if result.outcome.report.succeeded, !stopped, let work = result.deferred {
                let (worker, state, delay) = (worker, state, options.siteWideDelay)
                siteWideTask = Task {
                    if let (files, version) = await worker.completeDeferred(work, after: delay) {
                        await state.update(files: files, version: version)
                    }
                }
            }
        }
    }

    /// Publishes a build to the browser and prints what happened.
    private func record(_ result: BuildWorker.Result, changed: [String]) async {
        guard !stopped else { return }
        let report = result.outcome.report
        let text = formatter.report(report.diagnostics)
        if report.succeeded {
            if !text.isEmpty { console.error(text) }
            await state.publish(files: result.outputs, changed: !result.outcome.changedOutputs.isEmpty, version: result.version)
        } else {
            console.error(text)
            let count = report.diagnostics.errorCount + (report.warningsAreErrors ? report.diagnostics.warningCount : 0)
            await state.fail(errors: text, count: count)
        }
        console.info(RebuildSummary.line(result, changed: changed.map(display), hasGoodBuild: !result.outputs.isEmpty))
        if options.showTimings { console.info(RebuildSummary.timings(report)) }
    }

    /// Quotes source lines from the project folder, whatever the process's current folder is.
    private var formatter: DiagnosticFormatter {
        let root = options.build.workingDirectory
        return DiagnosticFormatter { path in DiagnosticFormatter.readFile(path.hasPrefix("/") ? path : root + "/" + path) }
    }

    private func watchedRoots() -> [String] {
        // Spelled as the builder spells them, so it recognises the paths it is given.
        [options.build.contentDir, options.build.templatesDir].map(options.build.absolute)
    }

    /// A path as the user reads it: relative to the project folder when inside it.
    private func display(_ path: String) -> String { options.build.display(path) }

    // MARK: - Listening

    /// Starts the HTTP server on a Unix socket in a private folder, then the `RequestGate` in
    /// front of it on the first free port from `options.port`; returns the port.
    private func bind(_ listen: ListenAddress) async throws(PreviewError) -> UInt16 {
        let handler = SiteRequestHandler(state: state, loopbackOnly: listen.isLoopback)
        var template = Array("/tmp/sitegen-serve-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw PreviewError("cannot make a folder for the server's socket: \(String(cString: strerror(errno)))")
        }
        let folder = String(cString: made)
        socketFolder = folder
        let socketPath = folder + "/http.sock"
        let server = HTTPServer(address: sockaddr_un.unix(path: socketPath), timeout: 15, logger: .disabled, handler: handler)
        if case .failure(let error) = await Self.listen(server) {
            throw PreviewError("cannot start the HTTP server: \(error.localizedDescription)")
        }
        http = server
        let attempts = options.port == 0 ? 1 : max(1, min(options.portAttempts, Int(UInt16.max - options.port) + 1))
        for attempt in 0..<attempts {
            let port = options.port + UInt16(attempt)
            do {
                let gate = try RequestGate(address: listen, port: port, upstream: socketPath, handler: handler)
                gate.start()
                self.gate = gate
                return gate.port
            } catch where error.code == EADDRINUSE && attempt + 1 < attempts {
                console.info("Port \(port) is in use; trying \(port + 1).")
            } catch where error.code == EADDRINUSE {
                throw PreviewError("ports \(options.port)–\(port) are all in use; choose another with --port")
            } catch {
                throw PreviewError("cannot listen on \(options.host) port \(port): \(error.description)")
            }
        }
        throw PreviewError("cannot listen on \(options.host)")
    }

    private enum ListenEvent: Sendable {
        case listening
        case ended((any Error)?)
    }

    /// Runs `server` in a task of its own and waits until it listens or fails to.
    private static func listen(_ server: HTTPServer) async -> Result<Void, any Error> {
        let (events, continuation) = AsyncStream.makeStream(of: ListenEvent.self)
        Task {
            do {
                try await server.run()
                continuation.yield(.ended(nil))
            } catch {
                continuation.yield(.ended(error))
            }
            continuation.finish()
        }
        let waiter = Task {
            do {
                try await server.waitUntilListening(timeout: 10)
                continuation.yield(.listening)
            } catch {
                continuation.yield(.ended(error))
            }
        }
        var iterator = events.makeAsyncIterator()
        let first = await iterator.next()
        waiter.cancel()
        switch first {
        case .listening?: return .success(())
        case .ended(let error?)?: return .failure(error)
        case .ended(nil)?, nil: return .failure(SocketError.disconnected)
        }
    }
}

/// Where the preview is served.
public struct PreviewAddress: Sendable, Equatable {
    /// The URL to open, e.g. `http://127.0.0.1:8080/`.
    public var url: String
    /// The port actually bound (differs from `--port` when that one was taken, or was 0).
    public var port: UInt16
}

/// Why the preview could not start.
public struct PreviewError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
