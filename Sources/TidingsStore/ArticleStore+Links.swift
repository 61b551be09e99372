import TidingsCore
internal import GRDB

extension ArticleStore {
    /// The links of some articles, for output that lists headlines with their addresses
    /// (`tidings list --json`); articles without a link are absent from the result.
    public func links(of ids: [ArticleID]) throws(StoreError) -> [ArticleID: String] {
        guard !ids.isEmpty else { return [:] }
        return try read { db in
            var links: [ArticleID: String] = [:]
            // In slices, well below SQLite's limit on bound parameters.
            for start in stride(from: 0, to: ids.count, by: 500) {
                let slice = Array(ids[start..<min(start + 500, ids.count)])
                let marks = Array(repeating: "?", count: slice.count).joined(separator: ",")
                let rows = try Row.fetchAll(db, sql: "SELECT id, link FROM article WHERE link IS NOT NULL AND id IN (\(marks))",
                                            arguments: StatementArguments(slice))
                for row in rows { links[row["id"]] = row["link"] }
            }
            return links
        }
    }
}
