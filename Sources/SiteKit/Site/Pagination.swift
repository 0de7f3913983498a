import SiteSupport

/// Where a paginated section's list pages go, and the pages and files that makes.
/// Page 1 is the section's list page (`news/`); page k ≥ 2 is a pager page (`news/page/k/`), a
/// copy of the list page with `pagerNumber` k; `news/page/1/` is a redirect to `news/`.
enum Pagination {
    /// The output path of list page `number` of `section`.
    static func path(section: String, number: Int) -> String {
        number == 1 ? section + "/index.html" : "\(section)/page/\(number)/index.html"
    }

    /// How many list pages `members` pages make at `size` a page (nil: not paginated): at least 1.
    static func pageCount(members: Int, size: Int?) -> Int {
        guard let size, members > size else { return 1 }
        return (members + size - 1) / size
    }

    /// Appends the pager pages (k ≥ 2) of every paginated section to `pages`, after the others,
    /// so the indexes of the pages read from files stay as they were.
    static func addPagerPages(to pages: inout [Page], config: SiteConfig) {
        var counts: [String: Int] = [:]
        var lists: [(index: Int, section: String)] = []
        for (index, page) in pages.enumerated() {
            switch page.kind {
            case .single: counts[page.section, default: 0] += 1
            case .section where page.pagerNumber == 1: lists.append((index, page.section))
            default: break
            }
        }
        for (index, section) in lists {
            let total = pageCount(members: counts[section] ?? 0, size: config.pageSize(of: section))
            guard total > 1 else { continue }
            let list = pages[index]
            for number in 2...total {
                var pager = Page(sourcePath: "", displayPath: list.displayPath, kind: .section, section: section, slug: list.slug,
                                 outputPath: path(section: section, number: number), frontMatter: list.frontMatter, body: "",
                                 bodyFirstLine: list.bodyFirstLine, markdown: list.markdown)
                pager.pagerNumber = number
                pager.leadParagraph = list.leadParagraph
                pager.hasErrors = list.hasErrors
                pages.append(pager)
            }
        }
    }

    /// `<section>/page/1/index.html` of every section with pager pages, and
    /// `<taxonomy>/<term>/page/1/index.html` of every term with more than one page: a page that
    /// sends a hand-typed URL on to the first page (meta refresh, relative so that it works from
    /// disk and under any subpath; the canonical URL absolute, as Hugo's aliases).
    static func redirectFiles(_ site: SiteModel) -> [OutputFile] {
        var lists = site.sectionOrder.filter { site.pagerCount(of: $0) > 1 }.map { (folder: $0, title: site.sectionTitle($0)) }
        for taxonomy in site.taxonomies.taxonomies {
            let size = site.config.pageSize(of: taxonomy.schema)
            for term in taxonomy.terms where pageCount(members: term.members.count, size: size) > 1 {
                lists.append((taxonomy.name + "/" + term.slug, term.name))
            }
        }
        return lists.map { redirect(folder: $0.folder, title: $0.title, site: site) }
    }

    /// The redirect from `<folder>/page/1/` to `<folder>/`.
    private static func redirect(folder: String, title: String, site: SiteModel) -> OutputFile {
        let title = HTMLEscaping.escape(title)
        let canonical = HTMLEscaping.escape(SitePath.absolute(base: site.config.baseURL, path: folder + "/"))
        let target = SitePath.relative(from: folder + "/page/1/", to: folder + "/index.html")
        let html = """
            <!DOCTYPE html>
            <html lang="\(HTMLEscaping.escape(site.config.language))">
            <head>
            <meta charset="utf-8">
            <title>\(title)</title>
            <meta name="description" content="\(title): the first page of the list.">
            <meta name="robots" content="noindex">
            <link rel="canonical" href="\(canonical)">
            <meta http-equiv="refresh" content="0; url=\(target)">
            </head>
            <body>
            <h1>\(title)</h1>
            <p><a href="\(target)">\(title)</a></p>
            </body>
            </html>

            """
        return OutputFile(path: folder + "/page/1/index.html", text: html)
    }
}
