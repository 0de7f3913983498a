import MarkdownRenderer

/// Decides what a link written in a page's Markdown points at: links to content files
/// (`../speakers/tan-jialing.md#remarks`) become relative links to those pages' output.
struct LinkResolver: Sendable {
    /// Output path of every built page, by content path.
    var outputs: [String: String]
    /// Content paths of drafts left out of this build.
    var drafts: Set<String>

    /// Where the links of one page start from, computed once per page.
    struct Origin: Sendable {
        /// The page's folder in the content (`speakers`).
        var contentFolder: String
        /// The page's folder in the output (`speakers/tan-jialing/`).
        var outputFolder: String

        init(_ page: Page) {
            contentFolder = page.sourcePath.split(separator: "/").dropLast().joined(separator: "/")
            outputFolder = page.folder
        }
    }

    /// What to do with `destination`, and the content file it names (for knowing what a page links to).
    func resolve(_ destination: String, from origin: Origin) -> (rewrite: LinkRewrite, target: String?) {
        if destination.isEmpty || destination.hasPrefix("#") || destination.hasPrefix("//") || hasScheme(destination) {
            return (.keep, nil)
        }
        var path = Substring(destination)
        var suffix = ""
        if let mark = path.firstIndex(where: { $0 == "#" || $0 == "?" }) {
            suffix = String(path[mark...])
            path = path[..<mark]
        }
        let decoded = SitePath.percentDecode(String(path))
        let siteRooted = decoded.hasPrefix("/")
        guard let resolved = SitePath.resolve(siteRooted ? String(decoded.dropFirst()) : decoded,
                                              against: siteRooted ? "" : origin.contentFolder) else {
            return (.error("link '\(destination)' leaves the content folder"), nil)
        }
        if resolved.hasSuffix(".md") {
            if let output = outputs[resolved] {
                return (.replace(SitePath.relative(from: origin.outputFolder, to: output) + suffix), resolved)
            }
            if drafts.contains(resolved) {
                return (.error("link to '\(destination)': that page is a draft and is not built (use --drafts)"), resolved)
            }
            return (.error("link to '\(destination)': no such content file (looked for Content/\(resolved))"), resolved)
        }
        // Site-rooted links to other files become relative so the site works under any subpath.
        if siteRooted { return (.replace(SitePath.relative(from: origin.outputFolder, to: resolved) + suffix), nil) }
        return (.keep, nil)
    }

    /// `mailto:`, `https:` and other `scheme:` prefixes (RFC 3986: a letter, then letters, digits, `+-.`).
    private func hasScheme(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else { return false }
        let scheme = text[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }
}
