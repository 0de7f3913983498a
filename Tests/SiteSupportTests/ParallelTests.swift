import Foundation
import Testing
import SiteSupport

@Suite struct ParallelTests {
    @Test(arguments: [0, 1, 2, 7, 1000, 10_001])
    func mapKeepsOrder(count: Int) {
        let input = (0..<count).map { "item \($0)" }
        #expect(Parallel.map(input) { $0.uppercased() } == input.map { $0.uppercased() })
        #expect(Parallel.map(count) { $0 * 3 } == (0..<count).map { $0 * 3 })
    }

    @Test(arguments: [0, 1, 5, 64, 1000, 99_999])
    func rangesCoverEveryIndexOnceInOrder(count: Int) {
        for (perCore, maximum) in [(8, Int.max), (16, 64), (1, 3)] {
            let ranges = Parallel.ranges(count, perCore: perCore, maximumLength: maximum)
            #expect(ranges.flatMap { Array($0) } == Array(0..<count))
            #expect(ranges.allSatisfy { !$0.isEmpty && $0.count <= maximum })
        }
    }

    @Test func forEachVisitsEveryIndexOnce() {
        let counter = Counter(1000)
        Parallel.forEach(1000) { counter.add($0) }
        #expect(counter.visits == [Int](repeating: 1, count: 1000))
    }

    @Test func coresIsPositive() {
        #expect(Parallel.cores >= 1)
    }
}

/// Counts visits per index, each from whichever thread makes it.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var visits: [Int]

    init(_ count: Int) { visits = [Int](repeating: 0, count: count) }

    func add(_ index: Int) {
        lock.lock()
        visits[index] += 1
        lock.unlock()
    }
}
