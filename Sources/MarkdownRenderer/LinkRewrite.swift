/// What the caller wants done with a link or image destination found in the Markdown.
public enum LinkRewrite: Sendable, Equatable {
    /// Leave the destination as written.
    case keep
    /// Use this destination instead (for example `guide.md` -> `../guide/`).
    case replace(String)
    /// Leave the destination as written and report this message at the destination's position.
    case error(String)
}
