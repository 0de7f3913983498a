import Testing
@testable import PreviewServer

@Suite struct MediaTypeTests {
    @Test(arguments: [
        ("index.html", "text/html; charset=utf-8"),
        ("assets/css/site.css", "text/css; charset=utf-8"),
        ("assets/js/search.js", "text/javascript; charset=utf-8"),
        ("search/index.json", "application/json"),
        ("sitemap.xml", "application/xml; charset=utf-8"),
        ("assets/img/logo.svg", "image/svg+xml"),
        ("a.png", "image/png"),
        ("a.jpg", "image/jpeg"),
        ("a.JPEG", "image/jpeg"),
        ("a.gif", "image/gif"),
        ("a.webp", "image/webp"),
        ("favicon.ico", "image/x-icon"),
        ("f.woff", "font/woff"),
        ("f.woff2", "font/woff2"),
        ("event/event.ics", "text/calendar; charset=utf-8"),
        ("robots.txt", "text/plain; charset=utf-8"),
    ])
    func knownExtensions(path: String, type: String) {
        #expect(MediaType.forPath(path) == type)
    }

    @Test func unknownAndMissingExtensionsAreOctetStreams() {
        #expect(MediaType.forPath(".nojekyll") == "application/octet-stream")
        #expect(MediaType.forPath("folder.html/README") == "application/octet-stream")
        #expect(MediaType.forPath("a.exe") == "application/octet-stream")
    }

    @Test func onlyHTMLGetsTheScript() {
        #expect(MediaType.isHTML("speakers/index.html"))
        #expect(!MediaType.isHTML("assets/js/search.js"))
        #expect(!MediaType.isHTML("feed.xml"))
    }
}
