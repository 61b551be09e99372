import TidingsCore
internal import GRDB

/// One page of a search, on whichever connection runs it. Every page asks SQLite only for the
/// rows after the previous page's last one (`SearchCursor`), with the LIMIT inside the query, so
/// no page ranks or sorts more than the ranking window (`rankingWindow` newest matches).
///
/// Order: best match first (bm25, title weighing most), then newest first. When a query matches
/// more than the window holds, the window's matches are ranked and the older ones follow, most
/// recently added first; a query of filters only lists newest first; a query with a one- or
/// two-character prefix lists newest first too (see `SearchWindow`).
enum SearchPager {
    /// How many of the newest matches a very common query ranks.
    static let rankingWindow = 5_000

    /// `stop` is asked between steps of a search made of several statements; true ends it as interrupted.
    static func page(_ parsed: SearchQuery, limit: Int, after: SearchCursor?, _ db: Database,
                     stop: () -> Bool = { false }) throws -> SearchPage {
        guard limit > 0, !parsed.isEmpty, let (filter, arguments) = try SearchSQL.filter(parsed, db) else {
            return SearchPage(rows: [], next: nil)
        }
        if parsed.hasShortPrefix {
            return try SearchWindow.page(parsed, after: after?.datedCursor, limit: limit, db, stop: stop)
        }
        guard let match = parsed.match else { return try dated(filter, arguments, after: after?.datedCursor, limit: limit, db) }
        let rank = try SearchRank.expression(db, weights: SearchIndex.weights)
        switch after {
        case nil:
            // Ranking costs a bm25 computation per match (0.4 s for a word found in all of 200k
            // articles): past `rankingWindow` matches only the most recently added ones are
            // ranked (a word that common says little about relevance anyway). A window that holds
            // too few results for the page (filters) gives way to ranking every match.
            if let cutoff = try Int64.fetchOne(db, sql: """
                SELECT rowid FROM article_fts WHERE article_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?
                """, arguments: [match, rankingWindow]) {
                let windowed = try ranked(filter, arguments, rank: rank, window: cutoff, after: nil, limit: limit,
                                          olderFill: false, db)
                if windowed.rows.count >= limit { return windowed }
            }
            return try ranked(filter, arguments, rank: rank, window: nil, after: nil, limit: limit, db)
        case .ranked(let last, let date, let id, let window)?:
            return try ranked(filter, arguments, rank: rank, window: window, after: (last, date, id), limit: limit, db)
        case .older(let id)?:
            return try older(filter, arguments, before: id, limit: limit, db)
        case .dated?:
            return SearchPage(rows: [], next: nil)
        }
    }

    /// Newest first: queries without text to match, and short prefixes (see `SearchWindow`).
    static func dated(_ filter: [String], _ arguments: StatementArguments, after: HeadlineCursor?, limit: Int,
                      _ db: Database) throws -> SearchPage {
        var terms = filter, values = arguments
        if let after {
            terms.append("(a.sort_date, a.id) < (?, ?)")
            values += [after.sortDate, after.id]
        }
        let select = filter.contains { $0.hasPrefix("article_fts MATCH") }
            ? "SELECT " + SQL.headlineColumns
                + " FROM article_fts CROSS JOIN article a ON a.id = article_fts.rowid CROSS JOIN feed f ON f.id = a.feed_id"
            : SQL.headlineSelect
        let sql = select + SQL.whereClause(terms) + " ORDER BY a.sort_date DESC, a.id DESC LIMIT ?"
        let rows = try Row.fetchAll(db, sql: sql, arguments: values + [limit]).map(SQL.headline)
        return SearchPage(rows: rows, next: rows.count == limit ? rows.last.map { .dated($0.cursor) } : nil)
    }

