import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Runs blocking work (parsing, a child process, hashing, the database writer) on a Dispatch
/// thread instead of the two-thread cooperative pool, so network callbacks and other feeds keep
/// moving; such threads run at a lower priority, so the reader's keys win the CPU on two cores.
enum Offload {
    static func run<T: Sendable>(lowPriority: Bool = false, _ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .utility).async {
                if lowPriority { BackgroundPriority.lowerThisThread() }
                continuation.resume(returning: work())
            }
        }
    }
}

/// Linux applies nice values per thread: a background thread asks for less CPU than the UI.
enum BackgroundPriority {
    static func lowerThisThread() {
        #if os(Linux)
        // On Linux (NPTL) the nice value belongs to the thread, and 0 names the calling one.
        let which = __priority_which_t(PRIO_PROCESS.rawValue)
        if getpriority(which, 0) < 10 { _ = setpriority(which, 0, 10) }
        #endif
    }
}
