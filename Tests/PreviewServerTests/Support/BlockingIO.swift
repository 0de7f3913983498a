import Foundation

/// Runs blocking socket work on a thread of its own. Not on `DispatchQueue.global()`: on Linux its
/// width is the core count, and a few blocked reads there starve everything else queued on it.
func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            do { continuation.resume(returning: try work()) } catch { continuation.resume(throwing: error) }
        }
        thread.start()
    }
}
