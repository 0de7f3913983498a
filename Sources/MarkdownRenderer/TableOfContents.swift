import SiteSupport

/// Writes a table of contents: nested `<ul>` lists of links to heading ids.
enum TableOfContents {
    /// A deeper heading nests under the nearest shallower one before it; "" for fewer than 2 headings.
    static func html(for headings: [Heading]) -> String {
        guard headings.count >= 2 else { return "" }
        var html = "<ul>\n"
        var open: [(level: Int, hasList: Bool)] = []
        for heading in headings {
            while let last = open.last, last.level >= heading.level {
                if last.hasList { html += "</ul>\n" }
                html += "</li>\n"
                open.removeLast()
            }
            if let last = open.indices.last, !open[last].hasList {
                html += "\n<ul>\n"
                open[last].hasList = true
            }
            html += "<li><a href=\"#\(HTMLEscaping.escape(heading.id))\">"
            html += HTMLEscaping.escape(heading.text)
            html += "</a>"
            open.append((heading.level, false))
        }
        while let last = open.popLast() {
            if last.hasList { html += "</ul>\n" }
            html += "</li>\n"
        }
        return html + "</ul>\n"
    }
}
