import Foundation
import TidingsCore
internal import GRDB

/// Opening a cache file safely: look before touching, so a file from a newer Tidings,
/// a damaged file or somebody else's database is refused without a single byte written.
enum StoreOpener {
    /// A feed without a title is shown by its source; credentials in a URL must not be.
    static let displaySource = DatabaseFunction("display_source", argumentCount: 1, pure: true) { values in
        String.fromDatabaseValue(values[0]).map(Userinfo.censor)
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(5)
        config.prepareDatabase { db in
            // Only takes effect while a new file is still empty (WAL fixes it afterwards). A packed
            // body is 1–4 KB, so 4 KB pages held one article each with a third of the page unused;
            // 16 KB pages hold several: measured 53 MB instead of 61 MB for 10,000 articles.
            try db.execute(sql: "PRAGMA page_size = \(pageSize)")
            // WAL + NORMAL survives a killed process; only a power loss may drop the last commits.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            db.add(function: displaySource)
            // The search index's content view and triggers call these (see SearchFunctions).
            SearchFunctions.register(db)
            SearchRank.register(db)
        }
        return config
    }

    /// Page size of new cache files (see `configuration`).
    static let pageSize = 16_384

    static func openPool(path: String, upgrading: (() -> Void)? = nil) throws(StoreError) -> DatabasePool {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        let existed = fileManager.fileExists(atPath: path, isDirectory: &isDirectory)
        if existed && isDirectory.boolValue {
            throw .cannotOpen(path: path, reason: "it is a directory")
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if !existed && !fileManager.fileExists(atPath: directory) {
            throw .cannotOpen(path: path, reason: "directory \(directory) does not exist")
        }
        if existed { try inspect(path: path) }
        try WriteProbe.check(directory: directory, file: existed ? path : nil, path: path)
        do {
            let pool = try DatabasePool(path: path, configuration: configuration())
            if existed, let upgrading, try pool.read({ db in try !Schema.migrator.hasCompletedMigrations(db) }) {
                upgrading()
            }
            // Migrations that shrink what a cache holds leave free pages; a VACUUM right after
            // gives them back to the file system once.
            let slimming = try existed && pool.read { db in
                try !Schema.migrator.appliedIdentifiers(db).isSuperset(of: [LeanCache.identifier, BodyFirstIndex.identifier])
                    && db.tableExists("article")
            }
            try Schema.migrator.migrate(pool)
            if slimming { LeanCache.compact(pool) }
            return pool
        } catch {
            if !existed { removeLeftovers(of: path) }
            throw StoreError.wrap(error, path: path)
        }
    }

    /// Reads the schema through a read-only connection and refuses what this build must not migrate.
    private static func inspect(path: String) throws(StoreError) {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(5)
        do {
            let queue = try inspectionQueue(path: path, configuration: config)
            defer { try? queue.close() }
            try queue.read { db in
                let objects = try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'
                    """) ?? 0
                guard try db.tableExists("grdb_migrations") else {
                    if objects > 0 { throw StoreError.notACache(path: path) }
                    return
                }
                let unknown = try Schema.migrator.appliedIdentifiers(db).subtracting(Schema.knownMigrations)
                if !unknown.isEmpty {
                    throw StoreError.newerSchema(path: path, unknownMigrations: unknown.sorted())
                }
            }
        } catch {
            throw StoreError.wrap(error, path: path)
        }
    }

    /// Without a `-wal` file the main file holds everything, so it is read as immutable: SQLite
    /// then creates no `-wal`/`-shm` files next to a cache it is about to refuse. A `-wal` means
    /// another process (or a crash) has pending pages, which only a normal read-only open sees.
    private static func inspectionQueue(path: String, configuration: Configuration) throws -> DatabaseQueue {
        let absolute = URL(fileURLWithPath: path).path
        if !FileManager.default.fileExists(atPath: absolute + "-wal"),
           let encoded = absolute.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) {
            // Falls through when this SQLite was built without URI filenames: read-only opening
            // of the literal "file:…" name then fails without creating it.
            if let queue = try? DatabaseQueue(path: "file:" + encoded + "?immutable=1", configuration: configuration) {
                return queue
            }
        }
        return try DatabaseQueue(path: path, configuration: configuration)
    }

    /// A cache that failed to come into existence should not linger as an empty file.
    private static func removeLeftovers(of path: String) {
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
    }
}
