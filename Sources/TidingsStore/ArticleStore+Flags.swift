import Foundation
import TidingsCore
internal import GRDB

extension ArticleStore {
    /// Marks articles read or unread; unknown ids are ignored.
    public func setRead(_ ids: [ArticleID], _ read: Bool) throws(StoreError) {
        try setFlag("is_read", ids, read)
    }

    /// Stars or unstars articles; unknown ids are ignored.
    public func setStarred(_ ids: [ArticleID], _ starred: Bool) throws(StoreError) {
        try setFlag("is_starred", ids, starred)
    }

    /// Marks every unread article of the scope read, in one statement over the unread index.
    public func markAllRead(_ scope: ListScope) throws(StoreError) {
        let (terms, arguments) = SQL.scopeFilter(scope, unreadOnly: true)
        try write { db in
            try SyncQueue.recordScope(db, terms: terms, arguments: arguments)
            try db.execute(sql: "UPDATE article AS a SET is_read = 1" + SQL.whereClause(terms), arguments: arguments)
        }
    }

    private func setFlag(_ column: String, _ ids: [ArticleID], _ value: Bool) throws(StoreError) {
        guard !ids.isEmpty else { return }
        try write { db in
            // Chunked to stay well below SQLite's bound-parameter limit.
            for start in stride(from: 0, to: ids.count, by: 500) {
                let chunk = Array(ids[start..<min(start + 500, ids.count)])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                // Rows already holding the value are not rewritten.
                try db.execute(sql: "UPDATE article SET \(column) = ? WHERE \(column) <> ? AND id IN (\(marks))",
                               arguments: StatementArguments([value, value]) + StatementArguments(chunk))
                try SyncQueue.record(db, field: column == "is_read" ? "read" : "starred", value: value, ids: chunk)
            }
        }
    }
}
