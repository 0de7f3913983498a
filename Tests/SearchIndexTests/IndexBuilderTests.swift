import Foundation
import Testing
@testable import SearchIndex

@Suite struct IndexBuilderTests {
    /// Three documents whose BM25F scores are worked out by hand below.
    static let handDocuments = [
        SearchDocument(url: "d0", title: "", section: "", text: "", fields: [
            SearchField(name: "title", text: "alpha beta", weight: 2),
            SearchField(name: "body", text: "alpha gamma gamma delta", weight: 1)]),
        SearchDocument(url: "d1", title: "", section: "", text: "", fields: [
            SearchField(name: "title", text: "beta", weight: 2),
            SearchField(name: "body", text: "gamma", weight: 1)]),
        SearchDocument(url: "d2", title: "", section: "", text: "", fields: [
            SearchField(name: "title", text: "delta", weight: 2),
            SearchField(name: "body", text: "alpha alpha", weight: 1)]),
    ]

    @Test func bm25MatchesAHandComputation() {
        let model = IndexModel(documents: Self.handDocuments, scoring: BM25(k1: 1.2, b: 0.75))
        // N = 3; average title length (2 + 1 + 1) / 3 = 4/3; average body length (4 + 1 + 2) / 3 = 7/3.
        // "alpha" is in d0 and d2: idf = ln(1 + (3 - 2 + 0.5) / (2 + 0.5)) = ln 1.6.
        let idf = log(1.6)
        // d0: title tf 1, length 2: 2 × 1 / (0.25 + 0.75 × 2 / (4/3)) = 2 / 1.375;
        //     body tf 1, length 4: 1 / (0.25 + 0.75 × 12/7).
        let tf0 = 2 / 1.375 + 1 / (0.25 + 0.75 * 12 / 7)
        // d2: body tf 2, length 2: 2 / (0.25 + 0.75 × 6/7).
        let tf2 = 2 / (0.25 + 0.75 * 6 / 7)
        let expected0 = idf * tf0 * 2.2 / (tf0 + 1.2)
        let expected2 = idf * tf2 * 2.2 / (tf2 + 1.2)
        let alpha = model.postings(of: "alpha")
        #expect(alpha.map(\.document) == [0, 2])
        #expect(abs(alpha[0].score - expected0) < 1e-12)
        #expect(abs(alpha[1].score - expected2) < 1e-12)
        // The same numbers to four places, computed on paper: 0.6587 and 0.6733.
        #expect(abs(alpha[0].score - 0.6587) < 5e-5)
        #expect(abs(alpha[1].score - 0.6733) < 5e-5)
        // "gamma": d0 body tf 2, d1 body tf 1 (length 1); idf ln 1.6 as well.
        let gamma = model.postings(of: "gamma")
        let tf1 = 1 / (0.25 + 0.75 * 3 / 7)
        #expect(abs(gamma[1].score - idf * tf1 * 2.2 / (tf1 + 1.2)) < 1e-12)
        // A term in every document has idf ln(1 + 0.5 / 3.5) > 0.
        #expect(BM25.idf(documentCount: 3, documentsWithTerm: 3) > 0)
    }

    @Test func k1AndBAreHonoured() {
        let flat = IndexModel(documents: Self.handDocuments, scoring: BM25(k1: 1.2, b: 0))
        // b = 0: no length normalisation, d0's "alpha" pseudo-frequency is 2 × 1 + 1 × 1 = 3.
        let idf = log(1.6)
        #expect(abs(flat.postings(of: "alpha")[0].score - idf * 3 * 2.2 / 4.2) < 1e-12)
        let saturated = IndexModel(documents: Self.handDocuments, scoring: BM25(k1: 0, b: 0))
        // k1 = 0: every matching document scores the idf.
        #expect(saturated.postings(of: "alpha").allSatisfy { abs($0.score - idf) < 1e-12 })
    }

    @Test func postingCodecByHand() {
        // 0 -> "A"; 1 -> "B"; gap 5 -> "F"; 1000 = 31 × 32 + 8 -> "o" (32 + 8, more follows) then "f" (31).
        let encoded = PostingCodec.encode([(0, 1), (5, 1000)])
        #expect(String(decoding: encoded, as: UTF8.self) == "ABFof")
        let postings = [(3, 17), (40, 1), (41, 999), (5000, 250)]
        #expect(PostingCodec.decode(PostingCodec.encode(postings)).map { [$0.document, $0.score] } == postings.map { [$0.0, $0.1] })
    }

    @Test func shardSeparators() {
        #expect(SearchIndexBuilder.shortestSeparator(after: "apple", upTo: "banana") == "b")
        #expect(SearchIndexBuilder.shortestSeparator(after: "apple", upTo: "apricot") == "apr")
        #expect(SearchIndexBuilder.shortestSeparator(after: "ab", upTo: "abc") == "abc")
        #expect(SearchIndexBuilder.shortestSeparator(after: "zz", upTo: "工业") == "工")
    }

