import MarkdownRenderer

/// Decides what a link written in a page's Markdown points at: links to content files
/// (`../speakers/tan-jialing.md#remarks`) become relative links to those pages' output.
struct LinkResolver: Sendable {
    /// Output path of every built page, by content path.
    var outputs: [String: String]
    /// Content paths of drafts left out of this build.
    var drafts: Set<String>

    func rewrite(_ destination: String, from page: Page) -> LinkRewrite {
        if destination.isEmpty || destination.hasPrefix("#") || destination.hasPrefix("//") || hasScheme(destination) {
            return .keep
        }
        var path = Substring(destination)
        var suffix = ""
        if let mark = path.firstIndex(where: { $0 == "#" || $0 == "?" }) {
            suffix = String(path[mark...])
            path = path[..<mark]
        }
        let decoded = SitePath.percentDecode(String(path))
        let contentFolder = page.sourcePath.split(separator: "/").dropLast().joined(separator: "/")
        let siteRooted = decoded.hasPrefix("/")
        guard let resolved = SitePath.resolve(siteRooted ? String(decoded.dropFirst()) : decoded,
                                              against: siteRooted ? "" : contentFolder) else {
            return .error("link '\(destination)' leaves the content folder")
        }
        if resolved.hasSuffix(".md") {
            if let output = outputs[resolved] {
                return .replace(SitePath.relative(from: page.folder, to: output) + suffix)
            }
            if drafts.contains(resolved) {
                return .error("link to '\(destination)': that page is a draft and is not built (use --drafts)")
            }
            return .error("link to '\(destination)': no such content file (looked for Content/\(resolved))")
        }
        // Site-rooted links to other files become relative so the site works under any subpath.
        if siteRooted { return .replace(SitePath.relative(from: page.folder, to: resolved) + suffix) }
        return .keep
    }

    /// The content path (`speakers/tan-jialing.md`) a link points at, whether or not it exists.
    func contentTarget(_ destination: String, from page: Page) -> String? {
        guard !destination.isEmpty, !destination.hasPrefix("#"), !destination.hasPrefix("//"), !hasScheme(destination) else { return nil }
        let path = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            .split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let decoded = SitePath.percentDecode(String(path))
        guard decoded.hasSuffix(".md") else { return nil }
        let folder = page.sourcePath.split(separator: "/").dropLast().joined(separator: "/")
        return decoded.hasPrefix("/") ? SitePath.resolve(String(decoded.dropFirst()), against: "")
                                      : SitePath.resolve(decoded, against: folder)
    }

    /// `mailto:`, `https:` and other `scheme:` prefixes (RFC 3986: a letter, then letters, digits, `+-.`).
    private func hasScheme(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else { return false }
        let scheme = text[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }
}
