import Foundation
import TidingsCore
internal import GRDB

extension ArticleStore {
    /// One keyset page of headlines, always in list order (newest first). A nil cursor means
    /// the top for `.older` and the bottom for `.newer`.
    public func headlines(_ request: HeadlinePageRequest) throws(StoreError) -> [Headline] {
        guard request.limit > 0 else { return [] }
        let query = SQL.page(scope: request.scope, cursor: request.cursor, direction: request.direction, limit: request.limit)
        let rows = try read { db in try Row.fetchAll(db, sql: query.sql, arguments: query.arguments).map(SQL.headline) }
        return request.direction == .older ? rows : rows.reversed()
    }

    /// Number of articles in a scope, read from the feed counters.
    public func count(_ scope: ListScope) throws(StoreError) -> Int {
        let sql: String
        var arguments = StatementArguments()
        switch scope {
        case .all: sql = "SELECT COALESCE(SUM(total_count), 0) FROM feed"
        case .unread: sql = "SELECT COALESCE(SUM(unread_count), 0) FROM feed"
        case let .feed(id):
            sql = "SELECT total_count FROM feed WHERE id = ?"
            arguments = [id]
        case .search:
            return 0
        }
        return try read { db in try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0 }
    }

    /// Position of the cursor in the scope's list: how many rows come before it.
    public func index(of cursor: HeadlineCursor, in scope: ListScope) throws(StoreError) -> Int {
        let query = SQL.rowsBefore(cursor, scope: scope)
        return try read { db in try Int.fetchOne(db, sql: query.sql, arguments: query.arguments) ?? 0 }
    }

    /// The headline of one article, or nil when it does not exist.
    public func headline(_ id: ArticleID) throws(StoreError) -> Headline? {
        try read { db in
            try Row.fetchOne(db, sql: SQL.headlineSelect + " WHERE a.id = ?", arguments: [id]).map(SQL.headline)
        }
    }

    /// A whole article with its body (content, else summary, else empty), or nil.
    public func article(_ id: ArticleID) throws(StoreError) -> Article? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: SQL.articleSelect + " WHERE a.id = ?", arguments: [id]) else { return nil }
            // Bodies may be packed (see BodyCodec); this is the one place they are read for display.
            let dictionary = { (id: Int64) in
                try? self.dictionaries.dictionary(id) { try BodyDictionarySchema.load(id, db) }
            }
            let content = BodyCodec.unpack(row["content"], dictionary: { dictionary($0) ?? nil })
            let summary = BodyCodec.unpack(row["summary"], dictionary: { dictionary($0) ?? nil })
            let body = content.flatMap { $0.isEmpty ? nil : $0 } ?? summary ?? content ?? ""
            let type = ContentType(rawValue: row["content_type"] ?? "") ?? .html
            // Stored as JSON by the import; a damaged value costs the attachments, not the article.
            let enclosures = (row["enclosures"] as String?).flatMap { try? JSONDecoder().decode([FeedEnclosure].self, from: Data($0.utf8)) } ?? []
            return Article(headline: SQL.headline(row), link: row["link"], body: body, contentType: type, enclosures: enclosures)
        }
    }

    /// The nearest unread headline after (`.older`) or before (`.newer`) the cursor in the
    /// scope's list order; a nil cursor starts from the top or the bottom.
    public func firstUnread(in scope: ListScope, after cursor: HeadlineCursor?, direction: PageDirection) throws(StoreError) -> Headline? {
        let query = SQL.page(scope: scope, cursor: cursor, direction: direction, limit: 1, unreadOnly: true)
        return try read { db in try Row.fetchOne(db, sql: query.sql, arguments: query.arguments).map(SQL.headline) }
    }
}
