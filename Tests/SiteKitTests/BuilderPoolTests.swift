import Dispatch
import Foundation
import Testing
@testable import SiteKit

@Suite struct BuilderPoolTests {
    /// A builder's slices must come in the order it filled them: under any interleaving, the slice
    /// numbers each builder is handed only grow.
    @Test func eachBuilderIsHandedIncreasingSliceNumbers() {
        final class Log: @unchecked Sendable {
            let lock = NSLock()
            var numbers: [Int: [Int]] = [:]
        }
        let log = Log()
        let pool = PageStream.BuilderPool { $0 }
        DispatchQueue.concurrentPerform(iterations: 2_000) { iteration in
            let (builder, slice) = pool.take()
            if iteration % 7 == 0 { usleep(50) }
            log.lock.lock()
            log.numbers[builder, default: []].append(slice)
            log.lock.unlock()
            pool.give(builder)
        }
        let all = log.numbers.values.flatMap { $0 }.sorted()
        #expect(all == Array(0..<2_000))
        for numbers in log.numbers.values {
            #expect(numbers == numbers.sorted())
        }
    }
}
