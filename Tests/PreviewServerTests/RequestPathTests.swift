import Testing
@testable import PreviewServer

@Suite struct RequestPathTests {
    let files: Set<String> = ["index.html", "404.html", "speakers/index.html", "speakers/tan/index.html",
                              "assets/css/site.css", "数字/index.html", "a b/index.html"]

    func resolve(_ path: String) -> RequestPath {
        RequestPath.resolve(path) { files.contains($0) }
    }

    @Test func folderURLsServeTheirIndex() {
        #expect(resolve("/") == .file("index.html"))
        #expect(resolve("/speakers/") == .file("speakers/index.html"))
        #expect(resolve("/speakers/tan/") == .file("speakers/tan/index.html"))
        #expect(resolve("/speakers/index.html") == .file("speakers/index.html"))
        #expect(resolve("/assets/css/site.css") == .file("assets/css/site.css"))
    }

    @Test func folderWithoutSlashRedirects() {
        #expect(resolve("/speakers") == .redirect("/speakers/"))
        #expect(resolve("/speakers/tan") == .redirect("/speakers/tan/"))
        // Non-ASCII and spaces are percent-encoded again in the Location.
        #expect(resolve("/%E6%95%B0%E5%AD%97") == .redirect("/%E6%95%B0%E5%AD%97/"))
        #expect(resolve("/a%20b") == .redirect("/a%20b/"))
    }

    @Test func unknownPathsAreNotFound() {
        #expect(resolve("/nope") == .notFound)
        #expect(resolve("/nope/") == .notFound)
        #expect(resolve("/assets/css/site.css/") == .notFound)
        #expect(resolve("/speakers/index.html/") == .notFound)
    }

    @Test func percentEncodingIsDecodedPerSegment() {
        #expect(resolve("/%73peakers/") == .file("speakers/index.html"))
        #expect(resolve("/%E6%95%B0%E5%AD%97/") == .file("数字/index.html"))
    }

    @Test func dotSegmentsNeverClimbAboveTheRoot() {
        #expect(resolve("/../../etc/passwd") == .notFound)
        #expect(resolve("/%2e%2e/%2E%2E/etc/passwd") == .notFound)
        #expect(resolve("/speakers/../../../index.html") == .file("index.html"))
        #expect(resolve("/speakers/tan/../") == .file("speakers/index.html"))
        #expect(resolve("/speakers/%2e%2e") == .file("index.html"))
        #expect(resolve("/./speakers/./") == .file("speakers/index.html"))
        // Climbing out and back in by name reaches only site files.
        #expect(resolve("/../Content/site.yml") == .notFound)
    }

    @Test func emptySegmentsCollapse() {
        #expect(resolve("//speakers//") == .file("speakers/index.html"))
        #expect(resolve("//etc/passwd") == .notFound)
        // `//host` must not turn into a protocol-relative redirect to another host.
        #expect(resolve("//speakers") == .redirect("/speakers/"))
    }

    @Test func encodedSeparatorsAndControlBytesAreMalformed() {
        #expect(resolve("/..%2f..%2fetc%2fpasswd") == .malformed)
        #expect(resolve("/speakers%2Findex.html") == .malformed)
        #expect(resolve("/..%5c..%5cContent%5csite.yml") == .malformed)
        #expect(resolve("/a\\..\\..\\etc") == .malformed)
        #expect(resolve("/index.html%00.css") == .malformed)
        #expect(resolve("/%0d%0aSet-Cookie:x") == .malformed)
        #expect(resolve("/%ff") == .malformed)
        #expect(resolve("/%zz") == .malformed)
        #expect(resolve("/%4") == .malformed)
        #expect(resolve("speakers/") == .malformed)
        #expect(resolve("") == .malformed)
        #expect(resolve("http://evil.example/") == .malformed)
    }
}
