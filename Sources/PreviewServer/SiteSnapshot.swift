/// The site as served at one moment: the files of the last good build and the current status.
public struct SiteSnapshot: Sendable {
    /// Output path → bytes, exactly as `sitegen build` would write them.
    public var files: [String: [UInt8]]
    /// The build id and the errors of the last attempt.
    public var status: BuildStatus

    public init(files: [String: [UInt8]], status: BuildStatus) {
        self.files = files
        self.status = status
    }
}
