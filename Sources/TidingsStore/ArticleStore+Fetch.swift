import Foundation
import TidingsCore
internal import GRDB

extension ArticleStore {
    /// Records a fetch attempt that wrote no articles (304, an unchanged body, an error, 410, 429).
    public func record(_ fetch: FetchRecord, feed id: FeedID) throws(StoreError) {
        try write { db in try Self.write(fetch, feed: id, db) }
    }

    /// The server asked the whole host to wait: every feed given (the host's other feeds) waits too.
    public func setRateLimited(until date: Date, feeds ids: [FeedID]) throws(StoreError) {
        guard !ids.isEmpty else { return }
        let until = UnixTime.seconds(date)
        try write { db in
            for id in ids {
                try db.execute(sql: """
                    UPDATE feed SET rate_limited_until = max(COALESCE(rate_limited_until, 0), ?) WHERE id = ?
                    """, arguments: [until, id])
            }
        }
    }

    /// Clears gone, backoff and rate limits of a feed: the user asked for it again.
    public func reenable(_ id: FeedID) throws(StoreError) {
        try write { db in
            try db.execute(sql: """
                UPDATE feed SET gone = 0, failures = 0, next_fetch = NULL, rate_limited_until = NULL WHERE id = ?
                """, arguments: [id])
            if db.changesCount == 0 { throw StoreError.unknownFeed(id) }
        }
    }

    /// Writes a fetch record inside the caller's transaction (so validators and articles commit together).
    static func write(_ fetch: FetchRecord, feed id: FeedID, _ db: Database) throws {
        try db.execute(sql: """
            UPDATE feed SET http_status = ?, etag = ?, last_modified = ?, content_hash = ?, last_error = ?,
                   last_checked = ?, failures = ?, next_fetch = ?, gone = ?, rate_limited_until = ?
             WHERE id = ?
            """, arguments: [fetch.httpStatus, fetch.etag, fetch.lastModified, fetch.contentHash, fetch.error,
                             UnixTime.seconds(fetch.at), fetch.failures, UnixTime.seconds(fetch.nextFetch), fetch.gone,
                             UnixTime.seconds(fetch.rateLimitedUntil), id])
        if db.changesCount == 0 { throw StoreError.unknownFeed(id) }
        // A permanent move rewrites the source, unless another subscription already has that URL.
        if let moved = fetch.movedTo,
           try Bool.fetchOne(db, sql: "SELECT 1 FROM feed WHERE source = ?", arguments: [moved]) == nil {
            try db.execute(sql: "UPDATE feed SET source = ? WHERE id = ?", arguments: [moved, id])
        }
    }
}
