import Foundation

/// BM25F scoring (Robertson and Zaragoza's simple BM25F): each field's term frequency is
/// weighted and normalised by that field's length against its average, the sum is saturated once
/// with k1, and the result is multiplied by the term's inverse document frequency.
public struct BM25: Sendable, Equatable {
    public var k1: Double
    public var b: Double

    public init(k1: Double, b: Double) {
        self.k1 = k1
        self.b = b
    }

    /// Lucene's non-negative idf: ln(1 + (N - n + 0.5) / (n + 0.5)) for a term in n of N documents.
    public static func idf(documentCount: Int, documentsWithTerm: Int) -> Double {
        let n = Double(documentsWithTerm)
        return log(1 + (Double(documentCount) - n + 0.5) / (n + 0.5))
    }

    /// One field's contribution to the pseudo term frequency: weight × tf / (1 - b + b × length / average).
    public func fieldFrequency(termFrequency: Int, weight: Double, fieldLength: Int, averageFieldLength: Double) -> Double {
        let normalised = averageFieldLength > 0 ? Double(fieldLength) / averageFieldLength : 1
        return weight * Double(termFrequency) / (1 - b + b * normalised)
    }

    /// The score of a term in a document, from the sum of `fieldFrequency` over its fields.
    public func score(pseudoFrequency: Double, idf: Double) -> Double {
        idf * pseudoFrequency * (k1 + 1) / (pseudoFrequency + k1)
    }
}
