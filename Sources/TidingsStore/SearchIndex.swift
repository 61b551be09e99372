internal import GRDB

/// Keeps `article_fts` in step with `article`. Rows go in many to a statement: FTS5 pays a
/// fixed cost per statement, which made row-at-a-time triggers 25 times slower than batches.
enum SearchIndex {
    /// The indexed text of an article, apart from its feed's title.
    struct Text {
        var title: String
        var author: String
        var body: String

        init(title: String?, author: String?, content: String?, summary: String?, contentType: String) {
            self.title = SearchText.fromPlain(title ?? "")
            self.author = SearchText.fromPlain(author ?? "")
            // The same body the reader shows: content, else summary.
            let raw = content.flatMap { $0.isEmpty ? nil : $0 } ?? summary ?? ""
            body = contentType == "text" ? SearchText.fromPlain(raw) : SearchText.fromHTML(raw)
        }

        init(_ values: ArticleValues) {
            self.init(title: values.title, author: values.author, content: values.content, summary: values.summary,
                      contentType: values.contentType)
        }
    }

    /// One row of the index, text already prepared.
    struct Entry {
        var id: Int64
        var title: String
        var author: String
        var feed: String
        var body: String

        init(id: Int64, text: Text, feed: String) {
            self.id = id
            title = text.title
            author = text.author
            self.feed = feed
            body = text.body
        }

        init(id: Int64, title: String?, author: String?, feed: String, content: String?, summary: String?, contentType: String) {
            self.init(id: id, text: Text(title: title, author: author, content: content, summary: summary, contentType: contentType),
                      feed: SearchText.fromPlain(feed))
        }
    }

    /// Rows per INSERT: 5 parameters each, far below SQLite's limit, large enough to amortise.
    private static let batchSize = 64

    /// Collects entries and writes them in batches; call `flush()` before the transaction ends.
    struct Writer {
        let db: Database
        private var pending: [Entry] = []

        init(_ db: Database) { self.db = db }

        mutating func add(_ entry: Entry) throws {
            pending.append(entry)
            if pending.count >= SearchIndex.batchSize { try flush() }
        }

        mutating func flush() throws {
            guard !pending.isEmpty else { return }
            let marks = Array(repeating: "(?, ?, ?, ?, ?)", count: pending.count).joined(separator: ", ")
            var arguments = StatementArguments()
            for entry in pending { arguments += [entry.id, entry.title, entry.author, entry.feed, entry.body] }
            let statement = try db.cachedStatement(sql: "INSERT INTO article_fts (rowid, title, author, feed, body) VALUES " + marks)
            try statement.execute(arguments: arguments)
            pending.removeAll(keepingCapacity: true)
        }
    }

    /// Removes the index rows of articles about to be rewritten.
    static func delete(_ ids: [Int64], _ db: Database) throws {
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start..<min(start + 500, ids.count)])
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            try db.execute(sql: "DELETE FROM article_fts WHERE rowid IN (\(marks))", arguments: StatementArguments(chunk))
        }
    }

    /// Rewrites the feed column of a feed's rows after its display title changed.
    static func retitle(feed id: Int64, _ db: Database) throws {
        guard let title = try String.fetchOne(db, sql: "SELECT \(SQL.feedTitle) FROM feed WHERE id = ?", arguments: [id]) else { return }
        try db.execute(sql: "UPDATE article_fts SET feed = ? WHERE rowid IN (SELECT id FROM article WHERE feed_id = ?)",
                       arguments: [SearchText.fromPlain(title), id])
    }

    /// The display title of a feed, to compare before and after a change.
    static func displayTitle(feed id: Int64, _ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT \(SQL.feedTitle) FROM feed WHERE id = ?", arguments: [id])
    }

    /// Indexes every article from scratch (the migration that adds the index, and repairs).
    static func rebuild(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM article_fts")
        var writer = Writer(db)
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT a.id, a.title, a.author, \(SQL.feedTitle(of: "f")) AS feed_title,
                   a.content, a.summary, a.content_type
              FROM article a JOIN feed f ON f.id = a.feed_id
            """)
        while let row = try cursor.next() {
            try writer.add(Entry(id: row["id"], title: row["title"], author: row["author"], feed: row["feed_title"],
                                 content: row["content"], summary: row["summary"], contentType: row["content_type"]))
        }
        try writer.flush()
    }
}
