import SiteKit

/// A builder the preview server drives: one full build, then rebuilds for changed source files.
/// The server's seam to its builder (`IncrementalRebuilder` unless `PreviewServer.init` is given
/// another); calls come from one serial queue, so conformers need not be thread-safe.
public protocol SiteRebuilding: AnyObject {
    /// Builds everything in memory (nothing is written).
    func build() -> RebuildOutcome
    /// Rebuilds after `changed` (absolute paths of changed, added or removed files or folders).
    func rebuild(changed: [String]) -> RebuildOutcome
    /// The files of the last good build, by output path.
    var outputs: [String: [UInt8]] { get }
    /// What the last rebuild left for later (search index, sitemap, feed), as work that may run
    /// on any thread while rebuilds go on; nil when nothing is left.
    func deferredFiles() -> DeferredFiles?
    /// Which rebuild's deferred files are wanted now: work of another generation is stale.
    var deferredGeneration: Int { get }
    /// Takes the files deferred work of `generation` made; returns the output paths that changed,
    /// or nil when a rebuild since made them stale (they are dropped).
    func installDeferred(_ files: [OutputFile], generation: Int) -> [String]?
}

/// Site-wide files a rebuild left for later: `make` builds them off the build queue.
public struct DeferredFiles: Sendable {
    /// Which rebuild they belong to.
    public var generation: Int
    public var make: @Sendable () -> [OutputFile]

    public init(generation: Int, make: @escaping @Sendable () -> [OutputFile]) {
        self.generation = generation
        self.make = make
    }
}

extension SiteRebuilding {
    public func deferredFiles() -> DeferredFiles? { nil }
    public var deferredGeneration: Int { 0 }
    public func installDeferred(_ files: [OutputFile], generation: Int) -> [String]? { nil }
}

/// What one build or rebuild did.
public struct RebuildOutcome: Sendable {
    /// Diagnostics and counts of the build.
    public var report: BuildReport
    /// Output paths whose bytes changed, appeared or disappeared since the last good build.
    public var changedOutputs: [String]
    /// Pages rendered by this build.
    public var renderedPages: Int
    /// Whether everything was rebuilt.
    public var fullRebuild: Bool

    public init(report: BuildReport, changedOutputs: [String], renderedPages: Int, fullRebuild: Bool) {
        self.report = report
        self.changedOutputs = changedOutputs
        self.renderedPages = renderedPages
        self.fullRebuild = fullRebuild
    }
}

/// SiteKit's `IncrementalBuilder` behind `SiteRebuilding`: a change re-renders only the pages it affects.
public final class IncrementalRebuilder: SiteRebuilding {
    private let builder: IncrementalBuilder

    public init(options: BuildOptions) {
        builder = IncrementalBuilder(options: options)
        // Pages first: the search index, sitemap and feed follow right after the reload.
        builder.defersSiteWideFiles = true
    }

    public func deferredFiles() -> DeferredFiles? {
        guard let work = builder.deferredWork() else { return nil }
        return DeferredFiles(generation: work.generation, make: work.make)
    }

    public var deferredGeneration: Int { builder.deferredGeneration }

    public func installDeferred(_ files: [OutputFile], generation: Int) -> [String]? {
        builder.installDeferred(files, generation: generation)
    }

    public var outputs: [String: [UInt8]] { builder.outputs }

    public func build() -> RebuildOutcome {
        let report = builder.build()
        let changed = report.succeeded ? builder.outputs.keys.sorted() : []
        return RebuildOutcome(report: report, changedOutputs: changed, renderedPages: report.pageCount, fullRebuild: true)
    }

    public func rebuild(changed: [String]) -> RebuildOutcome {
        let result = builder.rebuild(changed: changed)
        return RebuildOutcome(report: result.report, changedOutputs: result.changedOutputs, renderedPages: result.renderedPages,
                              fullRebuild: result.fullRebuild)
    }
}
