import Foundation
import Testing
import TidingsCore
@testable import TidingsStore

@Suite("Packed bodies")
struct BodyCodecTests {
    @Test(arguments: [
        "", "short", String(repeating: "<p>The river flows past the old mill.</p>\n", count: 50),
        String(repeating: "東京の天気は晴れです 🚀 Zoë ", count: 40), String(repeating: "x", count: 127),
    ])
    func bodiesComeBackAsWritten(text: String) {
        #expect(BodyCodec.unpack(BodyCodec.pack(text)) == text)
    }

    @Test func longTextIsPackedAndShortTextStaysPlain() {
        let long = String(repeating: "<p>The river flows past the old mill.</p>\n", count: 50)
        guard case let .blob(data) = BodyCodec.pack(long).storage else {
            Issue.record("a 2 KB body should be packed")
            return
        }
        #expect(data.count * 5 < long.utf8.count)
        #expect(BodyCodec.pack("short body").storage == .string("short body"))
        #expect(BodyCodec.pack(nil).isNull)
    }

    @Test func damagedPackedDataReadsAsNothing() {
        #expect(BodyCodec.unpack(Data([0xFF, 0x00, 0x13, 0x37]).databaseValue) == nil)
        guard case let .blob(data) = BodyCodec.pack(String(repeating: "abc ", count: 100)).storage else { return }
        #expect(BodyCodec.unpack(data.prefix(data.count / 2).databaseValue) == nil)
    }
}

@Suite("The lean cache")
struct LeanCacheTests {
    @Test func theIndexKeepsNoTextAndBodiesArePacked() throws {
        let (store, feed) = try Fixture.storeWithFeed()
        let body = String(repeating: "<p>The river flows past the old mill.</p>\n", count: 20)
        _ = try store.apply(FeedDocument(format: .rss20, items: [
            SearchFixture.item("a", "Mill news", body: body, minutesAgo: 0),
            SearchFixture.item("b", "Tiny", body: "<p>tiny</p>", minutesAgo: 1),
        ]), toFeed: feed)
        #expect(try store.rowsForTesting("SELECT name FROM sqlite_master WHERE name LIKE 'article_fts_content'").isEmpty)
        #expect(try store.rowsForTesting("SELECT typeof(content) FROM article ORDER BY title") == [["blob"], ["text"]])
        let id = try #require(try store.search("mill", limit: 5).first?.id)
        #expect(try store.article(id)?.body == body)
        #expect(try store.search("\"the old mill\"", limit: 5).map(\.title) == ["Mill news"])
    }

    @Test func anEditedArticleIsReindexedByItsNewText() throws {
        let (store, feed) = try Fixture.storeWithFeed()
        let long = String(repeating: "<p>Lanterns along the quay tonight.</p>", count: 10)
        _ = try store.apply(FeedDocument(format: .rss20, items: [SearchFixture.item("a", "Night", body: long, minutesAgo: 0)]), toFeed: feed)
        let edited = String(repeating: "<p>Fireworks over the harbour instead.</p>", count: 10)
        let report = try store.apply(FeedDocument(format: .rss20, items: [SearchFixture.item("a", "Night", body: edited, minutesAgo: 0)]), toFeed: feed)
        #expect(report.updated == 1)
        #expect(try store.search("lanterns", limit: 5).isEmpty)
        #expect(try store.search("fireworks", limit: 5).map(\.title) == ["Night"])
        #expect(try store.searchIndexDifferences() == [])
    }
}

@Suite("Auditing the index")
struct SearchIndexAuditTests {
    @Test func aStaleEntryIsFound() throws {
        // Given an index made stale on purpose: an article deleted behind the trigger's back
        let (store, _, _) = try SearchFixture.store()
        #expect(try store.searchIndexDifferences() == [])
        try store.executeForTesting("DROP TRIGGER article_search_delete; DELETE FROM article WHERE title = 'Market day'")
        // Then the audit reports it
        #expect(try !store.searchIndexDifferences().isEmpty)
    }
}

