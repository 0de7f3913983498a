import Foundation
import Testing
@testable import SiteKit

/// Content and templates are input from strangers: links that lead out of their folder, FIFOs,
/// devices and huge files are errors at their path, and nothing behind them is read or published.
@Suite struct UntrustedFilesTests {
    func build(_ folder: TemporaryFolder) -> BuildReport {
        var options = BuildOptions.project(folder)
        options.dryRun = true
        return SiteBuilder.build(options)
    }

    func messages(_ report: BuildReport) -> [String] { report.diagnostics.sorted.map(\.description) }

    @Test func aFolderLinkLeadingOutsideContentIsAnErrorAndNothingOfItIsPublished() throws {
        let outside = TemporaryFolder()
        outside.write("secret.md", "---\ntitle: Secret\n---\nThe launch codes.\n")
        let project = TemporaryFolder.project()
        #expect(symlink(outside.path, project.path + "/Content/leak") == 0)
        let report = build(project)
        #expect(!report.succeeded)
        #expect(messages(report) == ["Content/leak: error: symbolic link leads outside Content (to '\(outside.path)'): not followed"])
        #expect(!report.files.contains { String(decoding: $0.bytes, as: UTF8.self).contains("launch codes") })
    }

    @Test func aFileLinkToASystemFileIsRefusedWithoutQuotingIt() throws {
        let project = TemporaryFolder.project()
        #expect(symlink("/etc/passwd", project.path + "/Content/passwd.md") == 0)
        #expect(symlink("/etc", project.path + "/Content/etcdir") == 0)
        #expect(symlink("/dev/zero", project.path + "/Content/zero.md") == 0)
        let report = build(project)
        #expect(messages(report) == [
            "Content/etcdir: error: symbolic link leads outside Content (to '/etc'): not followed",
            "Content/passwd.md: error: symbolic link leads outside Content (to '/etc/passwd'): not followed",
            "Content/zero.md: error: symbolic link leads outside Content (to '/dev/zero'): not followed",
        ])
        let formatted = DiagnosticFormatter().report(report.diagnostics)
        #expect(!formatted.contains("root:"))
    }

    @Test func linksThatStayInsideAreFollowed() throws {
        let project = TemporaryFolder.project()
        #expect(symlink("about.md", project.path + "/Content/about-again.md") == 0)
        #expect(symlink("people", project.path + "/Content/folks") == 0)
        let report = build(project)
        // Followed: the linked copies are pages of their own (and collide by title only, not by URL).
        #expect(report.succeeded, "\(messages(report))")
        #expect(report.files.contains { $0.path == "about-again/index.html" })
        #expect(report.files.contains { $0.path.hasPrefix("folks/") })
    }

    @Test func aFIFOIsAnErrorNotAHang() throws {
        let project = TemporaryFolder.project()
        #expect(mkfifo(project.path + "/Content/fifo.md", 0o644) == 0)
        #expect(mkfifo(project.path + "/Templates/partials/pipe.mustache", 0o644) == 0)
        let report = build(project)
        #expect(messages(report) == [
            "Content/fifo.md: error: file is a FIFO (named pipe), not a regular file: not read",
            "Templates/partials/pipe.mustache: error: file is a FIFO (named pipe), not a regular file: not read",
        ])
    }

    @Test func aFIFOAsSiteConfigurationIsAnError() throws {
        let project = TemporaryFolder.project()
        try FileManager.default.removeItem(atPath: project.path + "/Content/site.yml")
        #expect(mkfifo(project.path + "/Content/site.yml", 0o644) == 0)
        #expect(messages(build(project)) == ["Content/site.yml: error: file is a FIFO (named pipe), not a regular file: not read"])
    }

    @Test func aTemplateFolderLinkLeadingOutsideIsAnError() throws {
        let outside = TemporaryFolder()
        outside.write("x.css", "body{}")
        let project = TemporaryFolder.project()
        #expect(symlink(outside.path, project.path + "/Templates/assets/vendor") == 0)
        #expect(messages(build(project)) == ["Templates/assets/vendor: error: symbolic link leads outside Templates (to '\(outside.path)'): not followed"])
    }

    @Test func aTemplateAssetFolderLinkInsideIsPublished() throws {
        let project = TemporaryFolder.project()
        project.write("Templates/common/logo.svg", "<svg/>")
        #expect(symlink("../common", project.path + "/Templates/assets/linked") == 0)
        let report = build(project)
        #expect(report.succeeded, "\(messages(report))")
        #expect(report.files.contains { $0.path == "assets/linked/logo.svg" })
    }

    @Test func filesOverTheLimitAreRefusedBeforeTheyAreRead() throws {
        let folder = TemporaryFolder()
        folder.write("big.md", String(repeating: "x", count: 100))
        #expect(InputFile.read(folder.path + "/big.md", limit: 99) == .failure(.tooLarge(bytes: 100, limit: 99)))
        #expect((try? InputFile.read(folder.path + "/big.md", limit: 100).get())?.count == 100)
        #expect(InputFile.read(folder.path) == .failure(.notRegular(kind: "a folder")))
        #expect(InputFile.read("/dev/zero") == .failure(.notRegular(kind: "a device")))
    }
}

/// `serve` reads changed files one at a time; it must refuse the same links a build refuses.
@Suite struct UntrustedFilesInServeTests {
    @Test func aLinkLeadingOutAddedWhileServingIsTheBuildsError() throws {
        let outside = TemporaryFolder()
        outside.write("secret.md", "---\ntitle: Secret\n---\nThe launch codes.\n")
        let project = TemporaryFolder.project()
        let builder = BuildPipeline(options: BuildOptions.project(project))
        #expect(builder.build().succeeded)
        #expect(symlink(outside.path + "/secret.md", project.path + "/Content/leak.md") == 0)
        let result = builder.rebuild(changed: [project.path + "/Content/leak.md"])
        #expect(result.report.diagnostics.sorted.map(\.description) == [
            "Content/leak.md: error: symbolic link leads outside Content (to '\(outside.path)/secret.md'): not followed",
        ])
        #expect(!builder.outputs.values.contains { String(decoding: $0, as: UTF8.self).contains("launch codes") })
    }

    @Test func anAssetFolderLinkLeadingOutAddedWhileServingIsTheBuildsError() throws {
        let outside = TemporaryFolder()
        outside.write("x.css", "body{}")
        let project = TemporaryFolder.project()
        let builder = BuildPipeline(options: BuildOptions.project(project))
        #expect(builder.build().succeeded)
        #expect(symlink(outside.path, project.path + "/Templates/assets/vendor") == 0)
        let result = builder.rebuild(changed: [project.path + "/Templates/assets/vendor"])
        #expect(result.report.diagnostics.sorted.map(\.description) == [
            "Templates/assets/vendor: error: symbolic link leads outside Templates (to '\(outside.path)'): not followed",
        ])
    }
}
