import ArgumentParser
import Foundation
import SiteKit

/// Options shared by the commands that build the site: where its sources are and how to read them.
struct SourceOptions: ParsableArguments {
    @Option(help: "Folder of Markdown content and site.yml.")
    var content = "Content"

    @Option(help: "Folder of Mustache templates and assets.")
    var templates = "Templates"

    @Option(name: .customLong("base-url"), help: "Absolute URL the site is published at; overrides base_url in site.yml.")
    var baseURL: String?

    @Flag(help: "Also build pages marked draft: true.")
    var drafts = false

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func buildOptions() -> BuildOptions {
        var options = BuildOptions(workingDirectory: FileManager.default.currentDirectoryPath)
        options.contentDir = content
        options.templatesDir = templates
        options.baseURL = baseURL
        options.includeDrafts = drafts
        options.warningsAreErrors = strict
        return options
    }
}

/// The sources plus the output folder, for the commands that build files (`serve` keeps them in memory).
struct SiteOptions: ParsableArguments {
    @OptionGroup var sources: SourceOptions

    @Option(help: "Folder the site is written to (replaced whole, only when the build succeeds).")
    var output = "public"

    func buildOptions() -> BuildOptions {
        var options = sources.buildOptions()
        options.outputDir = output
        return options
    }
}

enum Terminal {
    /// Prints to standard error (diagnostics), leaving standard output for results.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
