import MarkdownRenderer

/// Decides what a link written in a page's Markdown points at: links to content files
/// (`../speakers/tan-jialing.md#remarks`) become relative links to those pages' output.
struct LinkResolver: Sendable {
    /// Output path of every built page, by content path.
    var outputs: [String: String]
    /// Content paths of drafts left out of this build.
    var drafts: Set<String>
    /// Content paths of files that exist but could not be read as pages (their own errors say why):
    /// links to them are left as written rather than reported again as links to nothing.
    var failed: Set<String> = []

    /// Where the links of one page start from, computed once per page.
    struct Origin: Sendable {
        /// The page's folder in the content (`speakers`).
        var contentFolder: String
        /// The page's folder in the output (`speakers/tan-jialing/`).
        var outputFolder: String

        init(contentFolder: String, outputFolder: String) {
            self.contentFolder = contentFolder
            self.outputFolder = outputFolder
        }

        init(_ page: Page) {
            contentFolder = page.sourcePath.slashSeparated.dropLast().joined(separator: "/")
            outputFolder = page.folder
        }
    }

    /// What to do with `destination`, and the content file it names (for knowing what a page links to).
    func resolve(_ destination: String, from origin: Origin) -> (rewrite: LinkRewrite, target: String?) {
        // Byte-level: a page can have hundreds of links, and Character-level scans cost thousands of
        // instructions per link.
        let utf8 = destination.utf8
        if utf8.isEmpty || utf8.first == UInt8(ascii: "#") || utf8.starts(with: "//".utf8) || Self.hasScheme(utf8) {
            return (.keep, nil)
        }
        var path = destination
        var suffix = ""
        if let mark = utf8.firstIndex(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }) {
            // An ASCII byte starts a scalar, so the scalar view splits there exactly.
            suffix = String(destination.unicodeScalars[mark...])
            path = String(destination.unicodeScalars[..<mark])
        }
        let decoded = SitePath.percentDecode(path)
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
            if failed.contains(resolved) { return (.keep, resolved) }
            return (.error("link to '\(destination)': no such content file (looked for Content/\(resolved))"), resolved)
        }
        // Site-rooted links to other files become relative so the site works under any subpath.
        if siteRooted { return (.replace(SitePath.relative(from: origin.outputFolder, to: resolved) + suffix), nil) }
        return (.keep, nil)
    }

    /// `mailto:`, `https:` and other `scheme:` prefixes (RFC 3986: a letter, then letters, digits, `+-.`).
    static func hasScheme(_ text: String.UTF8View) -> Bool {
        var first = true
        for byte in text {
            let isLetter = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
            if first {
                guard isLetter else { return false }
                first = false
                continue
            }
            if byte == UInt8(ascii: ":") { return true }
            let isDigit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            guard isLetter || isDigit || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") else {
                return false
            }
        }
        return false
    }
}
