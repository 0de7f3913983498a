import Foundation
import MarkdownRenderer
import SearchIndex
import SiteSupport
import TemplateEngine

/// The render loop of every build, on all cores: the pages asked for (all of them for `build` and
/// `check`, the marked ones for `serve`), in output-path order (the search index's document order),
/// each with its Markdown (read again from its file when the first pass kept none), its shortcodes
/// expanded, its layout rendered and the file written or kept, and, when asked, its text tokenized
/// for search and what it read recorded. Pages are taken in slices; a finished slice is merged in
/// order, into the search index too, which writes each snippet and metadata file as soon as it is
/// complete. Streaming to disk, what a page leaves behind is its output path and its term counts:
/// memory does not grow with the text of the pages already written.
struct PageStream: Sendable {
    let assembly: Assembly
    let library: TemplateLibrary?
    let templatesDisplay: String
    /// Where the pages' files are read again for their Markdown; nil when every page carries its
    /// rendered Markdown (`serve` keeps it).
    let contentRoot: String?
    let resolver: LinkResolver
    let markdownOptions: MarkdownOptions
    /// The pages to visit (any order); nil for every page.
    var indexes: [Int]? = nil
    /// How pages are tokenized for the search index as they go; nil makes no search index here
    /// (`serve` makes the whole index from every page's kept text, `SiteWideFiles`).
    let searchOptions: SearchOptions?
    /// Where files go; nil keeps them in memory (`sitegen check`, `serve`) or drops them (a build
    /// that has already failed, which renders on only to report every error).
    let staging: StagingFolder?
    /// Whether files not written to staging keep their bytes.
    let keepsBytes: Bool
    /// Whether each visited page is reported one by one (`Output.visited`), with what it read.
    var recordsReads = false

    /// One page the loop visited, reported when `recordsReads` is on.
    struct Visited: Sendable {
        let index: Int
        /// The page's file, or nil when it did not render (errors, or no layout to render it with).
        var file: OutputFile?
        /// Its render's errors (layout, template, shortcodes); empty when it rendered.
        var diagnostics: [Diagnostic] = []
        /// What the render read; nil when the page was not rendered at all (it has errors of its own).
        var reads: PageReads?
        /// Its Markdown with the shortcodes expanded, when it has shortcodes.
        var expanded: RenderedMarkdown?
    }

    /// What the pass made. (A class, so the index writer is mutated in place, never copied.)
    final class Output: @unchecked Sendable {
        /// The page files, in output-path order (paths only when written to staging).
        var outputs: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        /// Every visited page, in output-path order (only with `recordsReads`).
        var visited: [Visited] = []
        var searchIndex: SearchIndexWriter?
        /// The search files written so far (paths only when written to staging).
        var searchFiles: [OutputFile] = []
        /// The rendered Markdown of the feed's entries, which the feed includes.
        var feedMarkdown: [(Int, RenderedMarkdown)] = []
        let staging: StagingFolder?
        let keepsBytes: Bool

        init(searchIndex: SearchIndexWriter?, staging: StagingFolder?, keepsBytes: Bool) {
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
            searchIndex?.finish { put($0) }
            return (searchFiles, Array(diagnostics[before...]))
        }
    }

    /// One slice's results, waiting for its turn to be merged.
    private struct SliceOutput: Sendable {
        var outputs: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        var visited: [Visited] = []
        var tokens: TokenizedSlice?
        var feedMarkdown: [(Int, RenderedMarkdown)] = []
    }

    /// Slice builders waiting for a worker: each keeps its term table from slice to slice, so the
    /// slices one builder makes must be merged in the order it made them. A worker therefore takes
    /// a builder and the number of the slice it will fill in one step, under one lock: a builder
    /// given back can only be taken again for a later slice. (Numbering slices by the worker's
    /// iteration instead let a worker preempted between picking iteration 4 and taking a builder
    /// get one that had meanwhile filled slice 5: "slices of one builder added out of order".)
    final class BuilderPool<Builder>: @unchecked Sendable {
        private let lock = NSLock()
        private var idle: [Builder] = []
        private var made = 0
        private var nextSlice = 0
        private let make: (Int) -> Builder

        init(make: @escaping (Int) -> Builder) { self.make = make }

