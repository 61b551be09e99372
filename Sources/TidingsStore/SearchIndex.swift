internal import GRDB

/// Keeps `article_fts` in step with `article`. Rows go in many to a statement: FTS5 pays a
/// fixed cost per statement, which made row-at-a-time triggers 25 times slower than batches.
/// The index is external-content over the view `article_search` (see `SearchFunctions`):
/// new rows are indexed here from text prepared off the write lock; deletions, retitles and
/// rebuilds recompute the text through the view (triggers in `LeanCache` and `FullArticleSearch`).
enum SearchIndex {
    /// The index's columns in order. The body comes first: see `BodyFirstIndex`.
    static let columns = "body, title, author, feed"

    /// bm25's column weights, in the order of `columns`: title matches weigh most, then author,
    /// feed title, body.
    static let weights = [1.0, 10.0, 4.0, 2.0]

    /// FTS5's own `rank` setting, for queries that use `rank` without `tidings_bm25`.
    static var bm25: String { "bm25(" + weights.map { String($0) }.joined(separator: ", ") + ")" }

    /// Tokenizer and detail of the index, and of every index that must mean the same (the audit's,
    /// short-prefix search's). detail=full because detail=column cannot answer phrase queries.
    static let options = "tokenize = 'unicode61 remove_diacritics 2', detail = full"

    /// The indexed text of an article, apart from its feed's title.
    struct Text {
        var title: String
        var author: String
        var body: String

        init(title: String?, author: String?, content: String?, summary: String?, contentType: String) {
            self.title = SearchText.fromPlain(title ?? "")
            self.author = SearchText.fromPlain(author ?? "")
            body = Self.indexedBody(content: content, summary: summary, contentType: contentType)
        }

        /// The indexed body: the same one the reader shows (content, else summary), as plain text.
        /// Also what SQLite computes through `tidings_search_body`, so both must stay this one function.
        static func indexedBody(content: String?, summary: String?, contentType: String) -> String {
            let raw = content.flatMap { $0.isEmpty ? nil : $0 } ?? summary ?? ""
            return contentType == "text" ? SearchText.fromPlain(raw) : SearchText.fromHTML(raw)
        }

        /// The indexed body of an article with its kept full article (extracted HTML), if any:
        /// the feed's text, then the page's, so a word in either finds the article.
        static func indexedBody(content: String?, summary: String?, contentType: String, fullArticle: String?) -> String {
            let feedText = indexedBody(content: content, summary: summary, contentType: contentType)
            guard let fullArticle, !fullArticle.isEmpty else { return feedText }
            return feedText + "\n" + SearchText.fromHTML(fullArticle)
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

    /// Rows per INSERT, 5 parameters each (SQLite allows 32,766). FTS5 writes its pending terms out
    /// as a new segment at every statement savepoint, that is at every multi-row INSERT, and each
    /// segment must later be merged (rewritten): batches of 64 made 16 segments of every 1,000
    /// articles. One statement per feed up to this size writes one.
    static let batchSize = 2_048

    /// Collects entries and writes them in as few statements as possible; call `flush()` before
    /// the transaction ends.
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
            let sql = "INSERT INTO article_fts (rowid, title, author, feed, body) VALUES " + marks
            // Only a full batch recurs often enough to be worth keeping compiled; feeds of every size
            // would otherwise fill the statement cache with one statement per size.
            let statement = pending.count == SearchIndex.batchSize || pending.count <= 64
                ? try db.cachedStatement(sql: sql) : try db.makeStatement(sql: sql)
            try statement.execute(arguments: arguments)
            pending.removeAll(keepingCapacity: true)
        }
    }

    /// The display title of a feed, to compare before and after a change.
    static func displayTitle(feed id: Int64, _ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT \(SQL.feedTitle) FROM feed WHERE id = ?", arguments: [id])
    }

    /// Indexes every article from scratch (the migration that adds the index, and repairs).
    static func rebuild(_ db: Database) throws {
        // Clears the index and re-reads every row of the content view `article_search`.
        try db.execute(sql: "INSERT INTO article_fts(article_fts) VALUES ('rebuild')")
    }
}
