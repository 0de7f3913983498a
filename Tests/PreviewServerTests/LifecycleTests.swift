import Foundation
import Testing
@testable import PreviewServer

/// Starting, port fallback, a site that does not build yet, and stopping.
@Suite struct LifecycleTests {
    @Test func aTakenPortMovesToTheNextFreeOne() async throws {
        try await withPreview { first in
            let project = TestProject()
            var options = PreviewOptions(build: project.buildOptions)
            options.port = first.port
            let log = ConsoleLog()
            let second = PreviewServer(options: options, console: log.console)
            let address = try await second.start()
            #expect(address.port > first.port && address.port < first.port + 10)
            #expect(address.url == "http://127.0.0.1:\(address.port)/")
            #expect(log.text.contains("Port \(first.port) is in use; trying \(first.port + 1)."))
            #expect(log.text.contains("Serving \(address.url)"))
            #expect(try await RawHTTP.get("/", port: address.port).status == 200)
            await second.stop()
        }
    }

    @Test func stoppingClosesEventSocketsAndTheListener() async throws {
        let project = TestProject()
        var options = PreviewOptions(build: project.buildOptions)
        options.port = 0
        let server = PreviewServer(options: options, console: .silent)
        let address = try await server.start()
        let socket = try await WebSocketProbe.connect(port: address.port)
        _ = try await socket.next()
        let started = ContinuousClock.now
        await server.stop()
        #expect(ContinuousClock.now - started < .seconds(3))
        #expect(try await socket.next() == nil, "the socket was closed")
        await #expect(throws: RawHTTP.Failure.self) { try await RawHTTP.get("/", port: address.port) }
        await server.waitUntilStopped()
    }

    @Test func aSiteThatDoesNotBuildYetShowsItsErrorsUntilFixed() async throws {
        let project = TestProject()
        let config = project.read("Content/site.yml")
        project.write("Content/site.yml", config.replacingOccurrences(of: "base_url: https://fixture.example/sub/\n", with: ""))
        try await withPreview(project: project) { preview in
            let status = try await preview.status()
            #expect(status.build.isEmpty && status.errorCount > 0)
            #expect(status.errors.contains("site.yml"))
            let page = try await preview.get("/people/")
            #expect(page.status == 503)
            #expect(page.text.contains("sitegen-live-reload"))
            #expect(preview.log.text.contains("nothing to serve until it builds"))

            project.write("Content/site.yml", config)
            try await eventually("the first good build") { try await preview.get("/people/").status == 200 }
            #expect(try await preview.status().errors.isEmpty)
        }
    }

    @Test func aHostThatIsNotAnAddressIsRefused() async throws {
        var options = PreviewOptions(build: TestProject().buildOptions)
        options.host = "example.com"
        let server = PreviewServer(options: options, console: .silent)
        await #expect(throws: PreviewError.self) { try await server.start() }
    }
}
