import ArgumentParser
import Foundation
import SiteKit

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Make a small working site in a new folder: site.yml with one section, a home page, a post, and a minimal accessible theme.",
        discussion: "The folder must not exist yet, or be empty. The site builds and passes `sitegen check --strict` as written. On an error nothing is written and the exit status is 1."
    )

    @Argument(help: "The folder to make the site in.")
    var directory: String

    func run() throws {
        let request = SiteInitRequest(directory: directory, today: ContentDate(Date()),
                                      workingDirectory: FileManager.default.currentDirectoryPath)
        switch SiteInit.create(request) {
        case .failure(let problems):
            Terminal.error(DiagnosticFormatter().report(problems))
            throw ExitCode(1)
        case .success(let written):
            print("Made a new site in \(directory)/ (\(written.count) files). Next: cd \(directory) && sitegen serve")
        }
    }
}
