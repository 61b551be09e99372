import Foundation
import TidingsCore

/// Runs searches one at a time off the caller's thread; a newer search (or `cancel`) makes the
/// one in flight stale: it is interrupted if it is running and its answer is never delivered.
/// The reader types a query one key at a time, so only the newest query's results matter.
public final class SearchQueue: @unchecked Sendable {
    /// What became of a submitted search.
    public enum Outcome: Sendable {
        case page(SearchPage)
        /// The count asked for with the page, after it.
        case counted(SearchCount)
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

    /// Starts a search for a page of results (the first, or the one after `after`); `completion`
    /// runs on the queue's thread once with the page's outcome. With `countingUpTo`, the count
    /// follows the page, as a second call, unless a newer search came first.
    public func submit(_ query: String, limit: Int, after: SearchCursor? = nil, countingUpTo: Int? = nil,
                       completion: @escaping @Sendable (Outcome) -> Void) {
        let mine = advance()
        queue.async { [self] in
            guard waitOut(mine) else { completion(.cancelled); return }
            let outcome = isCurrent(mine) ? run { c throws(SearchConnectionError) in .page(try c.searchPage(query, limit: limit, after: after)) }
                fallback: { s throws(StoreError) in .page(try s.searchPage(query, limit: limit, after: after)) } : .cancelled
            completion(outcome)
            guard case .page = outcome, let countingUpTo, isCurrent(mine) else { return }
            let counted = run { c throws(SearchConnectionError) in .counted(try c.searchCount(query, atMost: countingUpTo)) }
                fallback: { s throws(StoreError) in .counted(try s.searchCount(query, atMost: countingUpTo)) }
            if isCurrent(mine), case .counted = counted { completion(counted) }
        }
    }

    /// Makes the search in flight stale.
    public func cancel() {
        _ = advance()
    }

    /// Runs on the interruptible connection, else (an in-memory cache) on the store.
    private func run(_ body: (SearchConnection) throws(SearchConnectionError) -> Outcome,
                     fallback: (ArticleStore) throws(StoreError) -> Outcome) -> Outcome {
        guard let connection else {
            do throws(StoreError) { return try fallback(store) } catch { return .failed(error) }
        }
        do throws(SearchConnectionError) {
            return try body(connection)
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
