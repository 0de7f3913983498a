import Dispatch
import SiteKit

/// Runs the builder on a serial queue of its own, off Swift's cooperative threads, so pages keep
/// being served while a rebuild renders on every core.
final class BuildWorker: @unchecked Sendable {
    /// One build: what the builder said, the files of the last good build, and the time it took.
    struct Result: Sendable {
        var outcome: RebuildOutcome
        var outputs: [String: [UInt8]]
        var duration: Duration
    }

    private let queue = DispatchQueue(label: "sitegen.preview.build", qos: .userInitiated)
    private let options: BuildOptions
    private let make: @Sendable (BuildOptions) -> any SiteRebuilding
    /// Created and used on `queue` only.
    private var builder: (any SiteRebuilding)?

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

    /// The files left for after a rebuild (search index, sitemap, feed); nil when none changed.
    func completeDeferred() async -> [String: [UInt8]]? {
        await withCheckedContinuation { continuation in
            queue.async {
                guard let builder = self.builder, !builder.completeDeferredFiles().isEmpty else {
                    continuation.resume(returning: nil)
                    return
                }
                continuation.resume(returning: builder.outputs)
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
                continuation.resume(returning: Result(outcome: outcome, outputs: builder.outputs, duration: duration))
            }
        }
    }
}
