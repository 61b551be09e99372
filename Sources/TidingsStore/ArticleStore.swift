import Foundation
import TidingsCore
internal import GRDB

/// The local article cache: feeds, their articles and read/starred flags in one SQLite file
/// (WAL: one writer, concurrent readers). Every method is synchronous and thread-safe.
public final class ArticleStore: Sendable {
    /// A `DatabasePool` for files, a `DatabaseQueue` in memory; callers never see which.
    let writer: any DatabaseWriter
    /// The cache file, or `:memory:`; used in error messages.
    public let path: String
    /// A read-only connection of its own that sees every commit (`PRAGMA data_version`), so the
    /// reader can poll for changes without queueing behind the writer (nil in memory).
    let watcher: DatabaseQueue?
    /// Body dictionaries by id, for `prepare` and reading articles; only committed ones
    /// (see `BodyDictionaryCache`).
    let dictionaries = BodyDictionaryCache()

    private init(writer: any DatabaseWriter, path: String) {
        self.writer = writer
        self.path = path
        // Not opened read-only: whichever connection closes last removes the -wal and -shm files,
        // and a read-only one cannot. It only ever reads.
        var config = Configuration()
        config.busyMode = .timeout(5)
        watcher = path == ":memory:" ? nil : try? DatabaseQueue(path: path, configuration: config)
    }

    /// Opens the cache at `path`, creating and migrating it when needed. The parent
    /// directory must exist. A file it cannot use is left untouched.
    /// `upgrading` is called once, before a cache written by an older Tidings is migrated (which
    /// may rebuild the search index: about a minute for 200,000 articles), so a user can be told.
    public convenience init(path: String, upgrading: (() -> Void)? = nil) throws(StoreError) {
        let pool = try StoreOpener.openPool(path: path, upgrading: upgrading)
        self.init(writer: pool, path: path)
    }

    /// A fresh, migrated cache that lives in memory (tests, `--cache :memory:`).
    public static func inMemory() throws(StoreError) -> ArticleStore {
        let path = ":memory:"
        do {
            let queue = try DatabaseQueue(configuration: StoreOpener.configuration())
            try Schema.migrator.migrate(queue)
            return ArticleStore(writer: queue, path: path)
        } catch {
            throw StoreError.wrap(error, path: path)
        }
    }

    /// Runs a read-only block, turning any failure into a `StoreError`.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try writer.read(body) } catch { throw StoreError.wrap(error, path: path) }
    }

    /// Runs one write transaction, turning any failure into a `StoreError`.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try writer.write(body) } catch { throw StoreError.wrap(error, path: path) }
    }
}
