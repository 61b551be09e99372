import Foundation
import TidingsCore

/// Runs searches one at a time off the caller's thread; a newer search (or `cancel`) makes the
/// one in flight stale: it is interrupted if it is running and its answer is never delivered.
/// The reader types a query one key at a time, so only the newest query's results matter.
public final class SearchQueue: @unchecked Sendable {
    /// What became of a submitted search.
    public enum Outcome: Sendable {
        case results([Headline])
        case failed(StoreError)
        /// A newer search or a cancel came first.
        case cancelled
    }

    private let store: ArticleStore
    /// Searches run here when the cache is a file, so a stale one can be interrupted mid-query.
    private let connection: SearchConnection?
    private let queue = DispatchQueue(label: "tidings.search")
    private let lock = NSLock()
    private var generation = 0
    /// A deliberate pause before each query: a test hook (TIDINGS_TEST_SEARCH_DELAY_MS) that
    /// makes every search slow, so tests can type during one.
    private let delay: TimeInterval

    public init(store: ArticleStore, delay: TimeInterval = 0) {
        self.store = store
        self.delay = delay
        connection = store.searchConnection()
    }

    /// Starts a search; `completion` runs on the queue's thread exactly once.
    public func submit(_ query: String, limit: Int, completion: @escaping @Sendable (Outcome) -> Void) {
        let mine = advance()
        queue.async { [self] in
            guard waitOut(mine) else { completion(.cancelled); return }
            completion(isCurrent(mine) ? run(query, limit: limit) : .cancelled)
        }
    }

    /// Makes the search in flight stale.
    public func cancel() {
        _ = advance()
    }

    private func run(_ query: String, limit: Int) -> Outcome {
        guard let connection else {
            do throws(StoreError) { return .results(try store.search(query, limit: limit)) } catch { return .failed(error) }
        }
        do throws(SearchConnectionError) {
            return .results(try connection.search(query, limit: limit))
        } catch {
            switch error {
            case .interrupted: return .cancelled
            case .failed(let failure): return .failed(failure)
            }
        }
    }

    /// A new generation: the query running now (an older one) is interrupted where it stands.
    private func advance() -> Int {
        lock.lock()
        generation += 1
        let mine = generation
        lock.unlock()
        connection?.interrupt()
        return mine
    }

    private func isCurrent(_ mine: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return generation == mine
    }

    /// The test hook's pause, given up as soon as the search goes stale.
    private func waitOut(_ mine: Int) -> Bool {
        var left = delay
        while left > 0 {
            guard isCurrent(mine) else { return false }
            Thread.sleep(forTimeInterval: min(0.01, left))
            left -= 0.01
        }
        return isCurrent(mine)
    }
}
