import Foundation
import MarkdownRenderer
import SearchIndex
import TemplateEngine

/// The second pass of a full build, on all cores: every page in output-path order (the search
/// index's document order) has its file read again, its Markdown rendered, its layout rendered and
/// written, and its text tokenized for search. Pages are taken in slices; a finished slice is
/// merged into the search index in order, which writes each snippet and metadata file as soon as
/// it is complete. What a page leaves behind is its output path and its term counts: memory does
/// not grow with the text of the pages already written.
struct PageStream: Sendable {
    let assembly: Assembly
    let library: TemplateLibrary?
    let templatesDisplay: String
    let contentRoot: String
    let resolver: LinkResolver
    let markdownOptions: MarkdownOptions
    let searchOptions: SearchOptions
    /// Where files go; nil keeps them in memory (`sitegen check`) or drops them (a build that has
    /// already failed, which renders on only to report every error).
    let staging: StagingFolder?
    /// Whether files not written to staging keep their bytes.
    let keepsBytes: Bool

    /// What the pass made. (A class, so the index writer is mutated in place, never copied.)
    final class Output: @unchecked Sendable {
        /// The page files, in output-path order (paths only when written to staging).
        var outputs: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        var searchIndex: SearchIndexWriter
        /// The search files written so far (paths only when written to staging).
        var searchFiles: [OutputFile] = []
        /// The rendered Markdown of the feed's entries, which the feed includes.
        var feedMarkdown: [(Int, RenderedMarkdown)] = []
        let staging: StagingFolder?
        let keepsBytes: Bool

        init(searchIndex: SearchIndexWriter, staging: StagingFolder?, keepsBytes: Bool) {
            self.searchIndex = searchIndex
            self.staging = staging
            self.keepsBytes = keepsBytes
        }

        /// Stores or writes one search file.
        func put(_ file: GeneratedFile) {
            guard let staging else {
                searchFiles.append(OutputFile(path: file.path, bytes: keepsBytes ? file.bytes : []))
                return
            }
            do throws(StagingFolder.WriteError) {
                try staging.write(OutputFile(path: file.path, bytes: file.bytes))
                searchFiles.append(OutputFile(path: file.path, bytes: []))
            } catch {
                diagnostics.append(.error(staging.output, error.description))
            }
        }

        /// Writes the rest of the search index; returns every search file and the new diagnostics.
        func finishSearchIndex() -> ([OutputFile], [Diagnostic]) {
            let before = diagnostics.count
            searchIndex.finish { put($0) }
            return (searchFiles, Array(diagnostics[before...]))
        }
    }

    /// One slice's results, waiting for its turn to be merged.
    private struct SliceOutput: Sendable {
        var outputs: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        var tokens: TokenizedSlice?
        var feedMarkdown: [(Int, RenderedMarkdown)] = []
    }

    /// Slice builders waiting for a worker: each keeps its term table from slice to slice, so the
    /// slices one builder makes must be merged in the order it made them. A worker can take up a
    /// slice late (after another took a later one), so each builder goes only to a slice after the
    /// last it made.
    private final class BuilderPool: @unchecked Sendable {
        private let lock = NSLock()
        /// Idle builders with the number of the last slice each made.
        private var idle: [(builder: TokenizedSlice.Builder, last: Int)] = []
        private var made = 0
        let options: SearchOptions

        init(options: SearchOptions) { self.options = options }

        func take(for number: Int) -> TokenizedSlice.Builder {
            lock.lock()
            defer { lock.unlock() }
            if let index = idle.lastIndex(where: { $0.last < number }) { return idle.remove(at: index).builder }
            made += 1
            return TokenizedSlice.Builder(options: options, source: made - 1)
        }

        func give(_ builder: TokenizedSlice.Builder, after number: Int) {
            lock.lock()
            idle.append((builder, number))
            lock.unlock()
        }
    }

    /// Merges slices in order, whichever thread finishes them.
    private final class Merger: @unchecked Sendable {
        private let lock = NSLock()
        private var waiting: [Int: SliceOutput] = [:]
        private var next = 0
        let output: Output

        init(_ output: Output) { self.output = output }

        func hand(_ slice: SliceOutput, number: Int) {
            lock.lock()
            defer { lock.unlock() }
            waiting[number] = slice
            while let ready = waiting.removeValue(forKey: next) {
                output.outputs += ready.outputs
                output.diagnostics += ready.diagnostics
                output.feedMarkdown += ready.feedMarkdown
                if let tokens = ready.tokens { output.searchIndex.add(tokens) { output.put($0) } }
                next += 1
            }
        }
    }

    func run() -> Output {
        let site = assembly.site
        let order = site.pages.indices.sorted { (site.pages[$0].outputPath, $0) < (site.pages[$1].outputPath, $1) }
        let renderable = order.filter { !site.pages[$0].hasErrors }
        let renderer = library.map { PageRenderer(assembly, library: $0, templatesDisplay: templatesDisplay, indexes: renderable) }
        var layoutOf: [Int: Result<String, Diagnostic>] = [:]
        if let renderer { for (index, layout) in zip(renderable, renderer.layouts) { layoutOf[index] = layout } }
        let layouts = layoutOf
        let feed = Set(assembly.feedEntries)

        let merger = Merger(Output(searchIndex: SearchIndexWriter(options: searchOptions), staging: staging,
                                   keepsBytes: keepsBytes))
        let pool = BuilderPool(options: searchOptions)
        let sliceSize = max(1, min(64, order.count / (CPU.activeCores * 16)))
        let sliceCount = (order.count + sliceSize - 1) / sliceSize
        DispatchQueue.concurrentPerform(iterations: sliceCount) { number in
            var builder = pool.take(for: number)
            var slice = SliceOutput()
            for index in order[(number * sliceSize)..<min((number + 1) * sliceSize, order.count)] {
                let page = site.pages[index]
                let (markdown, markdownDiagnostics) = self.markdown(of: page)
                slice.diagnostics += markdownDiagnostics
                if let renderer, let layout = layouts[index] {
                    switch renderer.render(index, layout: layout, markdown: markdown, staging: staging) {
                    case .success(let file):
                        slice.outputs.append(staging == nil && !keepsBytes ? OutputFile(path: file.path, bytes: []) : file)
                    case .failure(let diagnostics): slice.diagnostics += diagnostics.items
                    }
                }
                if let document = SearchStage.document(for: page, markdown: markdown, site: site) { builder.add(document) }
                if feed.contains(index), let markdown { slice.feedMarkdown.append((index, markdown)) }
            }
            slice.tokens = builder.takeSlice()
            pool.give(builder, after: number)
            merger.hand(slice, number: number)
        }
        return merger.output
    }

    /// The page's rendered Markdown: kept from pass 1 (section lists), or rendered from its file,
    /// read again; nil when the file can no longer be read as it was.
    private func markdown(of page: Page) -> (RenderedMarkdown?, [Diagnostic]) {
        if let markdown = page.markdown { return (markdown, []) }
        if page.sourcePath.isEmpty { return (MarkdownRenderer.render("", options: markdownOptions), []) }
        switch ContentLoader.body(of: page, contentRoot: contentRoot) {
        case .success(let body):
            let rendered = MarkdownStage.render(page, body: body, resolver: resolver, options: markdownOptions)
            return (rendered.markdown, rendered.diagnostics)
        case .failure(let diagnostic):
            return (nil, [diagnostic])
        }
    }
}
