import Foundation

/// Changed paths waiting for the next rebuild. The watcher adds batches from its thread; the
/// rebuild loop takes everything gathered so far, so saves made during a long rebuild are merged
/// into one rebuild after it.
final class ChangeQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var paths: Set<String> = []
    private let continuation: AsyncStream<Void>.Continuation
    /// Yields once (or more) after paths were added; ends with `finish()`.
    let wakes: AsyncStream<Void>

    init() {
        (wakes, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    func add(_ batch: [String]) {
        guard !batch.isEmpty else { return }
        lock.withLock { paths.formUnion(batch) }
        continuation.yield()
    }

    /// Everything added since the last call, sorted.
    func takeAll() -> [String] {
        lock.withLock {
            defer { paths = [] }
            return paths.sorted()
        }
    }

    func finish() {
        continuation.finish()
    }
}
