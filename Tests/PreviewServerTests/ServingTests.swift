import Foundation
import Testing
@testable import PreviewServer

/// What the server sends for each kind of request, compared with what `sitegen build` would write.
@Suite struct ServingTests {
    /// The media types a static host sends, written out here rather than taken from MediaType.
    static let expectedTypes: [String: String] = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "json": "application/json", "xml": "application/xml; charset=utf-8", "txt": "text/plain; charset=utf-8",
        "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "gif": "image/gif", "webp": "image/webp",
        "ico": "image/x-icon", "woff": "font/woff", "woff2": "font/woff2", "ics": "text/calendar; charset=utf-8",
    ]

    /// A project whose assets cover every media type, binary bytes included.
    static func projectWithAssets() -> TestProject {
        let project = TestProject()
        let binary: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF, 0x0D, 0x0A, 0x1A, 0x00]
        for name in ["logo.png", "photo.jpg", "anim.gif", "pic.webp", "favicon.ico", "font.woff", "font.woff2"] {
            _ = FileManager.default.createFile(atPath: project.root + "/Templates/assets/" + name, contents: Data(binary + Array(name.utf8)))
        }
        project.write("Templates/assets/icon.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        project.write("Templates/assets/app.js", "console.log('</body>');\n")
        project.write("Templates/assets/data.json", "{\"a\": 1}\n")
        project.write("Templates/assets/event.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
        project.write("Templates/assets/notes.txt", "plain\n")
        return project
    }

    @Test func everyFileIsServedWithTheBuildsBytesAndType() async throws {
        let project = Self.projectWithAssets()
        let built = project.builtFiles()
        #expect(built.count > 20)
        try await withPreview(project: project) { preview in
            var seenExtensions: Set<String> = []
            for (path, bytes) in built {
                let reply = try await preview.get("/" + path)
                #expect(reply.status == 200, "\(path)")
                let ext = path.split(separator: ".").last.map(String.init) ?? ""
                if let type = Self.expectedTypes[ext] {
                    seenExtensions.insert(ext)
                    #expect(reply.headers["content-type"] == type, "\(path)")
                }
                if ext == "html" {
                    let served = reply.text
                    #expect(served.components(separatedBy: "id=\"sitegen-live-reload\"").count == 2, "\(path): one script")
                    #expect(withoutReloadScript(served) == String(decoding: bytes, as: UTF8.self), "\(path)")
                    #expect(served.range(of: "<script id=\"sitegen-live-reload\">")!.lowerBound < served.range(of: "</body>", options: .backwards)!.lowerBound)
                } else {
                    #expect(reply.body == bytes, "\(path): same bytes as the build")
                }
                #expect(reply.headers["content-length"] == String(reply.body.count))
                // The build itself never contains the script.
                #expect(!String(decoding: bytes, as: UTF8.self).contains("sitegen-live-reload"), "\(path)")
            }
            #expect(seenExtensions == Set(Self.expectedTypes.keys), "every media type was checked")
        }
    }

    @Test func headSendsTheHeadersOfGetWithoutABody() async throws {
        try await withPreview { preview in
            for target in ["/people/", "/assets/style.css", "/no-such-page"] {
                let get = try await preview.get(target)
                let head = try await RawHTTP.request("HEAD", target, port: preview.port)
                #expect(head.status == get.status, "\(target)")
                #expect(head.headers["content-type"] == get.headers["content-type"], "\(target)")
                #expect(head.headers["content-length"] == String(get.body.count), "\(target)")
                #expect(head.body.isEmpty, "\(target)")
            }
        }
    }

    @Test func foldersWithoutSlashRedirect() async throws {
        try await withPreview { preview in
            let redirect = try await preview.get("/people")
            #expect(redirect.status == 301)
            #expect(redirect.headers["location"] == "/people/")
            let withQuery = try await preview.get("/people?tab=2")
            #expect(withQuery.headers["location"] == "/people/?tab=2")
            let target = try await preview.get("/people/")
            #expect(target.status == 200)
            #expect(withoutReloadScript(target.text) == String(decoding: preview.project.builtFiles()["people/index.html"]!, as: UTF8.self))
        }
    }

    @Test func unknownPathsGetTheSites404PageWithStatus404() async throws {
        try await withPreview { preview in
            let built = preview.project.builtFiles()["404.html"]!
            for target in ["/no/such/page", "/people/nobody/", "/assets/missing.css"] {
                let reply = try await preview.get(target)
                #expect(reply.status == 404, "\(target)")
                #expect(reply.headers["content-type"] == "text/html; charset=utf-8")
                #expect(withoutReloadScript(reply.text) == String(decoding: built, as: UTF8.self))
                #expect(reply.text.contains("sitegen-live-reload"))
            }
        }
    }

    @Test func noRequestPathReachesOutsideTheSite() async throws {
        let project = TestProject()
        project.write("secret.txt", "TOP-SECRET\n")
        try await withPreview(project: project) { preview in
            let attempts = [
                "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/%2e%2e/etc/passwd", "/..%2fsecret.txt",
                "/..%2f..%2f..%2fetc%2fpasswd", "//etc/passwd", "///secret.txt", "/..\\secret.txt", "/%5c..%5csecret.txt",
                "/assets/..%5c..%5csecret.txt", "/index.html%00", "/%00/../secret.txt", "/../Content/site.yml",
                "/people/../../Content/site.yml", "/assets/../../Templates/layouts/home.mustache", "/%252e%252e/secret.txt",
                "/.%2e/.%2e/secret.txt", "/people/%2e%2e/%2e%2e/secret.txt", "/%c0%ae%c0%ae/secret.txt",
            ]
            for target in attempts {
                let reply = try await preview.get(target)
                #expect([400, 404].contains(reply.status), "\(target) → \(reply.status)")
                for leak in ["TOP-SECRET", "base_url:", "root:x:0", "{{"] {
                    #expect(!reply.text.contains(leak), "\(target) leaked \(leak)")
                }
            }
            // Dot segments that stay inside the site are resolved, as browsers resolve them.
            let inside = try await preview.get("/people/../about/")
            #expect(inside.status == 200)
            #expect(inside.text.contains("Second heading with the same text."))
        }
    }

    @Test func onlyGetAndHeadAreServed() async throws {
        try await withPreview { preview in
            let reply = try await RawHTTP.request("POST", "/", port: preview.port, headers: ["Content-Length: 0"])
            #expect(reply.status == 405)
            #expect(reply.headers["allow"] == "GET, HEAD")
        }
    }

    @Test func statusIsJSONForTheOverlay() async throws {
        try await withPreview { preview in
            let reply = try await preview.get("/__sitegen/status")
            #expect(reply.headers["content-type"] == "application/json")
            let status = try JSONDecoder().decode(BuildStatus.self, from: Data(reply.body))
            #expect(!status.build.isEmpty)
            #expect(status.errors.isEmpty && status.errorCount == 0)
            // The page names the build it came from, so it can tell when a newer one exists.
            let page = try await preview.get("/")
            #expect(page.text.contains("const build = \"\(status.build)\";"))
        }
    }
}
