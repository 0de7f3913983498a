import Testing
@testable import SearchIndex

@Suite struct Porter2StemmerTests {
    @Test func snowballSampleVocabulary() {
        let pairs = SearchVectors.shared.porter2.pairs
        #expect(pairs.count > 500)
        var failures: [String] = []
        for pair in pairs where Porter2Stemmer.stem(pair[0]) != pair[1] {
            failures.append("\(pair[0]) -> \(Porter2Stemmer.stem(pair[0])), expected \(pair[1])")
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
