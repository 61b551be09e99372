import Foundation
import Testing
@testable import TidingsStore

@Suite("Upgrading to the body-first search index")
struct BodyFirstIndexTests {
    /// A cache as "v8-full-article-search" left it: the index's columns title, author, feed, body.
    static let oldCache = """
        INSERT INTO feed (id, source, title, kind) VALUES (1, 'https://old.example/rss', 'Harbour Gazette', 'url');
        INSERT INTO article (id, feed_id, guid, title, author, sort_date, summary, content_type, content_hash, first_seen, is_read, is_starred)
        VALUES (1, 1, 'a', 'Lighthouse keeper retires', 'Mira Quill', 10, '<p>After forty years on the rock.</p>', 'html', 1, 10, 1, 0),
               (2, 1, 'b', 'Ferry timetable', 'Tom Reed', 20, '<p>The lighthouse is visible from the ferry deck.</p>', 'html', 2, 20, 0, 1),
               (3, 1, 'c', 'Market day', NULL, 30, 'Plain text about apples and pears.', 'text', 3, 30, 0, 0);
        INSERT INTO article_fts(article_fts) VALUES ('rebuild');
        INSERT INTO full_article (article_id, url, html, text_length, extractor_version, fetched_at)
        VALUES (3, 'https://old.example/c', '<p>The orchard story in full.</p>', 25, 1, 40);
        """

    private func upgraded() throws -> (ArticleStore, URL, Int) {
        let directory = try Fixture.temporaryDirectory()
        let path = directory.appendingPathComponent("cache.sqlite").path
        try ArticleStore.makeOldCacheForTesting(path: path, upTo: FullArticleSearch.identifier, sql: Self.oldCache)
        #expect(try ArticleStore.rowsOfOldCacheForTesting(path: path, sql: "SELECT name FROM pragma_table_info('article_fts')")
            .map { $0[0] } == ["title", "author", "feed", "body"])
        var told = 0
        let store = try ArticleStore(path: path) { told += 1 }
        return (store, directory, told)
    }

    @Test func theUpgradeMovesTheBodyFirstAndFindsWhatItFoundBefore() throws {
        // Given a cache indexed with the body last, when this build opens it
        let (store, directory, told) = try upgraded()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Then the user was told once, the body is the first column, and the index is exact
        #expect(told == 1)
        #expect(try store.appliedMigrations().contains(BodyFirstIndex.identifier))
        #expect(try store.rowsForTesting("SELECT name FROM pragma_table_info('article_fts')").map { $0[0] }
            == ["body", "title", "author", "feed"])
        #expect(try store.searchIndexDifferences() == [])
        // And every column still answers by name, phrases included, with flags untouched
        #expect(try store.search("forty", limit: 5).map(\.title) == ["Lighthouse keeper retires"])
        #expect(try store.search("title:ferry", limit: 5).map(\.title) == ["Ferry timetable"])
        #expect(try store.search("quill", limit: 5).map(\.title) == ["Lighthouse keeper retires"])
        #expect(try store.search("gazette", limit: 5).count == 3)
        #expect(try store.search("\"ferry deck\"", limit: 5).map(\.title) == ["Ferry timetable"])
        #expect(try store.search("orchard", limit: 5).map(\.title) == ["Market day"])
        #expect(try store.search("pears", limit: 5).map(\.title) == ["Market day"])
        #expect(try store.rowsForTesting("SELECT id, is_read, is_starred FROM article ORDER BY id")
            == [["1", "1", "0"], ["2", "0", "1"], ["3", "0", "0"]])
    }

    @Test func aTitleMatchStillOutranksABodyMatch() throws {
        // The weights follow the columns: "lighthouse" is in one title and in another body.
        let (store, directory, _) = try upgraded()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try store.search("lighthouse", limit: 5).map(\.title) == ["Lighthouse keeper retires", "Ferry timetable"])
    }

    @Test func deletesAfterTheUpgradeKeepTheIndexExact() throws {
        let (store, directory, _) = try upgraded()
        defer { try? FileManager.default.removeItem(at: directory) }
        try store.executeForTesting("DELETE FROM article WHERE id = 2")
        try store.executeForTesting("DELETE FROM full_article WHERE article_id = 3")
        try store.executeForTesting("UPDATE feed SET custom_title = 'Coast Post' WHERE id = 1")
        #expect(try store.searchIndexDifferences() == [])
        #expect(try store.search("ferry", limit: 5).isEmpty)
        #expect(try store.search("orchard", limit: 5).isEmpty)
        #expect(try store.search("coast", limit: 5).count == 2)
    }
}
