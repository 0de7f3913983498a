import Dispatch
import Foundation
import SiteKit

/// Runs the builder on a serial queue of its own, off Swift's cooperative threads, so pages keep
/// being served while a rebuild renders on every core. What a rebuild leaves for later (search
/// index, sitemap, feed) is made on a second queue, so a save arriving meanwhile is rebuilt at
/// once; a newer rebuild makes such work stale, and stale work is skipped or dropped.
final class BuildWorker: @unchecked Sendable {
    /// One build: what the builder said, the files of the last good build, and the time it took.
    struct Result: Sendable {
        var outcome: RebuildOutcome
        var outputs: [String: [UInt8]]
        var duration: Duration
        /// Orders the files this worker hands out: higher is newer.
        var sequence = 0
        /// What the build left for later (search index, sitemap, feed), for `completeDeferred`.
        var deferred: DeferredFiles? = nil
    }

    private let queue = DispatchQueue(label: "sitegen.preview.build", qos: .userInitiated)
    private let siteWideQueue = DispatchQueue(label: "sitegen.preview.site-wide", qos: .utility)
    private let options: BuildOptions
    private let make: @Sendable (BuildOptions) -> any SiteRebuilding
    /// Created and used on `queue` only.
    private var builder: (any SiteRebuilding)?
    /// Counts the file sets handed out; used on `queue` only.
    private var sequence = 0
    /// The generation of deferred files the builder wants now: set on `queue`, read on `siteWideQueue`.
    private let wantedGeneration = LockedInt()

    init(options: BuildOptions, make: @escaping @Sendable (BuildOptions) -> any SiteRebuilding) {
        self.options = options
        self.make = make
    }

    /// The first, full build.
    func build() async -> Result {
        await run { $0.build() }
    }

    /// A rebuild after `changed` (absolute paths).
    func rebuild(changed: [String]) async -> Result {
        await run { $0.rebuild(changed: changed) }
    }

    /// Makes the files a rebuild left for later (`work`) off the build queue, after `delay` (so the
    /// reload the rebuild caused is served first), and puts them in. Returns the files to serve
    /// with them and their sequence; nil when none changed, or when a rebuild since has made the
    /// work stale (then it is skipped, or dropped if it was under way).
    func completeDeferred(_ work: DeferredFiles, after delay: Duration) async -> (outputs: [String: [UInt8]], sequence: Int)? {
        let wanted = wantedGeneration
        try? await Task.sleep(for: delay)
        guard !Task.isCancelled, wanted.value == work.generation else { return nil }
        let files: [OutputFile]? = await withCheckedContinuation { continuation in
            siteWideQueue.async {
                // Work queued behind another is not worth making once a newer rebuild wants its own.
                guard wanted.value == work.generation else {
                    continuation.resume(returning: nil)
                    return
                }
                continuation.resume(returning: work.make())
            }
        }
        guard let files else { return nil }
        return await withCheckedContinuation { continuation in
            queue.async {
                guard let builder = self.builder, let changed = builder.installDeferred(files, generation: work.generation) else {
                    continuation.resume(returning: nil)
                    return
                }
                self.wantedGeneration.value = builder.deferredGeneration
                guard !changed.isEmpty else {
                    continuation.resume(returning: nil)
                    return
                }
                self.sequence += 1
                continuation.resume(returning: (builder.outputs, self.sequence))
            }
        }
    }

    private func run(_ work: @escaping @Sendable (any SiteRebuilding) -> RebuildOutcome) async -> Result {
        await withCheckedContinuation { continuation in
            queue.async {
                let builder = self.builder ?? self.make(self.options)
                self.builder = builder
                let start = ContinuousClock.now
                let outcome = work(builder)
                let duration = ContinuousClock.now - start
                self.wantedGeneration.value = builder.deferredGeneration
                self.sequence += 1
                continuation.resume(returning: Result(outcome: outcome, outputs: builder.outputs, duration: duration,
                                                      sequence: self.sequence, deferred: builder.deferredFiles()))
            }
        }
    }
}

/// An integer read and written from several threads.
private final class LockedInt: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = 0

    var value: Int {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
