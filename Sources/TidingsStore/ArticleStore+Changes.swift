import Foundation
internal import GRDB

extension ArticleStore {
    /// A number that changes whenever the cache changed since the last call. On a cache file it
    /// is `PRAGMA data_version` of a connection that only watches, which moves with every commit
    /// of any other connection, this store's writer and other processes alike: reading it never
    /// waits for a write in progress, so the reader's loop can poll it during a long refresh.
    /// In memory (one connection) it is data_version plus `total_changes()` of the writer.
    public func changeToken() throws(StoreError) -> Int {
        if let watcher {
            do { return try watcher.read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 } } catch {
                throw StoreError.wrap(error, path: path)
            }
        }
        return try writeWithoutTransaction { db in
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

extension ArticleStore {
    /// Copies the write-ahead log into the cache and empties it. The log keeps its largest size
    /// until then, and a big refresh leaves it large: 142 MB after importing 100,000 articles, as
    /// much again as the cache itself. Best effort, for the end of a command: when another process
    /// is still reading, the log is left for a later checkpoint and nothing is lost.
    public func checkpointAndTruncateLog() {
        guard path != ":memory:" else { return }
        _ = try? writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    }
}
