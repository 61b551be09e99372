import TidingsCore
internal import GRDB

/// Introspection used by tests (and a future `--debug` report): never part of the public API.
extension ArticleStore {
    /// `EXPLAIN QUERY PLAN` details of every list-pane query for a scope, keyed by query name.
    func queryPlans(scope: ListScope, cursor: HeadlineCursor) throws -> [String: [String]] {
        var queries: [(String, String, StatementArguments)] = []
        for (name, cursor, direction) in [
            ("page older from top", nil, PageDirection.older), ("page older", cursor, .older),
            ("page newer from bottom", nil, .newer), ("page newer", cursor, .newer),
        ] as [(String, HeadlineCursor?, PageDirection)] {
            let page = SQL.page(scope: scope, cursor: cursor, direction: direction, limit: 20)
            queries.append((name, page.sql, page.arguments))
            let unread = SQL.page(scope: scope, cursor: cursor, direction: direction, limit: 1, unreadOnly: true)
            queries.append(("first unread: " + name, unread.sql, unread.arguments))
        }
        let before = SQL.rowsBefore(cursor, scope: scope)
        queries.append(("rows before", before.sql, before.arguments))
        let (terms, arguments) = SQL.scopeFilter(scope, unreadOnly: true)
        queries.append(("mark all read", "UPDATE article AS a SET is_read = 1" + SQL.whereClause(terms), arguments))
        return try writer.read { db in
            var plans: [String: [String]] = [:]
            for (name, sql, arguments) in queries {
                plans[name] = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments)
                    .map { $0["detail"] as String }
            }
            return plans
        }
    }

    /// Migration identifiers recorded in the file.
    func appliedMigrations() throws -> Set<String> {
        try writer.read { db in try Schema.migrator.appliedIdentifiers(db) }
    }

    /// Raw SQL for tests that must forge states the public API cannot produce.
    func executeForTesting(_ sql: String) throws {
        try writer.write { db in try db.execute(sql: sql) }
    }
}

extension ArticleStore {
    /// The connection settings that durability and concurrency rely on, as SQLite reports them.
    func connectionSettings() throws -> [String: String] {
        try writer.write { db in
            var settings: [String: String] = [:]
            for pragma in ["journal_mode", "synchronous", "foreign_keys", "busy_timeout"] {
                settings[pragma] = try String.fetchOne(db, sql: "PRAGMA \(pragma)")
            }
            return settings
        }
    }
}

extension ArticleStore {
    /// Entries in the full-text index, to check it stays in step with the articles. Counted in
    /// its `_docsize` table (one row per indexed article): the index keeps no rows of its own,
    /// and `count(*)` on it would count the articles of its content view instead.
    func searchIndexCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM article_fts_docsize") ?? 0 }
    }
}

extension ArticleStore {
    /// Creates a cache file as an older build left it: migrated up to `migration` only, then `sql` run.
    static func makeOldCacheForTesting(path: String, upTo migration: String, sql: String) throws {
        let queue = try DatabaseQueue(path: path, configuration: StoreOpener.configuration())
        try Schema.migrator.migrate(queue, upTo: migration)
        try queue.write { db in try db.execute(sql: sql) }
        try queue.close()
    }

    /// Rows of a query on a cache file as it is, without migrating it (to compare before and after an upgrade).
    static func rowsOfOldCacheForTesting(path: String, sql: String) throws -> [[String?]] {
        let queue = try DatabaseQueue(path: path, configuration: StoreOpener.configuration())
        defer { try? queue.close() }
        return try queue.read { db in
            try Row.fetchAll(db, sql: sql).map { row in
                row.databaseValues.map { value in value.isNull ? nil : (String.fromDatabaseValue(value) ?? value.description) }
            }
        }
    }
}

extension ArticleStore {
    /// Rows of a read-only query as text (NULL as nil), so tests can audit the file without GRDB.
    func rowsForTesting(_ sql: String) throws -> [[String?]] {
        try writer.read { db in
            try Row.fetchAll(db, sql: sql).map { row in
                row.databaseValues.map { value in value.isNull ? nil : (String.fromDatabaseValue(value) ?? value.description) }
            }
        }
    }

    /// The first column of a read-only query as integers.
    func integersForTesting(_ sql: String) throws -> [Int64] {
        try writer.read { db in try Int64.fetchAll(db, sql: sql) }
    }
}
