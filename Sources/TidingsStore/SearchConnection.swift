import Foundation
import TidingsCore
internal import GRDB

/// A read-only connection that runs nothing but searches, so a query made stale by the next
/// key can be interrupted (sqlite3_interrupt) without touching the writer or other readers.
public final class SearchConnection: @unchecked Sendable {
    private let queue: DatabaseQueue
    private let path: String

    init(path: String) throws {
        // Only reads (GRDB's read runs with query_only), but not opened read-only: the last
        // connection to close removes the -wal and -shm files, and a read-only one cannot.
        queue = try DatabaseQueue(path: path, configuration: StoreOpener.configuration())
        self.path = path
    }

    private let lock = NSLock()
    private var stopAsked = false

    /// Stops the statement running on this connection, if any; it then fails as interrupted.
    /// A search between statements (see `SearchWindow`) stops at its next step.
    public func interrupt() {
        lock.withLock { stopAsked = true }
        queue.interrupt()
    }

    /// Same answers as `ArticleStore.searchPage`; an interrupted query throws `.interrupted`.
    public func searchPage(_ query: String, limit: Int, after: SearchCursor?) throws(SearchConnectionError) -> SearchPage {
        let parsed = SearchQuery(query)
        return try run { db in try SearchPager.page(parsed, limit: limit, after: after, db, stop: stopRequested) }
    }

    /// Same answer as `ArticleStore.searchCount`; an interrupted count throws `.interrupted`.
    public func searchCount(_ query: String, atMost: Int) throws(SearchConnectionError) -> SearchCount {
        let parsed = SearchQuery(query)
        return try run { db in try SearchPager.count(parsed, atMost: atMost, db, stop: stopRequested) }
    }

    /// True once `interrupt` was called during the search running now.
    private func stopRequested() -> Bool { lock.withLock { stopAsked } }

    private func run<T>(_ body: (Database) throws -> T) throws(SearchConnectionError) -> T {
        // Searches run one at a time: an interrupt before this one began was meant for another.
        lock.withLock { stopAsked = false }
        do {
            return try queue.read(body)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_INTERRUPT {
            throw .interrupted
        } catch {
            throw .failed(StoreError.wrap(error, path: path))
        }
    }
}

public enum SearchConnectionError: Error {
    case interrupted
    case failed(StoreError)
}

extension ArticleStore {
    /// A connection for interruptible searches; nil for an in-memory cache (which has one connection).
    public func searchConnection() -> SearchConnection? {
        guard path != ":memory:" else { return nil }
        return try? SearchConnection(path: path)
    }
}
