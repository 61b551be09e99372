import Foundation
import TidingsCore
internal import GRDB

/// An extracted web page kept beside an article.
public struct StoredFullArticle: Hashable, Sendable {
    public var html: String
    /// The page's URL after redirects.
    public var url: String
    public var textLength: Int
    public var extractorVersion: Int
    public var fetchedAt: Date

    public init(html: String, url: String, textLength: Int, extractorVersion: Int, fetchedAt: Date) {
        self.html = html; self.url = url; self.textLength = textLength
        self.extractorVersion = extractorVersion; self.fetchedAt = fetchedAt
    }
}

extension ArticleStore {
    /// The kept extraction of an article, if one was made by this extractor version or a later one.
    public func fullArticle(_ id: ArticleID, minimumVersion: Int) throws(StoreError) -> StoredFullArticle? {
        try read { db in
            try Row.fetchOne(db, sql: """
                SELECT url, html, text_length, extractor_version, fetched_at FROM full_article
                 WHERE article_id = ? AND extractor_version >= ?
                """, arguments: [id, minimumVersion]).map { row in
                StoredFullArticle(html: row["html"], url: row["url"], textLength: row["text_length"],
                                  extractorVersion: row["extractor_version"],
                                  fetchedAt: UnixTime.date(row["fetched_at"]) ?? Date(timeIntervalSince1970: 0))
            }
        }
    }

    /// Keeps (or replaces) an article's extraction, which makes its words findable; an article
    /// removed meanwhile is no error.
    public func saveFullArticle(_ full: StoredFullArticle, for id: ArticleID) throws(StoreError) {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM article WHERE id = ?", arguments: [id]) != nil else { return }
            let arguments: StatementArguments = [full.url, full.html, full.textLength, full.extractorVersion,
                                                 UnixTime.seconds(full.fetchedAt), id]
            // An update, else an insert, never an upsert: triggers move the search entry and an
            // upsert would run both kinds (see FullArticleSearch).
            try db.execute(sql: """
                UPDATE full_article SET url = ?, html = ?, text_length = ?, extractor_version = ?, fetched_at = ?
                 WHERE article_id = ?
                """, arguments: arguments)
            guard db.changesCount == 0 else { return }
            try db.execute(sql: """
                INSERT INTO full_article (url, html, text_length, extractor_version, fetched_at, article_id)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: arguments)
        }
    }

    /// Articles of these feeds first seen since `since`, with a web link and no current
    /// extraction, newest first: what a `full-article = "always"` refresh extracts.
    public func articlesWantingFullText(feeds: [FeedID], since: Date, minimumVersion: Int, limit: Int)
        throws(StoreError) -> [(id: ArticleID, link: String)] {
        guard !feeds.isEmpty, limit > 0 else { return [] }
        return try read { db in
            let marks = Array(repeating: "?", count: feeds.count).joined(separator: ",")
            var arguments = StatementArguments(feeds)
            arguments += [UnixTime.seconds(since), minimumVersion, limit]
            return try Row.fetchAll(db, sql: """
                SELECT a.id, a.link FROM article a
                 WHERE a.feed_id IN (\(marks)) AND a.first_seen >= ?
                   AND (a.link LIKE 'http://%' OR a.link LIKE 'https://%')
                   AND NOT EXISTS (SELECT 1 FROM full_article f WHERE f.article_id = a.id AND f.extractor_version >= ?)
                 ORDER BY a.sort_date DESC, a.id DESC LIMIT ?
                """, arguments: arguments).map { (id: $0["id"], link: $0["link"]) }
        }
    }
}
