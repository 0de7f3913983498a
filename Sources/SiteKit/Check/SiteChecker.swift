import SiteSupport

/// `sitegen check`: checks of the built HTML that no single stage can make — every internal link
/// and `#anchor` resolves, images have alt text, heading levels do not skip, every page has a
/// title and a description.
enum SiteChecker {
    static func check(_ files: [OutputFile], baseURL: String, outputDisplay: String, maxPageKB: Int = CheckSettings.defaultMaxPageKB) -> [Diagnostic] {
        var pages: [String: [HTMLTag]] = [:]
        var ids: [String: Set<String>] = [:]
        let paths = Set(files.map(\.path))
        let htmlFiles = files.filter { $0.path.hasSuffix(".html") }
        let scanned = Parallel.map(htmlFiles) { HTMLScanner.tags(String(decoding: $0.bytes, as: UTF8.self)) }
        for (file, tags) in zip(htmlFiles, scanned) {
            pages[file.path] = tags
            ids[file.path] = Set(tags.compactMap { $0.attributes["id"] } + tags.filter { $0.name == "a" }.compactMap { $0.attributes["name"] })
        }
        var diagnostics: [Diagnostic] = []
        for file in htmlFiles {
            let tags = pages[file.path] ?? []
            let display = ContentScanner.join(outputDisplay, file.path)
            func report(_ severity: Severity, _ tag: HTMLTag?, _ message: String) {
                diagnostics.append(Diagnostic(severity, path: display, line: tag?.line ?? 1, column: tag?.column ?? 1, message))
            }
            let folder = SitePath.folder(of: file.path)

            // Size: a page that grows with the site (a list of every page) is caught here.
            if file.bytes.count > maxPageKB * 1024 {
                report(.warning, nil, "page is \(file.bytes.count / 1024) KB, over check.max_page_kb (\(maxPageKB) KB): does a list on it show a whole section?")
            }

            // Links and anchors.
            for tag in tags {
                for attribute in ["href", "src"] {
                    guard let link = tag.attributes[attribute], tag.name != "base" else { continue }
                    if tag.name == "link", let rel = tag.attributes["rel"], rel == "canonical" || rel == "alternate" && link.hasPrefix("http") { continue }
                    if let problem = linkProblem(link, from: folder, page: file.path, paths: paths, ids: ids, baseURL: baseURL) {
                        report(.error, tag, problem)
                    }
                }
            }

            // Images need alt text (empty alt marks a decorative image and is fine).
            for tag in tags where tag.name == "img" && tag.attributes["alt"] == nil {
                report(.error, tag, "image \(tag.attributes["src"] ?? "") has no alt attribute")
            }

            // Title, description, one h1, heading order.
            if !tags.contains(where: { $0.name == "title" && !$0.text.isEmpty }) {
                report(.error, nil, "page has no <title>")
            }
            if !tags.contains(where: { $0.name == "meta" && $0.attributes["name"] == "description" && !($0.attributes["content"] ?? "").isEmpty }) {
                report(.error, nil, "page has no meta description")
            }
            let headings = tags.filter { $0.name.count == 2 && $0.name.hasPrefix("h") && ("1"..."6").contains($0.name.dropFirst()) }
            let h1s = headings.filter { $0.name == "h1" }
            if h1s.count != 1 { report(.warning, h1s.dropFirst().first, "page has \(h1s.count) <h1> elements; one is expected") }
            var previous = 0
            for heading in headings {
                let level = Int(heading.name.dropFirst()) ?? 1
                if previous > 0, level > previous + 1 {
                    report(.warning, heading, "heading level skips from h\(previous) to h\(level)")
                }
                previous = level
            }
        }
        return diagnostics
    }

    /// Why `link` on the page at `page` does not resolve, or nil when it does (or is external).
    static func linkProblem(_ link: String, from folder: String, page: String, paths: Set<String>,
                            ids: [String: Set<String>], baseURL: String) -> String? {
        var target = link
        // Absolute links into the site itself (the 404 page's) are served over HTTP, where folders work.
        var servedOverHTTP = false
        if target.hasPrefix(baseURL) {
            target = SitePath.rootPrefix(from: folder) + target.dropFirst(baseURL.count)
            servedOverHTTP = true
        } else if target.isEmpty || target.hasPrefix("//") || target.hasPrefix("data:") || hasScheme(target) {
            return nil
        }
        if target.hasPrefix("/") { return "link '\(link)' starts with '/': it breaks under a subpath and from disk" }
        var fragment: String?
        if let hash = target.firstIndex(of: "#") {
            fragment = String(target[target.index(after: hash)...])
            target = String(target[..<hash])
        }
        if let query = target.firstIndex(of: "?") { target = String(target[..<query]) }
        var resolvedPath = page
        if !target.isEmpty {
            guard let resolved = SitePath.resolve(SitePath.percentDecode(target), against: folder) else {
                return "link '\(link)' leaves the site"
            }
            let asFolder = (resolved.isEmpty ? "" : resolved + "/") + "index.html"
            if paths.contains(resolved) {
                resolvedPath = resolved
            } else if paths.contains(asFolder) {
                guard servedOverHTTP else {
                    return "link '\(link)' names a folder: opened from disk it needs '\(asFolder)' spelled out"
                }
                resolvedPath = asFolder
            } else {
                return "link '\(link)' points at \(resolved.isEmpty ? "the site root" : resolved), which the site does not have"
            }
        }
        if let fragment, !fragment.isEmpty, resolvedPath.hasSuffix(".html") {
            let decoded = SitePath.percentDecode(fragment)
            if !(ids[resolvedPath]?.contains(decoded) ?? false) {
                return "link '\(link)': \(resolvedPath) has no element with id '\(decoded)'"
            }
        }
        return nil
    }

    private static func hasScheme(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let scheme = text[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }
}