        /// An idle builder (or a new one) and the next slice number, taken together.
        func take() -> (builder: Builder, slice: Int) {
            lock.lock()
            defer { lock.unlock() }
            nextSlice += 1
            if let builder = idle.popLast() { return (builder, nextSlice - 1) }
            made += 1
            return (make(made - 1), nextSlice - 1)
        }

        func give(_ builder: Builder) {
            lock.lock()
            idle.append(builder)
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
                output.visited += ready.visited
                output.feedMarkdown += ready.feedMarkdown
                if let tokens = ready.tokens { output.searchIndex?.add(tokens) { output.put($0) } }
                next += 1
            }
        }
    }

    func run() -> Output {
        let site = assembly.site
        let order = (indexes ?? Array(site.pages.indices)).sorted {
            (site.pages[$0].outputPath, $0) < (site.pages[$1].outputPath, $1)
        }
        let renderable = order.filter { !site.pages[$0].hasErrors }
        let renderer = library.map { PageRenderer(assembly, library: $0, templatesDisplay: templatesDisplay, indexes: renderable) }
        var layoutOf: [Int: Result<String, Diagnostic>] = [:]
        if let renderer { for (index, layout) in zip(renderable, renderer.layouts) { layoutOf[index] = layout } }
        let layouts = layoutOf
        // (Pages that carry their Markdown give the feed theirs from the site's pages.)
        let feed = contentRoot == nil ? [] : Set(assembly.feedEntries)

        let merger = Merger(Output(searchIndex: searchOptions.map { SearchIndexWriter(options: $0) }, staging: staging,
                                   keepsBytes: keepsBytes))
        let searchOptions = self.searchOptions
        let pool = BuilderPool { source in searchOptions.map { TokenizedSlice.Builder(options: $0, source: source) } }
        // Slices of at most 64 pages, so few wait for their turn to be merged.
        let slices = Parallel.ranges(order.count, perCore: 16, maximumLength: 64)
        Parallel.forEach(slices.count) { _ in
            var (builder, number) = pool.take()
            var slice = SliceOutput()
            for index in order[slices[number]] {
                let page = site.pages[index]
                var visit = Visited(index: index)
                defer { if recordsReads { slice.visited.append(visit) } }
                var (markdown, markdownDiagnostics) = self.markdown(of: page)
                slice.diagnostics += markdownDiagnostics
                var reads: PageReads? = recordsReads ? PageReads() : nil
                if let renderer, let written = markdown, !written.shortcodes.isEmpty {
                    // Expanded first, so that search and the feed see the shortcodes' text.
                    var codes: Set<Int>? = recordsReads ? [] : nil
                    var templates: Set<BuildInput> = []
                    let expanding = renderer.expandingShortcodes(index, markdown: written, reads: &codes, templates: &templates)
                    if recordsReads { reads = PageReads(codes: codes ?? [], templates: templates) }
                    switch expanding {
                    case .success(let expanded):
                        markdown = expanded
                        visit.expanded = expanded
                    case .failure(let diagnostics):
                        slice.diagnostics += diagnostics.items
                        (visit.diagnostics, visit.reads) = (diagnostics.items, reads)
                        continue
                    }
                }
                if let renderer, let layout = layouts[index] {
                    switch renderer.render(index, layout: layout, markdown: markdown, staging: staging, recording: &reads) {
                    case .success(let file):
                        let kept = staging == nil && !keepsBytes ? OutputFile(path: file.path, bytes: []) : file
                        slice.outputs.append(kept)
                        visit.file = kept
                    case .failure(let diagnostics):
                        slice.diagnostics += diagnostics.items
                        visit.diagnostics = diagnostics.items
                    }
                    visit.reads = reads
                }
                if builder != nil, let document = SearchStage.document(for: page, markdown: markdown, site: site) {
                    builder?.add(document)
                }
                if feed.contains(index), let markdown { slice.feedMarkdown.append((index, markdown)) }
            }
            slice.tokens = builder?.takeSlice()
            pool.give(builder)
            merger.hand(slice, number: number)
        }
        return merger.output
    }

    /// The page's rendered Markdown: kept from pass 1 (section lists; every page in `serve`), or
    /// rendered from its file, read again; nil when the file can no longer be read as it was.
    private func markdown(of page: Page) -> (RenderedMarkdown?, [Diagnostic]) {
        if let markdown = page.markdown { return (markdown, []) }
        guard let contentRoot else { return (nil, []) }
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
