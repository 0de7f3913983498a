import Dispatch
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Maps an array on all cores, keeping order. Each element is processed by exactly one worker, so
/// non-Sendable state (such as a cmark tree) never crosses threads.
enum ParallelMap {
    static func map<Input: Sendable, Output: Sendable>(_ input: [Input], _ transform: @Sendable (Input) -> Output) -> [Output] {
        guard input.count > 1 else { return input.map(transform) }
        let buffer = UnsafeMutableBufferPointer<Output?>.allocate(capacity: input.count)
        buffer.initialize(repeating: nil)
        defer {
            // Release the results still held by the buffer, then the buffer itself.
            buffer.deinitialize()
            buffer.deallocate()
        }
        let slots = SendableBuffer(buffer: buffer)
        let chunk = max(1, input.count / (CPU.activeCores * 8))
        let chunks = (input.count + chunk - 1) / chunk
        input.withUnsafeBufferPointer { items in
            let source = SendableInput(items: items)
            DispatchQueue.concurrentPerform(iterations: chunks) { part in
                let start = part * chunk
                for index in start..<min(start + chunk, source.items.count) {
                    slots.buffer[index] = transform(source.items[index])
                }
            }
        }
        return buffer.map { $0! }
    }

    private struct SendableBuffer<Output>: @unchecked Sendable { let buffer: UnsafeMutableBufferPointer<Output?> }
    private struct SendableInput<Input>: @unchecked Sendable { let items: UnsafeBufferPointer<Input> }
}

enum CPU {
    /// Cores this process may use.
    static var activeCores: Int {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return max(1, Int(sysconf(_SC_NPROCESSORS_ONLN)))
        #endif
    }
}
