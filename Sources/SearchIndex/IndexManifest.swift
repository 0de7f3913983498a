import SiteSupport

/// The manifest `index.js`, which `search-engine.js` loads first: the format version, a build id
/// for cache busting, how documents are cut into files, the section names, and where each term
/// file's terms begin.
struct IndexManifest {
    var build: String
    var documentCount: Int
    /// Multiplies a quantised score back into BM25 units.
    var scale: Double
    var metadataShardSize: Int
    var textShardSize: Int
    var sections: [String]
    var termBoundaries: [String]

    /// A digest of every other file (`(path, digest)`, in a fixed order), as 16 hex digits.
    static func build(of digests: [(String, UInt64)]) -> String {
        var digest = FNV1a()
        for (path, fileDigest) in digests {
            digest.add(path.utf8)
            digest.add(word: fileDigest)
        }
        return digest.hex
    }

    var json: JSON {
        .object([
            ("version", .number(Double(SearchIndexBuilder.formatVersion))),
            ("build", .string(build)),
            ("documents", .number(Double(documentCount))),
            ("scale", .float(scale)),
            ("metadataShard", .number(Double(metadataShardSize))),
            ("textShard", .number(Double(textShardSize))),
            ("sections", .array(sections.map(JSON.string))),
            ("terms", .array(termBoundaries.map(JSON.string))),
        ])
    }

    func file(directory: String) -> GeneratedFile {
        var script = Array("SitegenSearch.add(\"index\",".utf8)
        json.write(to: &script)
        script += ");\n".utf8
        return GeneratedFile(path: "\(directory)/index.js", bytes: script)
    }
}
