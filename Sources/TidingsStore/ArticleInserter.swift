internal import GRDB

/// New article rows of one write, inserted many to a statement with ids given up front.
///
/// Inside a transaction SQLite opens a statement journal for every statement that may fail
/// half-way (the feed foreign key and the counter trigger make every article INSERT one), and
/// copies into it each existing page the statement changes: the table's last leaf, a leaf of each
/// of the five indexes, the feed row's page. With 16 KB pages that was about 110 KB copied per
/// article, 1.1 GB for a 10,000-article import. A statement of many rows copies each page once.
struct ArticleInserter {
    static let columns = ["id", "feed_id", "guid", "title", "author", "link", "published", "updated", "sort_date",
                          "summary", "content", "content_type", "categories", "enclosures", "content_hash", "first_seen"]
    /// Rows per statement: 16 parameters each, well below SQLite's 32,766.
    static let batchSize = 256

    private let db: Database
    private var nextID: Int64
    private var pending: [DatabaseValueConvertible?] = []
    private var rows = 0

    /// Ids continue from the largest in the table, as SQLite's own choice would (no AUTOINCREMENT),
    /// read inside the write transaction so no other writer can take them.
    init(_ db: Database) throws {
        self.db = db
        nextID = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM article") ?? 0) + 1
    }

    /// Queues a row (values in `columns` order, without the id) and returns the id it will have.
    mutating func add(_ values: [DatabaseValueConvertible?]) throws -> Int64 {
        precondition(values.count == Self.columns.count - 1)
        let id = nextID
        nextID += 1
        pending.append(id)
        pending.append(contentsOf: values)
        rows += 1
        if rows >= Self.batchSize { try flush() }
        return id
    }

    /// Writes the queued rows; call before anything reads them back and before the transaction ends.
    mutating func flush() throws {
        guard rows > 0 else { return }
        let row = "(" + Array(repeating: "?", count: Self.columns.count).joined(separator: ", ") + ")"
        let sql = "INSERT INTO article (" + Self.columns.joined(separator: ", ") + ") VALUES "
            + Array(repeating: row, count: rows).joined(separator: ", ")
        // A full batch recurs; other sizes would fill the statement cache one size at a time.
        let statement = rows == Self.batchSize || rows <= 16 ? try db.cachedStatement(sql: sql) : try db.makeStatement(sql: sql)
        try statement.execute(arguments: StatementArguments(pending))
        pending.removeAll(keepingCapacity: true)
        rows = 0
    }
}