    /// Best match first within the window (article ids from `window` on; nil: every match),
    /// after the row `after`; when the window runs out, the older matches fill the page.
    private static func ranked(_ filter: [String], _ arguments: StatementArguments, rank: String, window: Int64?,
                               after: (rank: Double, sortDate: Int64, id: Int64)?, limit: Int,
                               olderFill: Bool = true, _ db: Database) throws -> SearchPage {
        var terms = filter + ["article_fts.rank MATCH ?"]
        var values = arguments + [rank]
        if let window {
            terms.append("article_fts.rowid >= ?")
            values += [window]
        }
        if let after {
            terms.append("(article_fts.rank > ? OR (article_fts.rank = ? AND (a.sort_date, a.id) < (?, ?)))")
            values += [after.rank, after.rank, after.sortDate, after.id]
        }
        let sql = "SELECT " + SQL.headlineColumns + ", article_fts.rank AS search_rank"
            + " FROM article_fts CROSS JOIN article a ON a.id = article_fts.rowid CROSS JOIN feed f ON f.id = a.feed_id"
            + SQL.whereClause(terms) + " ORDER BY article_fts.rank, a.sort_date DESC, a.id DESC LIMIT ?"
        let found = try Row.fetchAll(db, sql: sql, arguments: values + [limit])
        let rows = found.map(SQL.headline)
        if let last = found.last, let row = rows.last, rows.count == limit {
            return SearchPage(rows: rows, next: .ranked(rank: last["search_rank"], sortDate: row.sortDate, id: row.id,
                                                        windowStart: window))
        }
        guard let window, olderFill else { return SearchPage(rows: rows, next: nil) }
        let rest = try older(filter, arguments, before: window, limit: limit - rows.count, db)
        return SearchPage(rows: rows + rest.rows, next: rest.next)
    }

    /// Matches added before `before`, most recent first: FTS5 walks its lists backwards and
    /// stops at the LIMIT.
    private static func older(_ filter: [String], _ arguments: StatementArguments, before: Int64, limit: Int,
                              _ db: Database) throws -> SearchPage {
        guard limit > 0 else { return SearchPage(rows: [], next: .older(id: before)) }
        let sql = "SELECT " + SQL.headlineColumns
            + " FROM article_fts CROSS JOIN article a ON a.id = article_fts.rowid CROSS JOIN feed f ON f.id = a.feed_id"
            + SQL.whereClause(filter + ["article_fts.rowid < ?"]) + " ORDER BY article_fts.rowid DESC LIMIT ?"
        let rows = try Row.fetchAll(db, sql: sql, arguments: arguments + [before, limit]).map(SQL.headline)
        return SearchPage(rows: rows, next: rows.count == limit ? rows.last.map { .older(id: $0.id) } : nil)
    }

    /// How many articles match, counted up to `atMost` (one past it, to know there are more).
    static func count(_ parsed: SearchQuery, atMost: Int, _ db: Database, stop: () -> Bool = { false }) throws -> SearchCount {
        guard !parsed.isEmpty, let (filter, arguments) = try SearchSQL.filter(parsed, db) else { return SearchCount(total: 0, isExact: true) }
        if parsed.hasShortPrefix { return try SearchWindow.count(parsed, atMost: atMost, db, stop: stop) }
        return try indexCount(filter, arguments, textOnly: parsed.match != nil && filter.count == 1, atMost: atMost, db)
    }

    /// The count from the index (or the articles, without text to match); `textOnly` when the
    /// only term is the MATCH, so the article rows need not be read.
    static func indexCount(_ filter: [String], _ arguments: StatementArguments, textOnly: Bool, atMost: Int,
                           _ db: Database) throws -> SearchCount {
        let from: String
        if textOnly {
            from = " FROM article_fts"
        } else if filter.contains(where: { $0.hasPrefix("article_fts MATCH") }) {
            from = " FROM article_fts CROSS JOIN article a ON a.id = article_fts.rowid"
        } else {
            from = " FROM article a"
        }
        let counted = try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1" + from + SQL.whereClause(filter) + " LIMIT ?)",
                                       arguments: arguments + [atMost + 1]) ?? 0
        return SearchCount(total: min(counted, atMost), isExact: counted <= atMost)
    }
}

extension SearchCursor {
    /// The position of a newest-first listing; nil for the other orders.
    var datedCursor: HeadlineCursor? {
        if case .dated(let cursor) = self { return cursor }
        return nil
    }
}
