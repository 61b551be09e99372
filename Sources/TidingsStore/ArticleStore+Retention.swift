import Foundation
import TidingsCore
internal import GRDB

extension ArticleStore {
    /// Applies retention, then compacts the file. Keeps at most `maxArticlesPerFeed` newest
    /// articles per feed and drops articles dated more than `keepDays` before `now`. Read and
    /// unread articles alike are removed (as in newsboat without its keep-unread setting);
    /// starred articles are never removed and do not count against the per-feed limit. Removed
    /// guids are remembered so a later refresh does not bring them back as new.
    public func cleanup(maxArticlesPerFeed: Int?, keepDays: Int?, now: Date = Date()) throws(StoreError) -> CleanupReport {
        let before = try read { db in try Self.databaseBytes(db) }
        let stamp = UnixTime.seconds(now) ?? 0
        let deleted: Int = try write { db in
            var doomed = "SELECT id FROM article WHERE 0"
            var arguments = StatementArguments()
            if let keepDays, keepDays >= 0 {
                doomed += " UNION SELECT id FROM article WHERE is_starred = 0 AND sort_date < ?"
                arguments += [stamp - Int64(keepDays) * 86_400]
            }
            if let maxArticlesPerFeed, maxArticlesPerFeed >= 0 {
                doomed += """
                     UNION SELECT id FROM (
                        SELECT id, row_number() OVER (PARTITION BY feed_id ORDER BY sort_date DESC, id DESC) AS position
                          FROM article WHERE is_starred = 0)
                     WHERE position > ?
                    """
                arguments += [maxArticlesPerFeed]
            }
            try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS doomed (id INTEGER PRIMARY KEY)")
            try db.execute(sql: "DELETE FROM doomed")
            try db.execute(sql: "INSERT INTO doomed (id) " + doomed, arguments: arguments)
            try db.execute(sql: """
                INSERT OR IGNORE INTO purged_article (feed_id, guid, purged_at)
                SELECT feed_id, guid, ? FROM article WHERE id IN (SELECT id FROM doomed)
                """, arguments: [stamp])
            try db.execute(sql: "DELETE FROM article WHERE id IN (SELECT id FROM doomed)")
            let count = db.changesCount
            try db.execute(sql: "DROP TABLE doomed")
            // Merge the index segments the deletes left behind, so VACUUM can give the space back.
            if count > 0 { try db.execute(sql: "INSERT INTO article_fts(article_fts) VALUES ('optimize')") }
            return count
        }
        let after: Int64 = try writeWithoutTransaction { db in
            try db.execute(sql: "VACUUM")
            if !db.isInsideTransaction, path != ":memory:" {
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
            return try Self.databaseBytes(db)
        }
        return CleanupReport(deleted: deleted, bytesBefore: before, bytesAfter: after)
    }
}
