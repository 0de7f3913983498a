import ArgumentParser
#if canImport(CMimalloc)
// Importing it links libmimalloc, whose malloc then serves the whole process (Package.swift).
import CMimalloc
#endif

@main
struct Sitegen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "A static site generator: Markdown (cmark) + Mustache templates → a static site with search.",
        version: "0.1.0",
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, InitCommand.self, NewCommand.self]
    )
}
