/// A file the index adds to the site.
public struct GeneratedFile: Sendable, Equatable {
    /// Path relative to the output root, e.g. "search/index.js".
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}