    @Test func everyTermIsInTheShardTheClientLooksIn() throws {
        let files = SearchIndexBuilder.build(IndexFixture.documents, options: IndexFixture.options)
        let index = try GeneratedIndex(files)
        let boundaries = try #require(index.manifest["terms"] as? [String])
        #expect(boundaries.count > 5, "the small shard size splits the fixture")
        #expect(boundaries.first == "")
        for (a, b) in zip(boundaries, boundaries.dropFirst()) { #expect(a.utf16.lexicographicallyPrecedes(b.utf16)) }
        var seen = 0
        for (shardNumber, _) in boundaries.enumerated() {
            let terms = try #require(index.data("t/\(shardNumber)") as? [String: String])
            for term in terms.keys {
                // The client's rule: the last boundary that is <= the term.
                let expected = boundaries.lastIndex { !term.utf16.lexicographicallyPrecedes($0.utf16) }
                #expect(expected == shardNumber, "\(term)")
                seen += 1
            }
        }
        let model = IndexModel(documents: IndexFixture.documents, scoring: BM25(k1: 1.2, b: 0.75))
        #expect(seen == model.terms.count)
    }

    @Test func documentsAreOrderedByURLAndSliced() throws {
        let index = try GeneratedIndex(SearchIndexBuilder.build(IndexFixture.documents, options: IndexFixture.options))
        #expect(index.manifest["documents"] as? Int == 6)
        let sections = try #require(index.manifest["sections"] as? [String])
        let urls = IndexFixture.documents.map(\.url).sorted()
        for (id, url) in urls.enumerated() {
            let rows = try #require(index.data("d/\(id / 2)") as? [[Any]])
            let row = rows[id % 2]
            #expect(row[0] as? String == url)
            let document = IndexFixture.documents.first { $0.url == url }!
            #expect(row[1] as? String == document.title)
            #expect(sections[row[2] as! Int] == document.section)
            let texts = try #require(index.data("x/\(id / 2)") as? [String])
            #expect(texts[id % 2] == document.text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " "))
        }
    }

    @Test func markupCannotEscapeTheScripts() throws {
        let files = SearchIndexBuilder.build(IndexFixture.documents, options: IndexFixture.options)
        for file in files {
            let text = String(decoding: file.bytes, as: UTF8.self)
            #expect(!text.contains("<"), "\(file.path)")
            #expect(!text.contains(">"), "\(file.path)")
            #expect(!text.contains("\u{2028}") && !text.contains("\u{2029}"), "\(file.path)")
            #expect(text.hasPrefix("SitegenSearch.add(\"") && text.hasSuffix(");\n"), "\(file.path)")
        }
        // The data still reads back exactly.
        let index = try GeneratedIndex(files)
        let urls = IndexFixture.documents.map(\.url).sorted()
        let id = try #require(urls.firstIndex(of: "news/markup/index.html"))
        let rows = try #require(index.data("d/\(id / 2)") as? [[Any]])
        #expect(rows[id % 2][1] as? String == "</script><script>alert(1)</script>")
        let texts = try #require(index.data("x/\(id / 2)") as? [String])
        #expect(texts[id % 2].contains("<img src=x onerror=alert(2)>"))
        #expect(texts[id % 2].contains("\"quoted\" \\ backslash"))
    }

    @Test func javaScriptStringEscaping() {
        var text = JavaScriptText()
        text.string("a\u{2028}b\u{2029}</script>&\"\\\n\u{1}é工")
        #expect(String(decoding: text.bytes, as: UTF8.self)
            == #""a\u2028b\u2029\u003c/script\u003e\u0026\"\\\n\u0001é工""#)
    }

    @Test func outputDoesNotDependOnInputOrder() {
        let forward = SearchIndexBuilder.build(IndexFixture.documents, options: IndexFixture.options)
        let backward = SearchIndexBuilder.build(IndexFixture.documents.reversed(), options: IndexFixture.options)
        #expect(forward == backward)
    }

    /// A full build hands the writer slices of a few pages from a pool of builders that keep their
    /// term tables; however the documents are cut and whichever builder takes them, the files are
    /// the same, and snippet and metadata files leave before the last document is in.
    @Test(arguments: [1, 2, 3, 6])
    func streamedSlicesGiveTheSameFiles(sliceSize: Int) {
        let documents = SearchIndexBuilder.ordered(IndexFixture.documents)
        let expected = SearchIndexBuilder.build(IndexFixture.documents, options: IndexFixture.options)
        var writer = SearchIndexWriter(options: IndexFixture.options)
        var builders = (0..<2).map { TokenizedSlice.Builder(options: IndexFixture.options, source: $0) }
        var files: [GeneratedFile] = []
        var filesBeforeLastSlice = 0
        for (number, start) in stride(from: 0, to: documents.count, by: sliceSize).enumerated() {
            let end = min(start + sliceSize, documents.count)
            if end == documents.count { filesBeforeLastSlice = files.count }
            for document in documents[start..<end] { builders[number % 2].add(document) }
            writer.add(builders[number % 2].takeSlice()) { files.append($0) }
        }
        writer.finish { files.append($0) }
        #expect(files.map(\.path).sorted() == expected.map(\.path).sorted())
        for file in files { #expect(expected.first { $0.path == file.path } == file, "\(file.path)") }
        #expect(writer.fileCount == expected.count)
        #expect(writer.byteCount == expected.reduce(0) { $0 + $1.bytes.count })
        if sliceSize < documents.count { #expect(filesBeforeLastSlice > 0) }
    }

    /// Postings are scored on all cores in ranges of documents; any cut gives the same postings.
    @Test func scoringInRangesGivesTheSamePostings() {
        let words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "工业", "设计"]
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let documents = (0..<120).map { number in
            SearchDocument(url: "p/\(number)", title: "T\(number)", section: "S", text: "", fields: [
                SearchField(name: "title", text: (0..<next(4)).map { _ in words[next(words.count)] }.joined(separator: " "), weight: 10),
                SearchField(name: "body", text: (0..<next(40)).map { _ in words[next(words.count)] }.joined(separator: " "), weight: 1),
                SearchField(name: "body", text: words[next(words.count)], weight: 1),
            ])
        }
        var writer = SearchIndexWriter(options: IndexFixture.options)
        for slice in SearchIndexBuilder.slices(documents, options: IndexFixture.options) { writer.add(slice) { _ in } }
        let whole = writer.scoredPostings(ranges: 1)
        #expect(whole.documents.count > documents.count)
        for ranges in [2, 3, 7] {
            let cut = writer.scoredPostings(ranges: ranges)
            #expect(cut.start == whole.start)
            #expect(cut.documents == whole.documents)
            #expect(cut.scores == whole.scores)
        }
    }

    @Test func emptySiteStillHasAManifest() throws {
        let files = SearchIndexBuilder.build([], options: SearchOptions())
        #expect(files.map(\.path) == ["search/index.js"])
        let index = try GeneratedIndex(files)
        #expect(index.manifest["documents"] as? Int == 0)
        #expect((index.manifest["terms"] as? [String])?.isEmpty == true)
        // The scale keeps its fraction when whole, as the manifest has always written it.
        let manifest = String(decoding: files[0].bytes, as: UTF8.self)
        #expect(manifest.hasPrefix(#"SitegenSearch.add("index",{"version":1,"build":"cbf29ce484222325","documents":0,"scale":1000.0,"#))
        #expect(manifest.hasSuffix(#""sections":[],"terms":[]});"# + "\n"))
    }

    @Test func snippetTextIsCollapsedAndCut() {
        #expect(snippetText("a  b\n\nc", limit: 100) == "a b c")
        let long = String(repeating: "word ", count: 100)
        let cut = snippetText(long, limit: 42)
        #expect(cut.count <= 42 && cut.hasSuffix("word") && !cut.hasSuffix(" "))
    }

    /// The word-at-a-time snippet writer against the plain rule, byte by byte: whitespace runs become
    /// one space, leading and trailing ones go, and the text stops before the scalar that would pass
    /// `limit` (then back to the last space, when that keeps at least half).
    @Test func snippetMatchesTheByteByByteRule() {
        func reference(_ text: String, _ limit: Int) -> [UInt8] {
            var out: [UInt8] = []
            var scalars = 0
            var pendingSpace = false
            var lastSpace = -1
            var truncated = false
            for byte in text.utf8 {
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    pendingSpace = !out.isEmpty
                    continue
                }
                let startsScalar = byte & 0xC0 != 0x80
                if startsScalar && scalars + (pendingSpace ? 2 : 1) > limit {
                    truncated = true
                    break
                }
                if pendingSpace {
                    lastSpace = out.count
                    out.append(0x20)
                    scalars += 1
                    pendingSpace = false
                }
                if startsScalar { scalars += 1 }
                out.append(byte)
            }
            if truncated && lastSpace > out.count / 2 { out.removeSubrange(lastSpace...) }
            return out
        }
        let pieces = ["a", "word", "é", "工业", "🙂", " ", "  ", "\n", "\t", "\r\n", "x\u{301}", "longerword"]
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<3000 {
            let text = (0..<next(30)).map { _ in pieces[next(pieces.count)] }.joined()
            let limit = next(40)
            #expect(snippetBytes(text, limit: limit) == reference(text, limit), "\(text.debugDescription) limit \(limit)")
        }
    }
}

/// The generated files read back: each is `SitegenSearch.add("<key>", <JSON>);`.
struct GeneratedIndex {
    var byKey: [String: Any] = [:]

    init(_ files: [GeneratedFile]) throws {
        for file in files {
            let text = String(decoding: file.bytes, as: UTF8.self)
            let keyStart = text.index(text.startIndex, offsetBy: "SitegenSearch.add(\"".count)
            let keyEnd = text[keyStart...].firstIndex(of: "\"")!
            let json = text[text.index(keyEnd, offsetBy: 2)..<text.index(text.endIndex, offsetBy: -3)]
            byKey[String(text[keyStart..<keyEnd])] = try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
        }
    }

    var manifest: [String: Any] { byKey["index"] as? [String: Any] ?? [:] }

    func data(_ key: String) -> Any? { byKey[key] }
}
