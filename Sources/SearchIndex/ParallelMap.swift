import Dispatch

/// `(0..<count).map(transform)` computed on all cores. Each iteration writes only its own slot
/// of a buffer that is read after `concurrentPerform` returns, so sharing it is race-free.
func parallelMap<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(transform) }
    let slots = Slots<T>(count)
    DispatchQueue.concurrentPerform(iterations: count) { index in
        (slots.buffer.baseAddress! + index).initialize(to: transform(index))
    }
    return slots.take()
}

private struct Slots<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>

    init(_ count: Int) { buffer = .allocate(capacity: count) }

    /// Moves the (all initialised) slots out into an array and frees the buffer.
    func take() -> [T] {
        let values = Array(UnsafeMutableBufferPointer(start: buffer.baseAddress, count: buffer.count))
        buffer.deinitialize()
        buffer.deallocate()
        return values
    }
}
