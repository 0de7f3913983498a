import Foundation
import Testing
@testable import PreviewServer

/// Lines the server printed, gathered for assertions.
final class ConsoleLog: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    var console: PreviewConsole {
        PreviewConsole(info: { line in self.append(line) }, error: { line in self.append(line) })
    }

    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var text: String { lock.withLock { lines.joined(separator: "\n") } }
}

/// A running preview of a test project on a free loopback port.
struct Preview {
    let server: PreviewServer
    let port: UInt16
    let project: TestProject
    let log: ConsoleLog

    func get(_ target: String) async throws -> HTTPReply { try await RawHTTP.get(target, port: port) }

    func status() async throws -> BuildStatus {
        let reply = try await get("/__sitegen/status")
        return try JSONDecoder().decode(BuildStatus.self, from: Data(reply.body))
    }
}

/// Starts a preview of `project` (port 0, fast debounce), runs `body`, and always stops the server.
func withPreview(project: TestProject = TestProject(), configure: (inout PreviewOptions) -> Void = { _ in },
                 _ body: (Preview) async throws -> Void) async throws {
    var options = PreviewOptions(build: project.buildOptions)
    options.port = 0
    options.debounce = Debounce(whileWriting: .milliseconds(20), afterSaves: .milliseconds(5))
    configure(&options)
    let log = ConsoleLog()
    let server = PreviewServer(options: options, console: log.console)
    let address = try await server.start()
    do {
        try await body(Preview(server: server, port: address.port, project: project, log: log))
    } catch {
        await server.stop()
        throw error
    }
    await server.stop()
}

struct TimedOut: Error, CustomStringConvertible { var description: String }

/// Polls `condition` every 20 ms until it holds; fails after `limit`. It is asked once more after
/// the deadline: a sleep that overran it (the test's task not resumed while other suites' synchronous
/// builds held every thread of the pool) is no evidence that the condition never came true.
func eventually(_ what: String, within limit: Duration = .seconds(10), _ condition: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(20))
    }
    if try await condition() { return }
    throw TimedOut(description: "timed out waiting for \(what)")
}

/// `html` with the reload script element (as the server injects it) taken out.
func withoutReloadScript(_ html: String) -> String {
    guard let start = html.range(of: "<script id=\"sitegen-live-reload\">"),
          let end = html.range(of: "</script>\n", range: start.upperBound..<html.endIndex) else { return html }
    return String(html[..<start.lowerBound] + html[end.upperBound...])
}
