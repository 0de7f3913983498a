import Testing
@testable import SearchIndex

@Suite struct TokenizerTests {
    @Test(arguments: SearchVectors.shared.tokenizer.map { $0.name })
    func sharedVector(name: String) {
        let vector = SearchVectors.shared.tokenizer.first { $0.name == name }!
        #expect(Tokenizer.tokens(vector.input) == vector.tokens, "\(vector.name): \(vector.input.debugDescription)")
    }

    @Test func stopWordsMatchTheSharedList() {
        #expect(StopWords.english == Set(SearchVectors.shared.stopWords))
        #expect(SearchVectors.shared.stopWords.count == StopWords.english.count)
    }

    /// A Snowball vocabulary word, in lower or upper case, is one term: the reference stem (none
    /// for a stop word). Words with apostrophes are left to the stemmer's own test: the tokenizer
    /// splits at an apostrophe that does not stand between two letters.
    @Test func snowballWordsAreTheirReferenceStems() async {
        var failures: [String] = []
        for (index, pair) in SnowballVocabulary.pairs.enumerated() where !pair.word.contains("'") {
            if index % SnowballVocabulary.yieldEvery == 0 { await Task.yield() }
            let expected = StopWords.english.contains(pair.word) ? [] : [pair.stem]
            for word in [pair.word, pair.word.uppercased()] {
                let tokens = Tokenizer.tokens(word)
                if tokens != expected { failures.append("\(word) -> \(tokens), expected \(expected)") }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) wrong: \(failures.prefix(20).joined(separator: "; "))")
    }

    @Test func issueExamples() {
        #expect(Tokenizer.tokens("manufacture") == Tokenizer.tokens("manufacturing"))
        #expect(Tokenizer.tokens("motorcycles") == ["motorcycl"])
        #expect(Tokenizer.tokens("工业设计") == ["工业", "业设", "设计"])
        #expect(Tokenizer.tokens("大足") == ["大足"])
    }

    @Test func termTableGivesTheSameTermsAsOneShotTokenizing() {
        var table = TermTable()
        let text = "Tan Jialing’s 工业设计, manufacturing; Tan Jialing’s 工业设计, manufacturing"
        var first: [Int32] = []
        table.append(text) { first.append($0) }
        var second: [Int32] = []
        table.append(text) { second.append($0) }
        #expect(first.map { table.terms[Int($0)] } == Tokenizer.tokens(text))
        #expect(second == first)
        #expect(Set(first).count == 6)  // tan jial 工业 业设 设计 manufactur
    }

    @Test func termTableGrowsAndKeepsEveryTerm() {
        // 9,000 distinct segments: more than the first 16,384 slots hold at half load, so it grows.
        let text = (0..<9_000).map { "w\($0)x" }.joined(separator: " ") + " w7x w8999x"
        var table = TermTable()
        var ids: [Int32] = []
        table.append(text) { ids.append($0) }
        #expect(ids.map { table.terms[Int($0)] } == Tokenizer.tokens(text))
        #expect(ids.count == 9_002)
        #expect(ids[9_000] == ids[7] && ids[9_001] == ids[8_999])
    }

    @Test func foldingErasesCaseWidthAndAccents() {
        #expect(TextFolding.fold("ＣＡＦÉ") == "cafe")
        #expect(TextFolding.fold("Ὀδυσσεύς") == "οδυσσευσ")
        #expect(TextFolding.fold("ｶﾞ") == "ガ")
        #expect(TextFolding.fold("한국") == "한국")
    }
}
