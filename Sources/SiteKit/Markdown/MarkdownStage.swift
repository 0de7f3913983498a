import Dispatch
import MarkdownRenderer

/// Renders every page's Markdown through cmark, in parallel, rewriting links to content files.
enum MarkdownStage {
    /// Renders the pages at `indexes` (all when nil); links are checked against every page.
    static func run(_ pages: inout [Page], config: SiteConfig, drafts: Set<String>, indexes: [Int]? = nil) -> [Diagnostic] {
        var outputs: [String: String] = [:]
        for page in pages where !page.sourcePath.isEmpty { outputs[page.sourcePath] = page.outputPath }
        let resolver = LinkResolver(outputs: outputs, drafts: drafts)
        let options = MarkdownOptions(smartPunctuation: true, unsafeHTML: config.unsafeHTML)
        let selected = indexes ?? Array(pages.indices)
        let input = selected.map { pages[$0] }
        let results = ParallelMap.map(input) { page -> (RenderedMarkdown, Set<String>, [Diagnostic]) in
            var linked: Set<String> = []
            let origin = LinkResolver.Origin(page)
            let rendered = MarkdownRenderer.render(page.body, options: options) { destination in
                let (rewrite, target) = resolver.resolve(destination, from: origin)
                if let target { linked.insert(target) }
                return rewrite
            }
            let diagnostics = rendered.diagnostics.map {
                Diagnostic.error(page.displayPath, line: $0.line + page.bodyFirstLine - 1, column: $0.column, $0.message)
            }
            return (rendered, linked, diagnostics)
        }
        var diagnostics: [Diagnostic] = []
        for (offset, index) in selected.enumerated() {
            pages[index].markdown = results[offset].0
            pages[index].linkedSources = results[offset].1
            diagnostics.append(contentsOf: results[offset].2)
        }
        return diagnostics
    }
}