@Suite("Upgrading a version 5 cache")
struct LeanCacheUpgradeTests {
    /// A cache as the release before "v6-lean-cache" wrote it: plain bodies, and an index with
    /// its own copy of the text; some articles read, starred, or both, one purged guid, a saved search.
    static let oldCache = """
        INSERT INTO feed (id, source, title, kind, unread_count, total_count)
        VALUES (1, 'https://old.example/rss', 'Old Times', 'url', 0, 0), (2, '/feeds/gen.txt', NULL, 'file', 0, 0);
        INSERT INTO feed_tag (feed_id, tag, position) VALUES (1, 'news', 0), (1, 'local', 1);
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
        INSERT INTO article (feed_id, guid, title, author, sort_date, content, summary, content_type,
                             content_hash, first_seen, is_read, is_starred)
        SELECT 1 + (i % 2), 'g' || i, 'Story ' || i, 'Ana Lima', 1000 + i,
               CASE WHEN i % 3 = 0 THEN NULL
                    ELSE '<p>Lighthouse ' || i || ' keeps the harbour lit.</p>' || replace(hex(zeroblob(200)), '0', 'x') END,
               CASE WHEN i % 3 = 0 THEN 'Summary only about the ferry ' || i ELSE 'unused summary' END,
               CASE WHEN i % 5 = 0 THEN 'text' ELSE 'html' END,
               i, 1000, i % 4 = 0, i % 7 = 0
          FROM n;
        INSERT INTO purged_article (feed_id, guid, purged_at) VALUES (1, 'gone', 5);
        INSERT INTO saved_search (name, query) VALUES ('Ferries', 'ferry');
        INSERT INTO article_fts (rowid, title, author, feed, body)
        SELECT id, title, author, 'Old Times', COALESCE(content, summary) FROM article;
        """

    static func fileSize(_ path: String) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
    }

    @Test func nothingIsLostAndTheIndexIsRebuiltWithoutItsCopy() throws {
        // Given a cache written by the previous release
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("cache.sqlite").path
        try ArticleStore.makeOldCacheForTesting(path: path, upTo: "v5-tag-order", sql: Self.oldCache)
        let before = try ArticleStore.rowsOfOldCacheForTesting(path: path, sql: """
            SELECT id, is_read, is_starred, COALESCE(NULLIF(content, ''), summary) FROM article ORDER BY id
            """)

        let bytesBefore = try Self.fileSize(path)

        // When this build opens it
        var told = 0
        let store = try ArticleStore(path: path) { told += 1 }

        // Then the user was told once, every flag and body survived, and bodies are packed
        #expect(told == 1)
        #expect(try store.appliedMigrations() == Schema.knownMigrations)
        // And the space of the old index copy went back to the file system
        #expect(try Self.fileSize(path) < bytesBefore)
        let after = try store.rowsForTesting("SELECT id, is_read, is_starred FROM article ORDER BY id")
        #expect(after == before.map { Array($0.prefix(3)) })
        for row in before {
            let id = try #require(row[0].flatMap { Int64($0) })
            #expect(try store.article(id)?.body == row[3])
        }
        #expect(try store.rowsForTesting("SELECT count(*) FROM article WHERE typeof(content) = 'blob'") == [["200"]])
        #expect(try store.totals().unread == 225 && store.totals().total == 300)
        #expect(try store.rowsForTesting("SELECT name FROM saved_search") == [["Ferries"]])
        #expect(try store.rowsForTesting("SELECT guid FROM purged_article") == [["gone"]])
        // And the index is exact and answers as before, feed titles included
        #expect(try store.searchIndexCount() == 300)
        #expect(try store.searchIndexDifferences() == [])
        #expect(try store.search("\"lighthouse 7 keeps\"", limit: 5).map(\.title) == ["Story 7"])
        #expect(try store.searchCounts("ferry").total == 100)
        #expect(try store.searchCounts("times lighthouse").total == 100)

        // And later deletions keep it exact
        _ = try store.cleanup(maxArticlesPerFeed: 50, keepDays: nil)
        try store.removeFeed(2)
        #expect(try store.totals().total < 150)
        #expect(try store.searchIndexCount() == store.totals().total)
        #expect(try store.searchIndexDifferences() == [])
    }
}

@Suite("Ranking")
struct SearchRankTests {
    @Test(arguments: ["ferry", "timetable OR festival", "\"the ferry\"", "ana lima", "harbor ferry"])
    func belowTheExactCountItIsFTS5sOwnBm25(query: String) throws {
        let (store, _, _) = try SearchFixture.store()
        let match = try #require(SearchQuery(query).match)
        let rows = try store.rowsForTesting("""
            SELECT rowid, bm25(article_fts, 10.0, 4.0, 2.0, 1.0), rank FROM article_fts
             WHERE article_fts MATCH '\(match.replacingOccurrences(of: "'", with: "''"))'
               AND rank MATCH 'tidings_bm25(1, 5, 10.0, 4.0, 2.0, 1.0)'
            """)
        #expect(!rows.isEmpty)
        for row in rows {
            let (ours, theirs) = (Double(row[2] ?? "") ?? .nan, Double(row[1] ?? "") ?? .nan)
            #expect(abs(ours - theirs) <= 1e-12 * max(1, abs(theirs)), "\(row)")
        }
    }
}
