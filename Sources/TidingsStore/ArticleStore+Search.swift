import Foundation
import TidingsCore
internal import GRDB

extension ArticleStore {
    /// The first `limit` articles matching a query in the user's syntax (see `SearchQuery`), in
    /// the order `SearchPager` describes: best match first, then newest first. A query with only
    /// filters lists the matching articles newest first; an empty or punctuation-only query
    /// finds nothing.
    public func search(_ query: String, limit: Int) throws(StoreError) -> [Headline] {
        try searchPage(query, limit: limit, after: nil).rows
    }

    /// A page of results: the first (`after` nil) or the one after a previous page's `next`.
    public func searchPage(_ query: String, limit: Int, after: SearchCursor?) throws(StoreError) -> SearchPage {
        let parsed = SearchQuery(query)
        return try read { db in try SearchPager.page(parsed, limit: limit, after: after, db) }
    }

    /// How many articles match, up to `atMost`; past it, only that there are more.
    public func searchCount(_ query: String, atMost: Int) throws(StoreError) -> SearchCount {
        let parsed = SearchQuery(query)
        return try read { db in try SearchPager.count(parsed, atMost: atMost, db) }
    }

    /// How many of the newest matches a very common query ranks (see `SearchPager`).
    static var rankingWindow: Int { SearchPager.rankingWindow }

    /// How many articles match a query, and how many of those are unread.
    public func searchCounts(_ query: String) throws(StoreError) -> (unread: Int, total: Int) {
        let parsed = SearchQuery(query)
        guard !parsed.isEmpty else { return (0, 0) }
        return try read { db in
            guard let (filter, arguments) = try SearchSQL.filter(parsed, db) else { return (0, 0) }
            let from = parsed.match != nil
                ? " FROM article_fts CROSS JOIN article a ON a.id = article_fts.rowid"
                : " FROM article a"
            let row = try Row.fetchOne(db, sql: "SELECT count(*) AS total, COALESCE(SUM(a.is_read = 0), 0) AS unread"
                                       + from + SQL.whereClause(filter), arguments: arguments)
            return (unread: row?["unread"] ?? 0, total: row?["total"] ?? 0)
        }
    }

    /// Re-indexes every article (after a change to how text is prepared, or to repair the index).
    public func rebuildSearchIndex() throws(StoreError) {
        try write { db in try SearchIndex.rebuild(db) }
    }
}

/// The WHERE terms of a parsed search.
enum SearchSQL {
    /// Terms and arguments, or nil when a filter names no feed at all (so nothing can match).
    /// Without `fullText`, only the terms on the article and its feed (the caller matches the text).
    static func filter(_ query: SearchQuery, _ db: Database, fullText: Bool = true)
        throws -> (terms: [String], arguments: StatementArguments)? {
        var terms: [String] = []
        var arguments = StatementArguments()
        if fullText, let match = query.match {
            terms.append("article_fts MATCH ?")
            arguments += [match]
        }
        if fullText, let excluded = query.excluded {
            terms.append("a.id NOT IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)")
            arguments += [excluded]
        }
        // Literals, so the partial indexes on unread and starred apply.
        if let unread = query.unread { terms.append(unread ? "a.is_read = 0" : "a.is_read = 1") }
        if let starred = query.starred { terms.append(starred ? "a.is_starred = 1" : "a.is_starred = 0") }
        let now = Int64(Date().timeIntervalSince1970)
        if let days = query.newerThanDays {
            terms.append("a.sort_date >= ?")
            arguments += [now - Int64(days) * 86_400]
        }
        if let days = query.olderThanDays {
            terms.append("a.sort_date < ?")
            arguments += [now - Int64(days) * 86_400]
        }
        if !query.feedNames.isEmpty || !query.tags.isEmpty || !query.excludedFeedNames.isEmpty || !query.excludedTags.isEmpty {
            let feeds = try matchingFeeds(query, db)
            if feeds.isEmpty { return nil }
            terms.append("a.feed_id IN (" + feeds.map(String.init).joined(separator: ",") + ")")
        }
        return (terms, arguments)
    }

    /// Feeds passing the `feed:` and `tag:` filters (and their negations). Compared in Swift,
    /// ignoring case and accents, because SQLite's `lower()` and `LIKE` fold ASCII only; there
    /// are few feeds, so this is cheap.
    static func matchingFeeds(_ query: SearchQuery, _ db: Database) throws -> [Int64] {
        var tagsByFeed: [Int64: Set<String>] = [:]
        if !query.tags.isEmpty || !query.excludedTags.isEmpty {
            for row in try Row.fetchAll(db, sql: "SELECT feed_id, tag FROM feed_tag") {
                tagsByFeed[row["feed_id"], default: []].insert(folded(row["tag"]))
            }
        }
        let names = query.feedNames.map(folded), tags = query.tags.map(folded)
        let notNames = query.excludedFeedNames.map(folded), notTags = query.excludedTags.map(folded)
        return try Row.fetchAll(db, sql: "SELECT id, \(SQL.feedTitle) AS title FROM feed").compactMap { row in
            let id: Int64 = row["id"]
            let title = folded(row["title"])
            let feedTags = tagsByFeed[id] ?? []
            guard names.allSatisfy({ title.contains($0) }), !notNames.contains(where: { title.contains($0) }) else { return nil }
            guard tags.allSatisfy({ feedTags.contains($0) }), !notTags.contains(where: { feedTags.contains($0) }) else { return nil }
            return id
        }
    }

    /// Case-, accent- and width-insensitive form of a feed title or tag, for comparing.
    static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}
