import Foundation

/// Runs `work` over the inputs on a background thread, at most `ahead` results in advance, and
/// hands the results back in order. The caller's thread does the other half (database writes),
/// so reading and parsing the next source overlaps with storing the current one.
final class Pipeline<Input: Sendable, Output>: @unchecked Sendable {
    private var results: [Output?]
    private var nextIndex = 0
    private let ready = DispatchSemaphore(value: 0)
    private let room: DispatchSemaphore
    private let lock = NSLock()

    init(_ inputs: [Input], ahead: Int = 2, work: @escaping @Sendable (Input) -> Output) {
        results = Array(repeating: nil, count: inputs.count)
        room = DispatchSemaphore(value: max(1, ahead))
        guard !inputs.isEmpty else { return }
        let thread = Thread { [self] in
            for (i, input) in inputs.enumerated() {
                room.wait()
                let output = work(input)
                lock.lock()
                results[i] = output
                lock.unlock()
                ready.signal()
            }
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The next result, waiting for it if it is not ready yet. Call once per input.
    func next() -> Output {
        ready.wait()
        lock.lock()
        let output = results[nextIndex]!
        results[nextIndex] = nil
        nextIndex += 1
        lock.unlock()
        room.signal()
        return output
    }
}
