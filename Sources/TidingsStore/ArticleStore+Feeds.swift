import Foundation
import TidingsCore
internal import GRDB

extension ArticleStore {
    /// Adds a feed, or finds it by source. The registered title (latest call wins; nil or blank
    /// means "use the document's") overrides the title found in the feed itself.
    public func registerFeed(source: String, title: String?) throws(StoreError) -> FeedID {
        let kind = FeedKind.infer(source: source)
        return try write { db in try upsertFeed(source: source, title: title, kind: kind, db) }
    }

    /// The insert-or-update behind every `registerFeed`; `kind` applies to new feeds only.
    func upsertFeed(source: String, title: String?, kind: FeedKind, _ db: Database) throws -> FeedID {
        let custom = title.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        try db.execute(sql: """
            INSERT INTO feed (source, custom_title, kind) VALUES (?, ?, ?)
            ON CONFLICT (source) DO UPDATE SET custom_title = excluded.custom_title
            """, arguments: [source, custom, kind.rawValue])
        guard let id = try FeedID.fetchOne(db, sql: "SELECT id FROM feed WHERE source = ?", arguments: [source]) else {
            throw StoreError.database(path: path, reason: "feed \(source) vanished right after being registered")
        }
        // A changed display title re-indexes the feed's articles by trigger (feed_search_retitle).
        return id
    }

    /// Every feed not hidden, with its counters, ordered by display title ignoring case.
    public func feedSummaries() throws(StoreError) -> [FeedSummary] {
        let summaries = try read { db in
            var tags: [Int64: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT feed_id, tag FROM feed_tag ORDER BY feed_id, position, tag") {
                tags[row["feed_id"], default: []].append(row["tag"])
            }
            return try Row.fetchAll(db, sql: """
                SELECT id, \(SQL.feedTitle) AS display_title, display_source(source) AS shown_source, unread_count, total_count,
                       last_error, failures, next_fetch, gone, rate_limited_until
                  FROM feed WHERE hidden = 0
                """).map { row in
                FeedSummary(id: row["id"], title: row["display_title"], source: row["shown_source"],
                            unread: row["unread_count"], total: row["total_count"], tags: tags[row["id"]] ?? [],
                            problem: Self.problem(row))
            }
        }
        // Sorted here rather than with COLLATE NOCASE, which only folds ASCII.
        return summaries.sorted { lhs, rhs in
            let (left, right) = (lhs.title.lowercased(), rhs.title.lowercased())
            return left == right ? lhs.id < rhs.id : left < right
        }
    }

    /// The feed list's mark: what went wrong with the last fetch and when the next one is.
    private static func problem(_ row: Row) -> FeedProblem? {
        let now = Date()
        let next = UnixTime.date(row["next_fetch"])
        if row["gone"] == true {
            return FeedProblem(kind: .gone, message: "The feed is gone (HTTP 410); `tidings refresh --force` re-enables it.")
        }
        if let until = UnixTime.date(row["rate_limited_until"]), until > now {
            return FeedProblem(kind: .rateLimited, message: "The server asked Tidings to wait.", nextAttempt: until)
        }
        guard let error: String = row["last_error"] else { return nil }
        let failures: Int = row["failures"]
        let waiting = failures > 0 && (next.map { $0 > now } ?? false)
        return FeedProblem(kind: waiting ? .backoff : .error, message: error, nextAttempt: waiting ? next : nil)
    }

    /// Unread and total article counts over all feeds, from the counters (no article scan).
    public func totals() throws(StoreError) -> (unread: Int, total: Int) {
        try read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT COALESCE(SUM(unread_count), 0) AS unread, COALESCE(SUM(total_count), 0) AS total FROM feed
                """)
            return (unread: row?["unread"] ?? 0, total: row?["total"] ?? 0)
        }
    }

    /// Deletes a feed and, by cascade, all its articles.
    public func removeFeed(_ id: FeedID) throws(StoreError) {
        try write { db in
            try db.execute(sql: "DELETE FROM feed WHERE id = ?", arguments: [id])
            if db.changesCount == 0 { throw StoreError.unknownFeed(id) }
        }
    }
}
