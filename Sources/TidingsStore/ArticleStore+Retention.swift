import Foundation
import TidingsCore
internal import GRDB

extension ArticleStore {
    /// Global limits only (see `cleanup(policy:feeds:compact:now:)`).
    public func cleanup(maxArticlesPerFeed: Int?, keepDays: Int?, now: Date = Date()) throws(StoreError) -> CleanupReport {
        try cleanup(policy: RetentionPolicy(global: RetentionLimits(maxArticles: maxArticlesPerFeed, keepDays: keepDays)), now: now)
    }

    /// Applies retention to every feed (or to `feeds`), then, with `compact`, merges the search
    /// index and VACUUMs. Per feed it keeps at most `maxArticles` newest articles and drops those
    /// dated more than `keepDays` before `now`, read or unread alike (as newsboat without its
    /// keep-unread setting); 0 means no limit; starred articles are never removed and do not count
    /// against the limit. Removed guids are remembered so a later refresh does not bring them back.
    public func cleanup(policy: RetentionPolicy, feeds: [FeedID]? = nil, compact: Bool = true,
                        now: Date = Date()) throws(StoreError) -> CleanupReport {
        let before = compact ? try read { db in try Self.databaseBytes(db) } : 0
        let stamp = UnixTime.seconds(now) ?? 0
        var unmatched: [String] = []
        let deleted: Int = try write { db in
            let limits = try Self.feedLimits(policy, only: feeds, unmatched: &unmatched, db)
            guard !limits.isEmpty else { return 0 }
            try db.execute(sql: """
                CREATE TEMP TABLE IF NOT EXISTS retention_limit (
                    feed_id INTEGER PRIMARY KEY, max_articles INTEGER, keep_before INTEGER)
                """)
            try db.execute(sql: "DELETE FROM retention_limit")
            let add = try db.cachedStatement(sql: "INSERT INTO retention_limit VALUES (?, ?, ?)")
            for (feed, limit) in limits {
                try add.execute(arguments: [feed, limit.maxArticles, limit.keepDays.map { stamp - Int64($0) * 86_400 }])
            }
            try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS doomed (id INTEGER PRIMARY KEY)")
            try db.execute(sql: "DELETE FROM doomed")
            try db.execute(sql: """
                INSERT INTO doomed (id)
                SELECT a.id FROM article a JOIN retention_limit l ON l.feed_id = a.feed_id
                 WHERE a.is_starred = 0 AND l.keep_before IS NOT NULL AND a.sort_date < l.keep_before
                """)
            try db.execute(sql: """
                INSERT OR IGNORE INTO doomed (id)
                SELECT id FROM (
                    SELECT a.id, l.max_articles AS allowed,
                           row_number() OVER (PARTITION BY a.feed_id ORDER BY a.sort_date DESC, a.id DESC) AS position
                      FROM article a JOIN retention_limit l ON l.feed_id = a.feed_id
                     WHERE a.is_starred = 0 AND l.max_articles IS NOT NULL)
                 WHERE position > allowed
                """)
            try db.execute(sql: """
                INSERT OR IGNORE INTO purged_article (feed_id, guid, purged_at)
                SELECT feed_id, guid, ? FROM article WHERE id IN (SELECT id FROM doomed)
                """, arguments: [stamp])
            try db.execute(sql: "DELETE FROM article WHERE id IN (SELECT id FROM doomed)")
            let count = db.changesCount
            try db.execute(sql: "DROP TABLE doomed")
            try db.execute(sql: "DROP TABLE retention_limit")
            // Merge the index segments the deletes left behind, so VACUUM can give the space back.
            if count > 0, compact { try db.execute(sql: "INSERT INTO article_fts(article_fts) VALUES ('optimize')") }
            return count
        }
        guard compact else {
            return CleanupReport(deleted: deleted, bytesBefore: 0, bytesAfter: 0, unmatchedFeeds: unmatched)
        }
        let after: Int64 = try writeWithoutTransaction { db in
            try db.execute(sql: "VACUUM")
            if !db.isInsideTransaction, path != ":memory:" {
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
            return try Self.databaseBytes(db)
        }
        return CleanupReport(deleted: deleted, bytesBefore: before, bytesAfter: after, unmatchedFeeds: unmatched)
    }

    /// The limits in force for each feed that has any. A per-feed key names a feed by its source,
    /// its own title or the title given with `add --title` (titles without regard to case).
    private static func feedLimits(_ policy: RetentionPolicy, only: [FeedID]?, unmatched: inout [String],
                                   _ db: Database) throws -> [(FeedID, RetentionLimits)] {
        let rows = try Row.fetchAll(db, sql: "SELECT id, source, custom_title, title FROM feed")
        var overrides: [FeedID: RetentionLimits] = [:]
        for (key, limits) in policy.perFeed.sorted(by: { $0.key < $1.key }) {
            let folded = key.lowercased()
            let matches = rows.filter { row in
                row["source"] == key || (row["custom_title"] as String?)?.lowercased() == folded
                    || (row["title"] as String?)?.lowercased() == folded
            }
            if matches.isEmpty { unmatched.append(key) }
            for row in matches { overrides[row["id"]] = limits }
        }
        let wanted = only.map(Set.init)
        return rows.compactMap { row in
            let id: FeedID = row["id"]
            if let wanted, !wanted.contains(id) { return nil }
            let limits = (overrides[id] ?? RetentionLimits()).over(policy.global).effective
            return limits.isUnlimited ? nil : (id, limits)
        }
    }
}
