import Dispatch
import MarkdownRenderer

/// Renders every page's Markdown through cmark, in parallel, rewriting links to content files.
enum MarkdownStage {
    static func run(_ pages: inout [Page], config: SiteConfig, drafts: Set<String>) -> [Diagnostic] {
        var outputs: [String: String] = [:]
        for page in pages where !page.sourcePath.isEmpty { outputs[page.sourcePath] = page.outputPath }
        let resolver = LinkResolver(outputs: outputs, drafts: drafts)
        let options = MarkdownOptions(smartPunctuation: true, unsafeHTML: config.unsafeHTML)
        let input = pages
        let results = ParallelMap.map(input) { page -> (RenderedMarkdown, [Diagnostic]) in
            let rendered = MarkdownRenderer.render(page.body, options: options) { resolver.rewrite($0, from: page) }
            let diagnostics = rendered.diagnostics.map {
                Diagnostic.error(page.displayPath, line: $0.line + page.bodyFirstLine - 1, column: $0.column, $0.message)
            }
            return (rendered, diagnostics)
        }
        var diagnostics: [Diagnostic] = []
        for index in pages.indices {
            pages[index].markdown = results[index].0
            diagnostics.append(contentsOf: results[index].1)
        }
        return diagnostics
    }
}
