import Dispatch
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Work spread over all cores, in order: the one place sitegen decides how many cores it has and
/// how work is cut for them. Each index is handled by exactly one thread, so non-Sendable state
/// made inside `transform` (such as a cmark tree) never crosses threads.
public enum Parallel {
    /// Cores this process may use (online cores, as Dispatch counts them).
    public static var cores: Int {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return max(1, Int(sysconf(_SC_NPROCESSORS_ONLN)))
        #endif
    }

    /// `0..<count` cut into contiguous ranges in order: about `perCore` ranges a core (so a slow one
    /// does not hold up the rest), none longer than `maximumLength`.
    public static func ranges(_ count: Int, perCore: Int = 8, maximumLength: Int = .max) -> [Range<Int>] {
        guard count > 0 else { return [] }
        let length = max(1, min(maximumLength, count / (cores * perCore)))
        return stride(from: 0, to: count, by: length).map { $0..<min($0 + length, count) }
    }

    /// Calls `body` with every index of `0..<count`, on all cores; returns when all are done.
    public static func forEach(_ count: Int, _ body: @Sendable (Int) -> Void) {
        guard count > 1 else {
            if count == 1 { body(0) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }

    /// `(0..<count).map(transform)` with one index a task: for a few large pieces of work.
    public static func map<Output: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> Output) -> [Output] {
        guard count > 1 else { return (0..<count).map(transform) }
        let slots = Slots<Output>(count)
        forEach(count) { index in slots.initialize(index, to: transform(index)) }
        return slots.take()
    }

    /// `input.map(transform)` on all cores, in order, the elements taken in ranges (see `ranges`):
    /// for many small pieces of work.
    public static func map<Input: Sendable, Output: Sendable>(_ input: [Input], _ transform: @Sendable (Input) -> Output) -> [Output] {
        guard input.count > 1 else { return input.map(transform) }
        let slots = Slots<Output>(input.count)
        let parts = ranges(input.count)
        input.withUnsafeBufferPointer { items in
            let source = SharedInput(items: items)
            forEach(parts.count) { part in
                for index in parts[part] { slots.initialize(index, to: transform(source.items[index])) }
            }
        }
        return slots.take()
    }

    /// A buffer whose slots are each written by one thread, then read after all are done.
    private struct Slots<Element>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Element>

        init(_ count: Int) { buffer = .allocate(capacity: count) }

        func initialize(_ index: Int, to value: Element) { (buffer.baseAddress! + index).initialize(to: value) }

        /// Moves the (all initialised) slots out into an array and frees the buffer.
        func take() -> [Element] {
            let values = Array(buffer)
            buffer.deinitialize()
            buffer.deallocate()
            return values
        }
    }

    private struct SharedInput<Element>: @unchecked Sendable { let items: UnsafeBufferPointer<Element> }
}
