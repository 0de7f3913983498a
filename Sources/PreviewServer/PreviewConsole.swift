import Foundation

/// Where the server's messages go: progress to `info`, build errors and warnings to `error`.
public struct PreviewConsole: Sendable {
    public var info: @Sendable (String) -> Void
    public var error: @Sendable (String) -> Void

    public init(info: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void) {
        self.info = info
        self.error = error
    }

    /// Standard output and standard error, one line at a time (flushed, so pipes see each rebuild).
    public static let standard = PreviewConsole(
        info: { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) },
        error: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
    )

    /// Prints nothing (tests).
    public static let silent = PreviewConsole(info: { _ in }, error: { _ in })
}
