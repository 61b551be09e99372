import Foundation

/// Runs a long synchronous body on a thread of its own, and waits for it without holding a thread
/// of Swift's cooperative pool. Swift Testing runs every test on that pool, two threads on a
/// two-core machine: a test blocking one of them for a minute (the kill test) left all the async
/// tests of the run one thread between them, and HTTP deadlines and `eventually` limits expired
/// while those tests were only waiting for their turn.
func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            do { continuation.resume(returning: try body()) } catch { continuation.resume(throwing: error) }
        }
        thread.stackSize = 8 << 20
        thread.start()
    }
}
