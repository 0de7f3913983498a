import SiteSupport

/// Builds the client-side search index: the manifest `search/index.js`, term shards
/// `search/t/<n>.js` (contiguous ranges of the sorted terms, each about `termShardBytes`),
/// result metadata `search/d/<n>.js` and snippet text `search/x/<n>.js`. Every file is one call
/// `SitegenSearch.add("<path without .js>", <JSON>)`, so `search-engine.js` loads it with a <script>
/// tag: no fetch, and so it works from file:// as well as from any server path.
public enum SearchIndexBuilder {
    /// Version of the file format; `search-engine.js` refuses an index of another version.
    public static let formatVersion = 1
    /// Quantised scores run from 1 to this value (two varint digits).
    static let maximumQuantisedScore = 1000

    /// The index files for `documents`, paths relative to the output root: the manifest first.
    /// (A full build streams the same files through `SearchIndexWriter` instead.)
    public static func build(_ documents: [SearchDocument], options: SearchOptions) -> [GeneratedFile] {
        var writer = SearchIndexWriter(options: options)
        var files: [GeneratedFile] = []
        for slice in slices(ordered(documents), options: options) { writer.add(slice) { files.append($0) } }
        writer.finish { files.append($0) }
        // The manifest (written last) first, then terms, metadata and snippets, each in number order.
        let kinds = ["/index.js", "/t/", "/d/", "/x/"]
        func rank(_ file: GeneratedFile) -> (Int, Int) {
            let kind = kinds.firstIndex { file.path.dropFirst(options.directory.count).hasPrefix($0) } ?? kinds.count
            let number = Int(file.path.split(separator: "/").last?.split(separator: ".").first ?? "") ?? 0
            return (kind, number)
        }
        return files.sorted { rank($0) < rank($1) }
    }

    /// Documents in id order: by URL, then by their order in the input.
    static func ordered(_ documents: [SearchDocument]) -> [SearchDocument] {
        documents.enumerated().sorted { ($0.element.url, $0.offset) < ($1.element.url, $1.offset) }.map(\.element)
    }

    /// `documents` tokenized in slices on all cores, in order.
    static func slices(_ documents: [SearchDocument], options: SearchOptions) -> [TokenizedSlice] {
        let ranges = Parallel.ranges(documents.count, perCore: 4)
        return Parallel.map(ranges.count) { index in TokenizedSlice(documents[ranges[index]], options: options, source: index) }
    }

    /// The shortest prefix of `next` (whole scalars) that sorts after `previous` in UTF-16
    /// order: enough to tell which shard a term belongs to.
    static func shortestSeparator(after previous: String, upTo next: String) -> String {
        var prefix = String.UnicodeScalarView()
        for scalar in next.unicodeScalars {
            prefix.append(scalar)
            let candidate = String(prefix)
            if previous.utf16.lexicographicallyPrecedes(candidate.utf16) { return candidate }
        }
        return next
    }
}
