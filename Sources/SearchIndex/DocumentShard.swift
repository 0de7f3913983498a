import SiteSupport

/// A metadata file (`d/<n>.js`: url, title and section of each document) or snippet file
/// (`x/<n>.js`) being filled: documents' entries of one kind, `size` to a file, in document order.
struct DocumentShard {
    let directory: String
    let kind: String
    let size: Int
    private var script = JavaScriptText()
    private var count = 0
    private var first = 0
    /// Digests of the files written so far, combined in a fixed order into the build id.
    private(set) var digests: [(String, UInt64)] = []

    init(directory: String, kind: String, size: Int) {
        self.directory = directory
        self.kind = kind
        self.size = max(1, size)
    }

    /// Adds document `id`'s entry, written by `entry`; returns the file when this one fills it.
    mutating func add(_ id: Int, _ entry: (inout JavaScriptText) -> Void) -> GeneratedFile? {
        if count == 0 {
            first = id
            script.raw("SitegenSearch.add(\"\(kind)/\(id / size)\",[")
        } else {
            script.raw(",")
        }
        entry(&script)
        count += 1
        return count == size ? close() : nil
    }

    /// The file of the entries added since the last one, if any.
    mutating func close() -> GeneratedFile? {
        guard count > 0 else { return nil }
        script.raw("]);\n")
        let file = GeneratedFile(path: "\(directory)/\(kind)/\(first / size).js", bytes: script.bytes)
        script = JavaScriptText()
        count = 0
        digests.append((file.path, FNV1a.digest(file.bytes)))
        return file
    }
}
