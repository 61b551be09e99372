import Foundation
import Testing
import TidingsCore
@testable import TidingsStore

/// A kept full article (the reader view of the web page) is searchable like the feed's text, and
/// the index stays exact however the full article comes and goes.
@Suite("Searching full articles")
struct FullArticleSearchTests {
    static func page(_ words: String) -> StoredFullArticle {
        StoredFullArticle(html: "<article><h2>From the page</h2><p>\(words)</p></article>", url: "https://example.org/page",
                          textLength: words.count, extractorVersion: 1, fetchedAt: Fixture.base)
    }

    private func titles(_ store: ArticleStore, _ query: String) throws -> [String] {
        try store.search(query, limit: 10).map(\.title)
    }

    private func id(_ store: ArticleStore, titled title: String) throws -> ArticleID {
        try #require(try Fixture.everything(store, .all).first { $0.title == title }?.id)
    }

    @Test func aFullArticleStoredLaterMakesItsWordsFindable() throws {
        // Given the search corpus, where no feed text says "lighthouse"
        let (store, _, _) = try SearchFixture.store()
        #expect(try titles(store, "lighthouse").isEmpty)
        // When Market day's web page is kept
        try store.saveFullArticle(Self.page("The old lighthouse keeper retired."), for: try id(store, titled: "Market day"))
        // Then its words find it, its feed text still does, and the index is exact
        #expect(try titles(store, "lighthouse") == ["Market day"])
        #expect(try titles(store, "\"lighthouse keeper\"") == ["Market day"])
        #expect(try titles(store, "fish lighthouse") == ["Market day"])
        #expect(try store.searchCounts("lighthouse").total == 1)
        #expect(try store.searchIndexDifferences() == [])
    }

    @Test func replacingOrDeletingTheFullArticleLeavesTheIndexExact() throws {
        let (store, _, _) = try SearchFixture.store()
        let market = try id(store, titled: "Market day")
        try store.saveFullArticle(Self.page("The old lighthouse keeper retired."), for: market)
        // When a better extraction replaces it
        try store.saveFullArticle(Self.page("Seagulls circled the pier."), for: market)
        #expect(try titles(store, "lighthouse").isEmpty)
        #expect(try titles(store, "seagulls") == ["Market day"])
        #expect(try store.searchIndexDifferences() == [])
        // When it is deleted
        try store.executeForTesting("DELETE FROM full_article WHERE article_id = \(market)")
        #expect(try titles(store, "seagulls").isEmpty)
        #expect(try titles(store, "bread") == ["Market day"])
        #expect(try store.searchIndexDifferences() == [])
    }

    @Test func anArticleWithAFullArticleLeavesTheIndexExactlyWhenDeleted() throws {
        // Given full articles on articles of both feeds
        let (store, harbor, valley) = try SearchFixture.store()
        try store.saveFullArticle(Self.page("The old lighthouse keeper retired."), for: try id(store, titled: "Market day"))
        try store.saveFullArticle(Self.page("Lanterns lit the orchard."), for: try id(store, titled: "Harvest festival"))
        try store.saveFullArticle(Self.page("Lighthouse tours resume."), for: try id(store, titled: "Ferry timetable changes"))
        // When retention keeps one article of Harbor Gazette, an edit retitles the feed, and Valley Bulletin is removed
        _ = try store.cleanup(policy: RetentionPolicy(global: RetentionLimits(maxArticles: 1, keepDays: nil)), feeds: [harbor])
        #expect(try store.searchIndexDifferences() == [])
        _ = try store.registerFeed(source: "https://harbor.example/rss", title: "Harbour Times")
        #expect(try titles(store, "harbour lighthouse") == ["Ferry timetable changes"])
        #expect(try store.searchIndexDifferences() == [])
        try store.removeFeed(valley)
        // Then only the kept article's page is found, and the index matches the articles
        #expect(try titles(store, "lighthouse") == ["Ferry timetable changes"])
        #expect(try titles(store, "lanterns").isEmpty)
        #expect(try store.rowsForTesting("SELECT count(*) FROM full_article") == [["1"]])
        #expect(try store.searchIndexCount() == store.totals().total)
        #expect(try store.searchIndexDifferences() == [])
    }

