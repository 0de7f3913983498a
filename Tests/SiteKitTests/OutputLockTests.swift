import Foundation
import Testing
@testable import SiteKit

/// Two builds of one output folder: the second waits for the first (or fails at once under
/// `--no-wait`), and never removes the first one's staging folder.
@Suite struct OutputLockTests {
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []
        func append(_ line: String) { lock.lock(); items.append(line); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
    }

    @Test func aSecondBuildFailsAtOnceUnderNoWaitNamingTheFirst() throws {
        let project = TemporaryFolder.project()
        let first = try StagingFolder(output: project.path + "/public", display: "public")
        var options = BuildOptions.project(project)
        options.otherBuilds = .fail
        let report = SiteBuilder.build(options)
        #expect(report.diagnostics.sorted.map(\.description) == ["public: error: another sitegen build of public/ is running, pid \(getpid()) (--no-wait)"])
        // The first build's staging folder is untouched and can still be committed.
        #expect(FileManager.default.fileExists(atPath: first.path))
        #expect(try first.commit() == StagingFolder.Stats())
    }

    @Test func aSecondBuildWaitsSayingSoThenBuilds() throws {
        let project = TemporaryFolder.project()
        let first = try StagingFolder(output: project.path + "/public", display: "public")
        try first.write(OutputFile(path: "index.html", text: "first"))
        let lines = Lines()
        let done = DispatchSemaphore(value: 0)
        var options = BuildOptions.project(project)
        options.otherBuilds = .wait(notice: { lines.append($0) })
        let waiting = options
        let result = Made()
        Thread.detachNewThread {
            result.report = SiteBuilder.build(waiting)
            done.signal()
        }
        // The second build says it waits, and does: nothing of it lands while the first holds the lock.
        let deadline = Date().addingTimeInterval(30)
        while lines.all.isEmpty && Date() < deadline { usleep(10_000) }
        #expect(lines.all == ["waiting for another sitegen build of public/, pid \(getpid())"])
        #expect(done.wait(timeout: .now() + .milliseconds(200)) == .timedOut)
        #expect(FileManager.default.fileExists(atPath: first.path))
        _ = try first.commit()
        #expect(project.read("public/index.html") == "first")
        #expect(done.wait(timeout: .now() + .seconds(60)) == .success)
        #expect(result.report?.succeeded == true)
        #expect(project.read("public/index.html")?.contains("<html") == true)
    }

    final class Made: @unchecked Sendable { var report: BuildReport? }

    @Test func anOutputThatIsALinkToAFolderIsBuiltIntoThatFolder() throws {
        let project = TemporaryFolder.project()
        let target = TemporaryFolder()
        #expect(symlink(target.path, project.path + "/live") == 0)
        var options = BuildOptions.project(project)
        options.outputDir = "live"
        let report = SiteBuilder.build(options)
        #expect(report.succeeded, "\(report.diagnostics.sorted)")
        var info = stat()
        #expect(lstat(project.path + "/live", &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        #expect(target.exists("index.html"))
    }

    @Test func anOutputThatIsABrokenLinkIsRefused() throws {
        let project = TemporaryFolder.project()
        #expect(symlink(project.path + "/nowhere", project.path + "/live") == 0)
        var options = BuildOptions.project(project)
        options.outputDir = "live"
        #expect(SiteBuilder.build(options).diagnostics.sorted.map(\.description) == [
            "live: error: live is a symbolic link that does not lead to a folder: make it point at one, or remove it",
        ])
    }
}
