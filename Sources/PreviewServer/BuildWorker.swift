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
        var outcome: RebuildResult
        var outputs: [String: [UInt8]]
        var duration: Duration
        /// The builder's `version` of `outputs`: orders the files this worker hands out.
        var version = 0
        /// What the build left for later (search index, sitemap, feed), for `completeDeferred`.
        var deferred: BuildPipeline.DeferredWork? = nil
    }

    private let queue = DispatchQueue(label: "sitegen.preview.build", qos: .userInitiated)
    private let siteWideQueue = DispatchQueue(label: "sitegen.preview.site-wide", qos: .utility)
    /// Used on `queue` only.
    private let builder: BuildPipeline
    /// The builder's `version`, for deferred work to tell it is stale: set on `queue`, read on `siteWideQueue`.
    private let builderVersion = LockedInt()

    init(options: BuildOptions) {
        builder = BuildPipeline(options: options)
        // Pages first: the search index, sitemap and feed follow right after the reload.
        builder.defersSiteWideFiles = true
    }

    /// The first, full build.
    func build() async -> Result {
        await run { builder in
            let report = builder.build()
            let changed = report.succeeded ? builder.outputs.keys.sorted() : []
            return RebuildResult(report: report, changedOutputs: changed, renderedPages: report.pageCount, fullRebuild: true)
        }
    }

    /// A rebuild after `changed` (absolute paths).
    func rebuild(changed: [String]) async -> Result {
        await run { $0.rebuild(changed: changed) }
    }

    /// Makes the files a rebuild left for later (`work`) off the build queue, after `delay` (so the
    /// reload the rebuild caused is served first), and puts them in. Returns the files to serve
    /// with them and their version; nil when none changed, or when a rebuild since has made the
    /// work stale (then it is skipped, or dropped if it was under way).
    func completeDeferred(_ work: BuildPipeline.DeferredWork,
                          after delay: Duration) async -> (outputs: [String: [UInt8]], version: Int)? {
        let current = builderVersion
        try? await Task.sleep(for: delay)
        guard !Task.isCancelled, current.value == work.version else { return nil }
        let files: [OutputFile]? = await withCheckedContinuation { continuation in
            siteWideQueue.async {
                // Work queued behind another is not worth making once a newer rebuild wants its own.
                guard current.value == work.version else {
                    continuation.resume(returning: nil)
                    return
                }
                continuation.resume(returning: work.make())
            }
        }
        guard let files else { return nil }
        return await withCheckedContinuation { continuation in
            queue.async {
                let builder = self.builder
                guard let changed = builder.installDeferred(files, version: work.version) else {
                    continuation.resume(returning: nil)
                    return
                }
                self.builderVersion.value = builder.version
                guard !changed.isEmpty else {
                    continuation.resume(returning: nil)
                    return
                }
                continuation.resume(returning: (builder.outputs, builder.version))
            }
        }
    }

    private func run(_ work: @escaping @Sendable (BuildPipeline) -> RebuildResult) async -> Result {
        await withCheckedContinuation { continuation in
            queue.async {
                let builder = self.builder
                let start = ContinuousClock.now
                let outcome = work(builder)
                let duration = ContinuousClock.now - start
                self.builderVersion.value = builder.version
                continuation.resume(returning: Result(outcome: outcome, outputs: builder.outputs, duration: duration,
                                                      version: builder.version, deferred: builder.deferredWork()))
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
