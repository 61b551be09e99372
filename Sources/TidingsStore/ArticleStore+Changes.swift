import Foundation
internal import GRDB

extension ArticleStore {
    /// A number that changes whenever the cache changed since the last call: commits by other
    /// connections and processes (`PRAGMA data_version`, read on the one writer connection)
    /// plus rows changed by this store's own writes (`total_changes()` of that connection).
    /// Both only grow, so a reader polling once a second reloads when the token differs.
    /// Reading it takes no lock, so polling never delays a writer.
    public func changeToken() throws(StoreError) -> Int {
        try writeWithoutTransaction { db in
            let version = try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0
            let own = try Int.fetchOne(db, sql: "SELECT total_changes()") ?? 0
            return version &+ own
        }
    }

    /// Runs a block on the writer connection outside any transaction (VACUUM, pragmas).
    func writeWithoutTransaction<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try writer.writeWithoutTransaction(body) } catch { throw StoreError.wrap(error, path: path) }
    }
}
