import Foundation
internal import GRDB
internal import GRDBSQLite

/// Dictionaries by id. Dictionaries are immutable and ids never reused, so an entry never goes
/// stale, with one exception: an id inserted by a transaction that then rolls back is handed out
/// again by the next insert (AUTOINCREMENT's counter rolls back too). Only a connection that
/// writes can have seen such an id, so its cache is emptied on every rollback (see `register`),
/// and the store's own cache only ever learns committed dictionaries.
final class BodyDictionaryCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [Int64: BodyDictionary] = [:]

    /// The cached dictionary, else `load()`'s, which is then kept.
    func dictionary(_ id: Int64, load: () throws -> BodyDictionary?) rethrows -> BodyDictionary? {
        if let found = lock.withLock({ entries[id] }) { return found }
        guard let loaded = try load() else { return nil }
        lock.withLock { entries[id] = loaded }
        return loaded
    }

    func insert(_ dictionary: BodyDictionary, id: Int64) {
        lock.withLock { entries[id] = dictionary }
    }

    func removeAll() {
        lock.withLock { entries.removeAll() }
    }
}

/// The body functions' access to dictionaries on one connection. SQLite calls them in the middle
/// of a statement (the search index's triggers), where GRDB cannot run another one, so a missing
/// dictionary is read through the raw handle; nested reads inside a function are legal in SQLite.
final class ConnectionDictionaries: @unchecked Sendable, TransactionObserver {
    private let cache = BodyDictionaryCache()
    /// Valid as long as the connection: the functions holding this object are its own.
    private let handle: OpaquePointer?

    init(_ db: Database) {
        handle = db.sqliteConnection
    }

    func dictionary(_ id: Int64) -> BodyDictionary? {
        cache.dictionary(id) { read(id) }
    }

    private func read(_ id: Int64) -> BodyDictionary? {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, "SELECT data FROM body_dictionary WHERE id = ?", -1, &statement, nil) == SQLITE_OK
        else { return nil }
        defer { sqlite3_finalize(statement) }
        sqlite3_bind_int64(statement, 1, id)
        guard sqlite3_step(statement) == SQLITE_ROW, let bytes = sqlite3_column_blob(statement, 0) else { return nil }
        let data = Data(bytes: bytes, count: Int(sqlite3_column_bytes(statement, 0)))
        return BodyDictionary(stored: data)
    }

    // Observes no changes; only needs to hear of rollbacks (see `BodyDictionaryCache`).
    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { false }
    func databaseDidChange(with event: DatabaseEvent) {}
    func databaseDidCommit(_ db: Database) {}
    func databaseDidRollback(_ db: Database) { cache.removeAll() }
}
