import Testing
@testable import SearchIndex

@Suite struct Porter2StemmerTests {
    /// Every word of the Snowball English vocabulary gets the stem of the reference stemmer.
    @Test func wholeSnowballVocabulary() async {
        let pairs = SnowballVocabulary.pairs
        #expect(pairs.count == 42_649)
        var failures: [String] = []
        for (index, pair) in pairs.enumerated() {
            if index % SnowballVocabulary.yieldEvery == 0 { await Task.yield() }
            let stem = Porter2Stemmer.stem(pair.word)
            if stem != pair.stem { failures.append("\(pair.word) -> \(stem), expected \(pair.stem)") }
        }
        #expect(failures.isEmpty, "\(failures.count) wrong: \(failures.prefix(20).joined(separator: "; "))")
    }

    @Test func handWorkedExamples() {
        for pair in SearchVectors.shared.porter2Extra.pairs {
            #expect(Porter2Stemmer.stem(pair[0]) == pair[1], "\(pair[0])")
        }
    }

    @Test func issueExamples() {
        #expect(Porter2Stemmer.stem("manufacture") == "manufactur")
        #expect(Porter2Stemmer.stem("manufacturing") == "manufactur")
        #expect(Porter2Stemmer.stem("motorcycles") == "motorcycl")
    }

    @Test func nonASCIIWordsAreLeftAlone() {
        #expect(Porter2Stemmer.stem("οδυσσευσ") == "οδυσσευσ")
        #expect(Porter2Stemmer.stem("naïve") == "naïve")
    }

    @Test func regionsFollowTheDefinition() {
        // Porter's own examples: beautiful R1 "iful" R2 "ul"; beauty R1 "y" R2 empty; animadversion R1 "imadversion" R2 "adversion".
        #expect(Porter2Word.regions(of: Array("beautiful".utf8)) == (5, 7))
        #expect(Porter2Word.regions(of: Array("beauty".utf8)) == (5, 6))
        #expect(Porter2Word.regions(of: Array("animadversion".utf8)) == (2, 4))
        #expect(Porter2Word.regions(of: Array("generous".utf8)).0 == 5)
    }
}
