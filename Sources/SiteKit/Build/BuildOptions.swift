/// What `sitegen build` (and `check`, `serve`) is asked to do.
public struct BuildOptions: Sendable {
    public var contentDir = "Content"
    public var templatesDir = "Templates"
    public var outputDir = "public"
    /// Overrides `base_url` from site.yml (e.g. for a preview deployment).
    public var baseURL: String?
    public var includeDrafts = false
    /// Build everything but write nothing (`sitegen check`).
    public var dryRun = false
    /// Also check the built HTML: links, anchors, alt text, headings, titles (`sitegen check`).
    public var checkOutput = false
    /// Warnings fail the build too (`--strict`).
    public var warningsAreErrors = false
    /// What to do when another build is writing the same output folder: wait (saying so), or fail.
    public var otherBuilds: StagingFolder.Waiting = .wait(notice: { _ in })
    /// The folder relative paths are shown from; the project root for the output-folder guard.
    public var workingDirectory: String

    public init(workingDirectory: String) {
        self.workingDirectory = workingDirectory
    }

    /// `path` as the user should read it: relative to the working folder when inside it.
    public func display(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : workingDirectory + "/" + path
        let prefix = workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/"
        if absolute.hasPrefix(prefix) {
            var relative = String(absolute.dropFirst(prefix.count))
            while relative.hasPrefix("./") { relative.removeFirst(2) }
            return relative.isEmpty ? "." : relative
        }
        return path
    }

    /// `path` from the root: relative paths are taken from the working folder.
    public func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : workingDirectory + "/" + path
    }
}

/// What a build did: its diagnostics, what it wrote, and how long each stage took.
public struct BuildReport: Sendable {
    public var diagnostics = Diagnostics()
    public var pageCount = 0
    /// Every output file with its bytes: only for builds that write nothing (`check`, `serve`).
    public var files: [OutputFile] = []
    /// How many files the build made.
    public var fileCount = 0
    public var writeStats = OutputWriter.Stats()
    public var searchIndexBytes = 0
    public var searchIndexFiles = 0
    /// (stage, seconds) in the order the stages ran.
    public var timings: [(String, Double)] = []
    /// Whether warnings count as failures (from `BuildOptions.warningsAreErrors`).
    public var warningsAreErrors = false

    /// No error, and no warning either under `--strict`.
    public var succeeded: Bool {
        !diagnostics.hasErrors && !(warningsAreErrors && diagnostics.warningCount > 0)
    }
}
