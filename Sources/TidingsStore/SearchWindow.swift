import TidingsCore
internal import GRDB

/// Queries with a one- or two-character prefix (`a*`, `"ferry t"*`), newest first. FTS5 (3.40,
/// without a prefix index) answers a prefix by merging the posting lists of every word that
/// starts with it before returning the first row, whatever the LIMIT: `a*` cost 0.5 s at 200,000
/// articles. Such a prefix matches nearly every article, so the newest ones are taken a chunk at
/// a time and the query is run on their indexed text (computed as the index computes it, through
/// `article_search`) in a small in-memory FTS5 table with the same tokenizer: the same answers,
/// for the cost of the articles the page needs. A prefix rare among the newest articles is rare
/// in the index too, so after `budget` articles the index is asked after all, which is then cheap.
enum SearchWindow {
    /// Articles run through the in-memory index at a time.
    static let chunk = 100
    /// Articles looked at for one page before the index is asked instead.
    static let budget = 1_000

    static func page(_ parsed: SearchQuery, after: HeadlineCursor?, limit: Int, _ db: Database,
                     stop: () -> Bool) throws -> SearchPage {
        guard let (filter, arguments) = try SearchSQL.filter(parsed, db, fullText: false) else { return SearchPage(rows: [], next: nil) }
        let matcher = try Matcher(parsed)
        var found: [HeadlineCursor] = []
        var position = after
        var scanned = 0
        var reachedEnd = false
        while found.count < limit && scanned < budget {
            try check(stop)
            let batch = try candidates(filter, arguments, after: position, limit: chunk, db)
            let matched = try matcher.matching(batch.map(\.id), db)
            for candidate in batch where matched.contains(candidate.id) && found.count < limit { found.append(candidate) }
            position = found.count == limit ? found.last : batch.last ?? position
            scanned += batch.count
            if batch.count < chunk { reachedEnd = true; break }
        }
        var rows = try headlines(found, db)
        if found.count < limit && !reachedEnd {
            // Too few matches among the newest articles: the index answers the rest cheaply.
            guard let (all, values) = try SearchSQL.filter(parsed, db) else { return SearchPage(rows: rows, next: nil) }
            rows += try SearchPager.dated(all, values, after: position, limit: limit - found.count, db).rows
        }
        return SearchPage(rows: rows, next: rows.count == limit ? rows.last.map { .dated($0.cursor) } : nil)
    }

    /// Articles counted before judging: more than `atMost` matches are assumed when the share of
    /// matches among this many of the newest articles says so.
    static let countSample = 200

    /// An exact count when the prefix is rare (cheap for the index); "more than `atMost`" when
    /// the newest articles show it is common, which the index could only confirm by merging
    /// every posting list.
    static func count(_ parsed: SearchQuery, atMost: Int, _ db: Database, stop: () -> Bool) throws -> SearchCount {
        guard let (filter, arguments) = try SearchSQL.filter(parsed, db, fullText: false) else { return SearchCount(total: 0, isExact: true) }
        let matcher = try Matcher(parsed)
        var position: HeadlineCursor?
        var scanned = 0, matches = 0
        while scanned < countSample {
            try check(stop)
            let batch = try candidates(filter, arguments, after: position, limit: chunk, db)
            matches += try matcher.matching(batch.map(\.id), db).count
            scanned += batch.count
            position = batch.last ?? position
            if batch.count < chunk { return SearchCount(total: min(matches, atMost), isExact: matches <= atMost) }
        }
        let articles = filter.isEmpty
            ? try Int.fetchOne(db, sql: "SELECT COALESCE(sum(total_count), 0) FROM feed") ?? 0
            : try Int.fetchOne(db, sql: "SELECT count(*) FROM article a" + SQL.whereClause(filter), arguments: arguments) ?? 0
        if scanned > 0, matches * articles / scanned > atMost { return SearchCount(total: atMost, isExact: false) }
        guard let (all, values) = try SearchSQL.filter(parsed, db) else { return SearchCount(total: 0, isExact: true) }
        return try SearchPager.indexCount(all, values, textOnly: parsed.match != nil && all.count == 1, atMost: atMost, db)
    }

    /// Ends a search made stale between two of its statements, as SQLite ends one interrupted in a statement.
    private static func check(_ stop: () -> Bool) throws {
        if stop() { throw DatabaseError(resultCode: .SQLITE_INTERRUPT) }
    }

    /// The next articles in list order that pass the filters.
    private static func candidates(_ filter: [String], _ arguments: StatementArguments, after: HeadlineCursor?,
                                   limit: Int, _ db: Database) throws -> [HeadlineCursor] {
        var terms = filter, values = arguments
        if let after {
            terms.append("(a.sort_date, a.id) < (?, ?)")
            values += [after.sortDate, after.id]
        }
        return try Row.fetchAll(db, sql: "SELECT a.id, a.sort_date FROM article a" + SQL.whereClause(terms)
                                + " ORDER BY a.sort_date DESC, a.id DESC LIMIT ?", arguments: values + [limit])
            .map { HeadlineCursor(sortDate: $0["sort_date"], id: $0["id"]) }
    }

    private static func headlines(_ cursors: [HeadlineCursor], _ db: Database) throws -> [Headline] {
        guard !cursors.isEmpty else { return [] }
        let ids = cursors.map { String($0.id) }.joined(separator: ",")
        return try Row.fetchAll(db, sql: SQL.headlineSelect + " WHERE a.id IN (\(ids)) ORDER BY a.sort_date DESC, a.id DESC")
            .map(SQL.headline)
    }

    /// The query run over a few articles at a time in an in-memory FTS5 table.
    private final class Matcher {
        private let memory: DatabaseQueue
        private let match: String?
        private let excluded: String?

        init(_ parsed: SearchQuery) throws {
            memory = try DatabaseQueue()
            match = parsed.match
            excluded = parsed.excluded
            try memory.inDatabase { db in
                // The index's columns and tokenizer, so the query means what it means there.
                // Contentless: only rowids come back, and emptying it costs nothing.
                try db.execute(sql: """
                    CREATE VIRTUAL TABLE chunk USING fts5(\(SearchIndex.columns), content = '', \(SearchIndex.options))
                    """)
            }
        }

        /// Which of these articles the query matches.
        func matching(_ ids: [Int64], _ db: Database) throws -> Set<Int64> {
            guard !ids.isEmpty else { return [] }
            let texts = try Row.fetchAll(db, sql: """
                SELECT id, title, author, feed, body FROM article_search WHERE id IN (\(ids.map(String.init).joined(separator: ",")))
                """)
            return try memory.inDatabase { m in
                // One transaction, so FTS5 writes its segment once per chunk rather than per row.
                try m.inTransaction {
                    try m.execute(sql: "INSERT INTO chunk (chunk) VALUES ('delete-all')")
                    let insert = try m.cachedStatement(sql: "INSERT INTO chunk (rowid, title, author, feed, body) VALUES (?, ?, ?, ?, ?)")
                    for row in texts {
                        try insert.execute(arguments: [row["id"] as Int64, row["title"] as String?, row["author"] as String?,
                                                       row["feed"] as String?, row["body"] as String?])
                    }
                    return .commit
                }
                var found = Set(texts.map { $0["id"] as Int64 })
                if let match { found = Set(try Int64.fetchAll(m, sql: "SELECT rowid FROM chunk WHERE chunk MATCH ?", arguments: [match])) }
                if let excluded { found.subtract(try Int64.fetchAll(m, sql: "SELECT rowid FROM chunk WHERE chunk MATCH ?", arguments: [excluded])) }
                return found
            }
        }
    }
}
