/// A content file as read from disk, before any parsing.
public struct SourceFile: Sendable {
    /// Path inside the content folder, with `/` separators: `speakers/tan-jialing.md`.
    public var relativePath: String
    /// Path to show in diagnostics (relative to the current folder when inside it).
    public var displayPath: String
    public var bytes: [UInt8]

    public init(relativePath: String, displayPath: String, bytes: [UInt8]) {
        self.relativePath = relativePath
        self.displayPath = displayPath
        self.bytes = bytes
    }

    /// Folder names of the path, without the file name.
    var folders: [Substring] { relativePath.slashSeparated.dropLast() }

    var fileName: Substring { relativePath.slashSeparated.last ?? "" }
}