    @Test func aFullArticleCannotMoveToAnotherArticle() throws {
        let (store, _, _) = try SearchFixture.store()
        let market = try id(store, titled: "Market day")
        try store.saveFullArticle(Self.page("The old lighthouse keeper retired."), for: market)
        #expect(throws: (any Error).self) {
            try store.executeForTesting("UPDATE full_article SET article_id = \(try id(store, titled: "Café reopens"))")
        }
        #expect(try titles(store, "lighthouse") == ["Market day"])
        #expect(try store.searchIndexDifferences() == [])
    }

    @Test func theAuditFindsAFullArticleTheIndexMissed() throws {
        // Given a full article saved behind the index's back
        let (store, _, _) = try SearchFixture.store()
        try store.executeForTesting("DROP TRIGGER full_article_search_after_insert")
        try store.saveFullArticle(Self.page("The old lighthouse keeper retired."), for: try id(store, titled: "Market day"))
        // Then the audit reports the article's missing entry
        #expect(try !store.searchIndexDifferences().isEmpty)
    }
}

@Suite("Upgrading a cache with full articles")
struct FullArticleSearchUpgradeTests {
    /// A cache as "v7-sync" left it: two articles, one with a kept full article, indexed by feed text only.
    static let oldCache = """
        INSERT INTO feed (id, source, title, kind) VALUES (1, 'https://old.example/rss', 'Old Times', 'url');
        INSERT INTO article (id, feed_id, guid, title, sort_date, summary, content_type, content_hash, first_seen)
        VALUES (1, 1, 'a', 'Short summary', 10, 'Read more on the site.', 'html', 1, 10),
               (2, 1, 'b', 'Another', 20, 'Nothing about boats.', 'html', 2, 20);
        INSERT INTO full_article (article_id, url, html, text_length, extractor_version, fetched_at)
        VALUES (1, 'https://old.example/a', '<p>The whole story of the lighthouse keeper.</p>', 40, 1, 30);
        INSERT INTO article_fts(article_fts) VALUES ('rebuild');
        """

    @Test func fullArticlesAlreadyKeptAreIndexedByTheUpgrade() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("cache.sqlite").path
        try ArticleStore.makeOldCacheForTesting(path: path, upTo: "v7-sync", sql: Self.oldCache)
        // When this build opens it
        var told = 0
        let store = try ArticleStore(path: path) { told += 1 }
        // Then the user was told, the kept page is found, and the index is exact
        #expect(told == 1)
        #expect(try store.appliedMigrations().contains(FullArticleSearch.identifier))
        #expect(try store.search("lighthouse", limit: 5).map(\.title) == ["Short summary"])
        #expect(try store.search("site", limit: 5).map(\.title) == ["Short summary"])
        #expect(try store.search("boats", limit: 5).map(\.title) == ["Another"])
        #expect(try store.searchIndexDifferences() == [])
        // And deleting the article later keeps it exact
        try store.executeForTesting("DELETE FROM article WHERE id = 1")
        #expect(try store.searchIndexDifferences() == [])
        #expect(try store.search("lighthouse", limit: 5).isEmpty)
    }
}

@Suite("Searching full articles from the command line")
struct FullArticleSearchCLITests {
    @Test func searchFindsAWordThatIsOnlyInTheFullArticle() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let store = try cli.seed()
        let market = try #require(try Fixture.everything(store, .all).first { $0.title == "Market day" }?.id)
        #expect((try cli.run(["search", "--json", "lighthouse"]).json() as? [Any])?.isEmpty == true)
        try store.saveFullArticle(FullArticleSearchTests.page("The old lighthouse keeper retired."), for: market)
        let result = try cli.run(["search", "--json", "lighthouse"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(try result.json() as? [[String: Any]])
        #expect(rows.map { $0["title"] as? String } == ["Market day"])
    }
}
