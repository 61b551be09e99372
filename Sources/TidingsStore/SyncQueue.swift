internal import GRDB

/// The durable queue of marks made locally on articles that live on the sync server. Written in
/// the same transaction as the flag itself, one row per article and field (a later mark replaces
/// an earlier one), each with a sequence number so a sync removes only what it pushed.
enum SyncQueue {
    static func record(_ db: Database, field: String, value: Bool, ids: [Int64]) throws {
        guard !ids.isEmpty, try hasSyncedArticles(db) else { return }
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
        try db.execute(sql: """
            INSERT INTO sync_intent (article_id, field, value, seq)
            SELECT article_id, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM sync_intent)
              FROM sync_article WHERE article_id IN (\(marks))
            ON CONFLICT (article_id, field) DO UPDATE SET value = excluded.value, seq = excluded.seq
            """, arguments: StatementArguments([field]) + StatementArguments([value]) + StatementArguments(ids))
    }

    /// "Mark read" over a scope: the explicit ids that are unread now, never a catch-up without bound.
    static func recordScope(_ db: Database, terms: [String], arguments: StatementArguments) throws {
        guard try hasSyncedArticles(db) else { return }
        try db.execute(sql: """
            INSERT INTO sync_intent (article_id, field, value, seq)
            SELECT a.id, 'read', 1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM sync_intent)
              FROM article AS a JOIN sync_article AS s ON s.article_id = a.id\(SQL.whereClause(terms))
            ON CONFLICT (article_id, field) DO UPDATE SET value = excluded.value, seq = excluded.seq
            """, arguments: arguments)
    }

    private static func hasSyncedArticles(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sync_article)") ?? false
    }
}
