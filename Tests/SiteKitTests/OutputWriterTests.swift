import Foundation
import Testing
@testable import SiteKit

@Suite struct OutputWriterTests {
    func inode(_ path: String) -> UInt64 {
        var info = stat()
        _ = stat(path, &info)
        return UInt64(info.st_ino)
    }

    @Test func replacesTheFolderWholeAndKeepsUnchangedFiles() throws {
        let folder = TemporaryFolder()
        let output = folder.path + "/public"
        let first = try OutputWriter.write([OutputFile(path: "a/index.html", text: "A"), OutputFile(path: "gone.html", text: "G")], to: output)
        #expect(first == OutputWriter.Stats(written: 2, unchanged: 0))
        let before = inode(output + "/a/index.html")
        let second = try OutputWriter.write([OutputFile(path: "a/index.html", text: "A"), OutputFile(path: "b.html", text: "B")], to: output)
        #expect(second.unchanged == 1)
        #expect(second.written == 1)
        #expect(inode(output + "/a/index.html") == before)
        #expect(folder.read("public/b.html") == "B")
        #expect(!folder.exists("public/gone.html"))
        // No staging or old folder is left; the lock file stays (removing a flock file races with
        // a build opening it).
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("sitegen") }
        #expect(leftovers == [".public.sitegen-lock"])
    }

    @Test func refusesAFolderItDidNotWrite() {
        let folder = TemporaryFolder()
        folder.write("docs/precious.txt", "keep me")
        #expect(throws: OutputWriter.WriteError.self) {
            try OutputWriter.write([OutputFile(path: "index.html", text: "x")], to: folder.path + "/docs")
        }
        #expect(folder.read("docs/precious.txt") == "keep me")
    }

    @Test func cleansUpStagingFoldersOfKilledBuilds() throws {
        let folder = TemporaryFolder()
        folder.write(".public.sitegen-staging-99999/index.html", "half")
        _ = try OutputWriter.write([OutputFile(path: "index.html", text: "x")], to: folder.path + "/public")
        #expect(!folder.exists(".public.sitegen-staging-99999"))
    }
}

@Suite struct OutputGuardTests {
    @Test func refusesDangerousOutputFolders() {
        let folder = TemporaryFolder()
        folder.write("Content/site.yml", "title: x")
        folder.write("Templates/a.mustache", "")
        let content = folder.path + "/Content", templates = folder.path + "/Templates"
        func problem(_ output: String) -> String? {
            OutputGuard.problem(output: output, content: content, templates: templates, projectRoot: folder.path)
        }
        #expect(problem(folder.path) != nil)
        #expect(problem(content) != nil)
        #expect(problem(templates) != nil)
        #expect(problem(content + "/public") != nil)
        #expect(problem("/") != nil)
        #expect(problem(NSHomeDirectory()) != nil)
        #expect(problem((folder.path as NSString).deletingLastPathComponent) != nil)
        #expect(problem(folder.path + "/public") == nil)
        #expect(problem(folder.path + "/Content/../public") == nil)
    }
}
