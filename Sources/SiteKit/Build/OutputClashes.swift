/// Outputs that cannot all be written: two at one path, or one where another needs a folder.
/// Checked once on the complete list of a build's outputs, whichever way the build ran.
enum OutputClashes {
    /// Two generated files at one path (a page named like an asset, say): an error naming both.
    /// Pages clashing with pages are already reported where their URLs are decided.
    static func check(_ files: [OutputFile], site: SiteModel, templatesDisplay: String) -> [Diagnostic] {
        var seen: Set<String> = []
        var pagePaths: Set<String> = []
        var clashing: Set<String> = []
        for page in site.pages where !pagePaths.insert(page.outputPath).inserted { clashing.insert(page.outputPath) }
        var diagnostics: [Diagnostic] = []
        for file in files where !seen.insert(file.path).inserted && !clashing.contains(file.path) {
            let page = site.pages.first { $0.outputPath == file.path }
            let origin = page.map { $0.displayPath.isEmpty ? $0.outputPath : $0.displayPath } ?? templatesDisplay + "/" + file.path
            diagnostics.append(.error(origin, "two outputs would be written to \(file.path)"))
        }
        diagnostics += folderFileClashes(files, site: site, templatesDisplay: templatesDisplay)
        return diagnostics
    }

    /// Outputs that need a folder where another output is a file: a page whose slug is `feed.xml`
    /// (or `sitemap.xml`, `robots.txt`, `404.html`…) would be written to `feed.xml/index.html`
    /// beside the generated `feed.xml`. Reported at the page's `slug` line when it has one.
    static func folderFileClashes(_ files: [OutputFile], site: SiteModel, templatesDisplay: String) -> [Diagnostic] {
        let paths = Set(files.map(\.path))
        var pageByOutput: [String: Page] = [:]
        for page in site.pages { pageByOutput[page.outputPath] = page }
        var diagnostics: [Diagnostic] = []
        for file in files {
            // On bytes: a Character scan of every output path cost more than the check itself.
            var utf8 = Substring(file.path).utf8
            while let slash = utf8.lastIndex(of: UInt8(ascii: "/")) {
                utf8 = utf8[..<slash]
                let folder = Substring(utf8)
                guard paths.contains(String(folder)) else { continue }
                let message = "'\(folder)' is a file of the site, so '\(file.path)' cannot be written in a folder of that name"
                if let page = pageByOutput[file.path] ?? pageByOutput[String(folder)], !page.displayPath.isEmpty {
                    let at = page.frontMatter.positions["slug"]
                    diagnostics.append(.error(page.displayPath, line: at?.line ?? 1, column: at?.column ?? 1,
                                              message + (at == nil ? "" : ": choose another slug")))
                } else {
                    diagnostics.append(.error(templatesDisplay + "/" + file.path, message))
                }
                break
            }
        }
        return diagnostics
    }
}
