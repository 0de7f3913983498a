import Dispatch
import MarkdownRenderer
import SiteSupport

/// Renders every page's Markdown through cmark, in parallel, rewriting links to content files.
enum MarkdownStage {
    /// Renders the pages at `indexes` (all when nil); links are checked against every page, through
    /// `resolver` when given (it must have been made from these pages and drafts).
    static func run(_ pages: inout [Page], config: SiteConfig, drafts: Set<String>, indexes: [Int]? = nil,
                    resolver given: LinkResolver? = nil) -> [Diagnostic] {
        let resolver = given ?? resolver(for: pages, drafts: drafts)
        let options = options(config)
        let selected = indexes ?? Array(pages.indices)
        let input = selected.map { pages[$0] }
        let results = Parallel.map(input) { page in render(page, body: page.body, resolver: resolver, options: options) }
        var diagnostics: [Diagnostic] = []
        for (offset, index) in selected.enumerated() {
            pages[index].markdown = results[offset].markdown
            pages[index].linkedSources = results[offset].linked
            diagnostics.append(contentsOf: results[offset].diagnostics)
        }
        return diagnostics
    }

    /// Link targets for `pages`; `failed` are the content files that could not be read as pages.
    static func resolver(for pages: [Page], drafts: Set<String>, failed: Set<String> = []) -> LinkResolver {
        var outputs: [String: String] = [:]
        for page in pages where !page.sourcePath.isEmpty { outputs[page.sourcePath] = page.outputPath }
        return LinkResolver(outputs: outputs, drafts: drafts, failed: failed)
    }

    static func options(_ config: SiteConfig) -> MarkdownOptions {
        MarkdownOptions(smartPunctuation: true, unsafeHTML: config.unsafeHTML)
    }

    /// One page's Markdown `body`: the rendering, the content files it links to, and its
    /// diagnostics at file positions.
    static func render(_ page: Page, body: String, resolver: LinkResolver, options: MarkdownOptions)
        -> (markdown: RenderedMarkdown, linked: Set<String>, diagnostics: [Diagnostic]) {
        var linked: Set<String> = []
        let origin = LinkResolver.Origin(page)
        var rendered = MarkdownRenderer.render(body, options: options) { destination in
            let (rewrite, target) = resolver.resolve(destination, from: origin)
            if let target { linked.insert(target) }
            return rewrite
        }
        var diagnostics = rendered.diagnostics.map {
            Diagnostic.error(page.displayPath, line: $0.line + page.bodyFirstLine - 1, column: $0.column, $0.message)
        }
        // A shortcode's `ref` names a content page, resolved as a link from this page is.
        for (number, call) in rendered.shortcodes.enumerated() {
            guard let reference = call.argument("ref") else { continue }
            let (rewrite, target) = resolver.resolve(reference.value, from: origin)
            let at = (line: reference.line + page.bodyFirstLine - 1, column: reference.column)
            if case .error(let message) = rewrite {
                diagnostics.append(.error(page.displayPath, line: at.line, column: at.column, "shortcode '\(call.name)': ref: \(message)"))
            } else if let target {
                linked.insert(target)
                rendered.shortcodes[number].referenceSource = target
            } else {
                diagnostics.append(.error(page.displayPath, line: at.line, column: at.column,
                                          "shortcode '\(call.name)': ref '\(reference.value)' must name a content page (a .md file)"))
            }
        }
        return (rendered, linked, diagnostics)
    }
}
