import Foundation
import Testing
import TidingsCore
@testable import TidingsStore

@Suite("Opening cache files")
struct OpeningTests {
    private func bytes(_ url: URL) throws -> Data { try Data(contentsOf: url) }

    @Test func freshFileIsCreatedMigratedAndKeepsDataAcrossReopen() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("cache.sqlite").path

        // Given a new cache with one imported feed
        do {
            let store = try ArticleStore(path: path)
            #expect(try store.appliedMigrations() == Schema.knownMigrations)
            let feed = try store.registerFeed(source: "https://example.org/feed", title: nil)
            _ = try store.apply(Fixture.document(count: 12), toFeed: feed)
            try store.setRead([try #require(try Fixture.everything(store, .all).first).id], true)
        }
        // When it is opened again
        let reopened = try ArticleStore(path: path)
        // Then everything is still there
        #expect(try reopened.totals() == (unread: 11, total: 12))
        #expect(try reopened.feedSummaries().map(\.title) == ["Example feed"])
        #expect(try Fixture.everything(reopened, .all).count == 12)
    }

    @Test func fileCacheRunsInWALWithSafeSettings() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try ArticleStore(path: directory.appendingPathComponent("cache.sqlite").path)
        // synchronous 1 = NORMAL; busy_timeout in milliseconds.
        #expect(try store.connectionSettings() == [
            "journal_mode": "wal", "synchronous": "1", "foreign_keys": "1", "busy_timeout": "5000",
        ])
    }

    @Test func fileFromANewerTidingsIsRefusedAndLeftByteIdentical() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("cache.sqlite")

        // Given a cache on which a future version applied a migration we do not know
        do {
            let store = try ArticleStore(path: url.path)
            let feed = try store.registerFeed(source: "https://example.org/feed", title: nil)
            _ = try store.apply(Fixture.document(count: 3), toFeed: feed)
            try store.executeForTesting("INSERT INTO grdb_migrations (identifier) VALUES ('v9-from-the-future')")
        }
        let before = try bytes(url)

        // When this version opens it
        #expect(throws: StoreError.newerSchema(path: url.path, unknownMigrations: ["v9-from-the-future"])) {
            _ = try ArticleStore(path: url.path)
        }
        // Then the file is untouched and the message says what to do
        #expect(try bytes(url) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["cache.sqlite"])
        let message = StoreError.newerSchema(path: url.path, unknownMigrations: ["v9-from-the-future"]).description
        #expect(message == "cache \(url.path) was written by a newer Tidings (schema v9-from-the-future); upgrade Tidings")
    }

    @Test func garbageFileIsReportedCorruptedAndLeftAlone() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("cache.sqlite")
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) })
        try garbage.write(to: url)

        let error = #expect(throws: StoreError.self) { _ = try ArticleStore(path: url.path) }
        guard case let .corrupted(path, _) = error else {
            Issue.record("expected corrupted, got \(String(describing: error))")
            return
        }
        #expect(path == url.path)
        #expect(error?.description.hasPrefix("cache \(url.path) is corrupted: ") == true)
        #expect(try bytes(url) == garbage)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["cache.sqlite"])
    }

    @Test func someoneElsesDatabaseIsRefused() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("cache.sqlite").path
        do {
            let store = try ArticleStore(path: path)
            try store.executeForTesting("DROP TABLE grdb_migrations")
        }
        #expect(throws: StoreError.notACache(path: path)) { _ = try ArticleStore(path: path) }
    }

    @Test func readOnlyDirectoryGivesAClearError() throws {
        // Root ignores permission bits, so as root use a directory no one can create files in.
        let directory: URL
        if geteuid() == 0 {
            directory = URL(fileURLWithPath: "/sys")
        } else {
            directory = try Fixture.temporaryDirectory()
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: directory.path)
        }
        defer {
            if geteuid() != 0 {
                try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
                try? FileManager.default.removeItem(at: directory)
            }
        }
        let path = directory.appendingPathComponent("tidings-cache.sqlite").path

        #expect(throws: StoreError.readOnly(path: path)) { _ = try ArticleStore(path: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(StoreError.readOnly(path: path).description.contains("read-only"))
    }

    /// SQLite answers SQLITE_FULL when the disk (or quota) is full; `max_page_count` makes it do
    /// so on demand. The refused write rolls back whole and what was there stays.
    @Test func aFullDiskIsOneClearErrorAndLosesNothing() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("cache.sqlite").path
        let store = try ArticleStore(path: path)
        let feed = try store.registerFeed(source: "https://example.org/feed", title: nil)
        _ = try store.apply(Fixture.document(count: 5), toFeed: feed)
        let first = try #require(try Fixture.everything(store, .all).first)
        try store.setRead([first.id], true)
        let pages = try #require(try store.integersForTesting("PRAGMA page_count").first)
        try store.executeForTesting("PRAGMA max_page_count = \(pages + 2)")

        let body = String(repeating: "<p>A long paragraph that needs many pages.</p>", count: 200)
        let big = FeedDocument(format: .rss20, items: (100..<300).map { Fixture.item($0, content: body) })
        #expect(throws: StoreError.diskFull(path: path)) { _ = try store.apply(big, toFeed: feed) }
        #expect(StoreError.diskFull(path: path).description == "disk full while writing cache \(path); free some space and try again")

        #expect(try store.totals() == (unread: 4, total: 5))
        #expect(try Fixture.everything(store, .all).first { $0.id == first.id }?.isRead == true)
        #expect(try store.rowsForTesting("PRAGMA integrity_check") == [["ok"]])
    }

    @Test func missingDirectoryIsNamed() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("not-there")
        let path = missing.appendingPathComponent("cache.sqlite").path
        #expect(throws: StoreError.cannotOpen(path: path, reason: "directory \(missing.path) does not exist")) {
            _ = try ArticleStore(path: path)
        }
    }

    @Test func aDirectoryIsNotACacheFile() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: StoreError.cannotOpen(path: directory.path, reason: "it is a directory")) {
            _ = try ArticleStore(path: directory.path)
        }
    }
}
