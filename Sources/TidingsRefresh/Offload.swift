import Dispatch

/// Runs blocking work (parsing, a child process, hashing) on a Dispatch thread instead of the
/// two-thread cooperative pool, so network callbacks and other feeds keep moving.
enum Offload {
    static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .utility).async { continuation.resume(returning: work()) }
        }
    }
}
