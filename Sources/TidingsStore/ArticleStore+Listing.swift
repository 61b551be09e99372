import Foundation
import TidingsCore
internal import GRDB

extension ArticleStore {
    /// Headlines for scripts, newest first: optionally one feed, feeds with a tag (any case),
    /// unread or starred only, and sorted on or after `since`.
    public func articles(feed: FeedID? = nil, tag: String? = nil, unreadOnly: Bool = false, starredOnly: Bool = false,
                         since: Date? = nil, limit: Int) throws(StoreError) -> [Headline] {
        guard limit > 0 else { return [] }
        return try read { db in
            var terms: [String] = []
            var arguments = StatementArguments()
            if let feed {
                terms.append("a.feed_id = ?")
                arguments += [feed]
            }
            if let tag {
                var query = SearchQuery("")
                query.tags = [tag]
                let feeds = try SearchSQL.matchingFeeds(query, db)
                if feeds.isEmpty { return [] }
                terms.append("a.feed_id IN (" + feeds.map(String.init).joined(separator: ",") + ")")
            }
            // Literals, so the partial indexes on unread and starred apply.
            if unreadOnly { terms.append("a.is_read = 0") }
            if starredOnly { terms.append("a.is_starred = 1") }
            if let since, let seconds = UnixTime.seconds(since) {
                terms.append("a.sort_date >= ?")
                arguments += [seconds]
            }
            arguments += [limit]
            let sql = SQL.headlineSelect + SQL.whereClause(terms) + " ORDER BY a.sort_date DESC, a.id DESC LIMIT ?"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(SQL.headline)
        }
    }

    /// Counts, size and date range of the whole cache; every figure comes from an index or a counter.
    public func stats() throws(StoreError) -> CacheStats {
        try read { db in
            let feeds = try Row.fetchOne(db, sql: """
                SELECT count(*) AS feeds, COALESCE(SUM(total_count), 0) AS total, COALESCE(SUM(unread_count), 0) AS unread FROM feed
                """)
            let starred = try Int.fetchOne(db, sql: "SELECT count(*) FROM article WHERE is_starred = 1") ?? 0
            let saved = try Int.fetchOne(db, sql: "SELECT count(*) FROM saved_search") ?? 0
            let oldest = try Int64.fetchOne(db, sql: "SELECT MIN(sort_date) FROM article")
            let newest = try Int64.fetchOne(db, sql: "SELECT MAX(sort_date) FROM article")
            return CacheStats(feeds: feeds?["feeds"] ?? 0, articles: feeds?["total"] ?? 0, unread: feeds?["unread"] ?? 0,
                              starred: starred, savedSearches: saved, fileBytes: try Self.databaseBytes(db),
                              oldest: UnixTime.date(oldest), newest: UnixTime.date(newest))
        }
    }

    static func databaseBytes(_ db: Database) throws -> Int64 {
        let pages = try Int64.fetchOne(db, sql: "PRAGMA page_count") ?? 0
        let size = try Int64.fetchOne(db, sql: "PRAGMA page_size") ?? 0
        return pages * size
    }
}
