import SiteKit

/// What `sitegen serve` is asked to do.
public struct PreviewOptions: Sendable {
    /// The site to build (content, templates, drafts, base URL); nothing is written.
    public var build: BuildOptions
    /// The address to listen on: loopback unless the user asks otherwise.
    public var host = "127.0.0.1"
    /// The first port to try; 0 lets the system pick a free one.
    public var port: UInt16 = 8080
    /// How many ports to try, counting up from `port`, when one is taken.
    public var portAttempts = 10
    /// Quiet time that ends a burst of saves (editors write several files, or one file twice).
    public var debounce = Debounce.standard
    /// How changes are noticed.
    public var watchMode: WatchMode = .automatic
    /// How long after a rebuild's pages are out its search index, sitemap and feed are made: the
    /// reload it caused is served first, and a save within it makes that work unnecessary.
    public var siteWideDelay = Duration.milliseconds(100)
    /// Print the time of each build stage after every build (`--timings`).
    public var showTimings = false

    public init(build: BuildOptions) {
        self.build = build
    }
}
