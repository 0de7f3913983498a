import ArgumentParser
import Dispatch
import PreviewServer
import SiteKit

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site in memory, serve it, and rebuild and reload open pages on every change.",
        discussion: """
            Watches the content and templates folders. A change that does not build keeps the last good \
            build on the air; its errors are printed here and shown over the page in the browser until fixed. \
            Nothing is written to the output folder.
            """
    )

    @OptionGroup var site: SourceOptions

    @Option(help: "Port to listen on; when it is taken, the next free one is used.")
    var port: UInt16 = 8080

    @Option(help: "Address to listen on. Anything but loopback lets other machines see the preview.")
    var host = "127.0.0.1"

    @Flag(help: "Find changes by scanning the folders instead of through the system's notifications.")
    var poll = false

    @Flag(help: "Print how long each stage of every build took.")
    var timings = false

    func run() throws {
        var options = PreviewOptions(build: site.buildOptions())
        options.port = port
        options.host = host
        if poll { options.watchMode = .polling(interval: .milliseconds(250)) }
        options.showTimings = timings
        let server = PreviewServer(options: options)
        let failure = Blocking.run { () async -> PreviewError? in
            do throws(PreviewError) {
                _ = try await server.start()
            } catch {
                return error
            }
            await server.runUntilInterrupted()
            return nil
        }
        if let failure {
            Terminal.error("error: \(failure.description)")
            throw ExitCode(1)
        }
    }
}

/// Runs async work from a synchronous command (the root command is synchronous) and waits for it.
enum Blocking {
    static func run<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox<T>()
        Task {
            box.value = await work()
            done.signal()
        }
        done.wait()
        return box.value!
    }

    /// Written by the task before the semaphore is signalled, read after the wait: no overlap.
    private final class ResultBox<T>: @unchecked Sendable {
        var value: T?
    }
}
