import ArgumentParser
import Foundation
import SiteKit

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new page from its section's rules, or from Templates/archetypes/<section>.md.",
        discussion: """
            The path is inside the content folder: `sitegen new speakers/li-ming.md`. The page gets a title from its file name, \
            the section's required fields (empty, for you to fill in; enumerated ones list their allowed values), today's date \
            where the section requires a date, and draft: true. An existing file is never overwritten. \
            On an error nothing is written and the exit status is 1.
            """
    )

    @Argument(help: "The new page's path inside the content folder, such as speakers/li-ming.md.")
    var path: String

    @Option(help: "Folder of Markdown content and site.yml.")
    var content = "Content"

    @Option(help: "Folder of Mustache templates and assets (archetypes are read from its archetypes/ folder).")
    var templates = "Templates"

    func run() throws {
        var request = NewPageRequest(path: path, today: ContentDate(Date()), workingDirectory: FileManager.default.currentDirectoryPath)
        request.contentDir = content
        request.templatesDir = templates
        switch NewPage.create(request) {
        case .failure(let problems):
            Terminal.error(DiagnosticFormatter().report(problems))
            throw ExitCode(1)
        case .success(let made):
            print("Created \(made.displayPath)" + (made.archetype.map { " from \($0)" } ?? ""))
        }
    }
}
