/// The files crawlers and hosts look for: sitemap, robots.txt, the Atom feed, `.nojekyll`.
enum SiteFiles {
    /// Every page but 404, with its date as `lastmod` when it has one.
    static func sitemap(_ site: SiteModel) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in site.pages.sorted(by: { $0.outputPath < $1.outputPath }) where page.kind != .notFound {
            out += "  <url><loc>\(XMLText.escape(SitePath.absolute(base: site.config.baseURL, path: page.publicPath)))</loc>"
            if let date = page.frontMatter.date { out += "<lastmod>\(date)</lastmod>" }
            out += "</url>\n"
        }
        return out + "</urlset>\n"
    }

    static func robots(_ site: SiteModel) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(site.config.baseURL)sitemap.xml\n"
    }

    /// How many entries the feed carries: the newest, as feed readers only look at recent ones.
    static let feedLimit = 50

    /// The pages the feed lists (with their content), newest first: dated singles of `feedSections`.
    static func feedEntries(_ site: SiteModel, feedSections: [String]) -> [Int] {
        Array(site.pages.indices.filter { index in
            let page = site.pages[index]
            return page.kind == .single && page.frontMatter.date != nil && (feedSections.isEmpty || feedSections.contains(page.section))
        }.sorted { a, b in
            let (x, y) = (site.pages[a], site.pages[b])
            if x.frontMatter.date != y.frontMatter.date { return x.frontMatter.date! > y.frontMatter.date! }
            return x.outputPath < y.outputPath
        }.prefix(feedLimit))
    }

    /// An Atom feed (RFC 4287) of the newest dated pages of the news-like sections (`schema:
    /// NewsArticle`), or of all dated pages in sections when there are none; full content included.
    static func atomFeed(_ site: SiteModel, feedSections: [String]) -> String {
        let base = site.config.baseURL
        let dated = feedEntries(site, feedSections: feedSections)
        let updated = dated.first.map { "\(site.pages[$0].frontMatter.date!)T00:00:00Z" } ?? "1970-01-01T00:00:00Z"
        var out = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XMLText.escape(site.config.language))">
          <title>\(XMLText.escape(site.config.title))</title>
          <subtitle>\(XMLText.escape(site.config.description))</subtitle>
          <link href="\(XMLText.escape(base))feed.xml" rel="self" type="application/atom+xml"/>
          <link href="\(XMLText.escape(base))" rel="alternate" type="text/html"/>
          <id>\(XMLText.escape(base))</id>
          <updated>\(updated)</updated>
          <author><name>\(XMLText.escape(site.config.title))</name></author>

        """
        for index in dated {
            let page = site.pages[index]
            let url = SitePath.absolute(base: base, path: page.publicPath)
            out += """
              <entry>
                <title>\(XMLText.escape(page.title))</title>
                <link href="\(XMLText.escape(url))" rel="alternate" type="text/html"/>
                <id>\(XMLText.escape(url))</id>
                <published>\(page.frontMatter.date!)T00:00:00Z</published>
                <updated>\(page.frontMatter.date!)T00:00:00Z</updated>
                <summary>\(XMLText.escape(page.summary))</summary>
                <content type="html">\(XMLText.escape(page.markdown?.html ?? ""))</content>
              </entry>

            """
        }
        return out + "</feed>\n"
    }
}
