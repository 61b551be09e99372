import Foundation
import Testing
import TidingsCore
@testable import TidingsStore

@Suite("Full-text search")
struct SearchTests {
    private func titles(_ store: ArticleStore, _ query: String) throws -> Set<String> {
        Set(try store.search(query, limit: 100).map(\.title))
    }

    @Test(arguments: [
        ("ferry", ["Ferry timetable changes", "Market day"]),
        ("FERRY timetable", ["Ferry timetable changes"]),
        (#""ferry leaves""#, ["Ferry timetable changes"]),
        (#""leaves ferry""#, []),
        ("fer*", ["Ferry timetable changes", "Market day"]),
        ("fest*", ["Harvest festival"]),
        ("title:ferry", ["Ferry timetable changes"]),
        ("title:fest*", ["Harvest festival"]),
        ("author:lima", ["Ferry timetable changes", "Harvest festival"]),
        (#"author:"bo chen""#, ["Market day"]),
        ("cafe", ["Café reopens"]),
        ("CAFÉ", ["Café reopens"]),
        ("bolder", []),
        ("cakes", ["Café reopens"]),
        ("fish & bread", ["Market day"]),
        ("harbor", ["Ferry timetable changes", "Market day", "Café reopens"]),
        ("feed:gazette", ["Ferry timetable changes", "Market day", "Café reopens"]),
        ("feed:GAZETTE ferry", ["Ferry timetable changes", "Market day"]),
        ("feed:nowhere", []),
        ("tag:local timetable", ["Ferry timetable changes", "Harvest festival"]),
        ("tag:NEWS", ["Ferry timetable changes", "Market day", "Café reopens"]),
        ("tag:news tag:local", ["Ferry timetable changes", "Market day", "Café reopens"]),
        ("tag:nope", []),
        ("東京", ["東京の天気"]),
        ("天気", ["東京の天気"]),
        ("晴れ", ["東京の天気"]),
        ("東*", ["東京の天気"]),
        ("京都", []),
        ("b", []),
        // Exclusion: `-term` (or `NOT term`) drops articles that match it.
        ("ferry -market", ["Ferry timetable changes"]),
        ("-ferry", ["Café reopens", "東京の天気", "Harvest festival"]),
        ("NOT ferry timetable", ["Harvest festival"]),
        ("ferry -title:ferry", ["Market day"]),
        (#"ferry -"leaves at noon""#, ["Market day"]),
        ("timetable -fest*", ["Ferry timetable changes"]),
        ("-ferry -cakes -東京", ["Harvest festival"]),
        ("-tag:news", ["東京の天気", "Harvest festival"]),
        ("-feed:harbor timetable", ["Harvest festival"]),
        ("ferry -", ["Ferry timetable changes", "Market day"]),
        // Alternatives: `OR` between two terms; a dangling one is ignored while typing.
        ("ferry OR festival", ["Ferry timetable changes", "Market day", "Harvest festival"]),
        ("cakes OR noon OR 晴れ", ["Café reopens", "Ferry timetable changes", "東京の天気"]),
        ("timetable title:ferry OR title:festival", ["Ferry timetable changes", "Harvest festival"]),
        ("ferry OR", ["Ferry timetable changes", "Market day"]),
        ("ferry AND bread", ["Market day"]),
        ("ferry or bread", []),
    ])
    func queryFindsExactlyTheMatchingArticles(query: String, expected: [String]) throws {
        let (store, _, _) = try SearchFixture.store()
        #expect(try titles(store, query) == Set(expected))
    }

    @Test(arguments: [
        "\"", "*", "**", "AND", "OR", "NOT", "NEAR(", "NEAR(ferry market, 2)", "'; DROP TABLE article; --",
        "title:", "feed:", ")(", "{title}: ferry", "ferry\"", "\"ferry", "-ferry", "ferry AND", "^ferry",
        "title:\"", "\u{0}", "%", "_", "'", "ferry*market", "col:ferry",
        "fer\u{0}ry", "\"fer\u{0}ry\"", "\u{0}\"", "title:\u{0}x", "feed:\u{0}", "ferry\u{1B}[31m", "-", "--", "-*", "-\"",
        "OR", "OR OR", "ferry OR OR market", "NOT", "NOT NOT", "- OR -", "-unread", "(ferry OR market", "NEAR(ferry market)",
    ])
    func hostileQueriesNeverFail(query: String) throws {
        let (store, _, _) = try SearchFixture.store()
        _ = try store.search(query, limit: 50)
        _ = try store.searchCounts(query)
        #expect(try store.count(.all) == 5)
    }

    @Test func controlCharactersSeparateWords() throws {
        let (store, _, _) = try SearchFixture.store()
        #expect(try titles(store, "fer\u{0}ry") == [])
        #expect(try titles(store, "\u{0}ferry\u{7}") == ["Ferry timetable changes", "Market day"])
        #expect(try titles(store, "\"ferry\u{0}leaves\"") == ["Ferry timetable changes"])
    }

    @Test func feedAndTagFiltersIgnoreAccents() throws {
        let store = try ArticleStore.inMemory()
        let feed = try store.registerFeed(source: "s", title: "Le Café du Matin", tags: ["Économie"])
        _ = try store.apply(FeedDocument(format: .rss20, items: [SearchFixture.item("a", "Prix", body: "<p>blé</p>", minutesAgo: 0)]), toFeed: feed)
        for query in ["feed:cafe", "feed:CAFÉ", "tag:economie", "tag:ÉCONOMIE", "feed:\"cafe du\" ble"] {
            #expect(try store.search(query, limit: 5).map(\.title) == ["Prix"], "\(query)")
        }
    }

    @Test func aHugeQueryIsCutBetweenWords() throws {
        // The cut used to fall inside a word, leaving "ferr" to be matched exactly.
        let (store, _, _) = try SearchFixture.store()
        #expect(try titles(store, String(repeating: "ferry ", count: 3_000)) == ["Ferry timetable changes", "Market day"])
    }

    @Test func punctuationOnlyFindsNothing() throws {
        let (store, _, _) = try SearchFixture.store()
        for query in ["\"", "*", "()", "  ", ""] {
            #expect(try store.search(query, limit: 50).isEmpty)
        }
    }

    @Test func flagFiltersWorkAloneAndWithWords() throws {
        // Given the ferry article read and the market article starred
        let (store, _, _) = try SearchFixture.store()
        let ferry = try #require(try store.search("title:ferry", limit: 1).first)
        let market = try #require(try store.search("title:market", limit: 1).first)
        try store.setRead([ferry.id], true)
        try store.setStarred([market.id], true)
        // Then
        #expect(try titles(store, "ferry unread") == ["Market day"])
        #expect(try titles(store, "starred") == ["Market day"])
        #expect(try titles(store, "ferry starred unread") == ["Market day"])
        #expect(try store.search("unread", limit: 100).count == 4)
        #expect(try titles(store, #""unread""#).isEmpty)
        #expect(try store.searchCounts("ferry") == (unread: 1, total: 2))
        #expect(try store.searchCounts("unread") == (unread: 4, total: 4))
        #expect(try titles(store, "-unread") == ["Ferry timetable changes"])
        #expect(try titles(store, "-starred ferry") == ["Ferry timetable changes"])
        #expect(try store.searchCounts("-ferry") == (unread: 3, total: 3))
    }

    @Test func filtersOnlyListNewestFirst() throws {
        let (store, _, _) = try SearchFixture.store()
        #expect(try store.search("tag:local", limit: 3).map(\.title) == ["Ferry timetable changes", "東京の天気", "Market day"])
    }

    @Test func titleMatchesRankAboveBodyMatches() throws {
        // "ferry" is in the title of the ferry article but only the body of the market one;
        // the market article is made newer so date order alone would put it first.
        let store = try ArticleStore.inMemory()
        let feed = try store.registerFeed(source: "s", title: "S")
        _ = try store.apply(FeedDocument(format: .rss20, items: [
            SearchFixture.item("body", "Market day", body: "<p>A ferry was mentioned once in a long text about fish.</p>", minutesAgo: 0),
            SearchFixture.item("title", "Ferry news", body: "<p>Nothing else.</p>", minutesAgo: 50),
        ]), toFeed: feed)
        #expect(try store.search("ferry", limit: 10).map(\.title) == ["Ferry news", "Market day"])
    }

    @Test func equalRelevanceIsNewestFirst() throws {
        let store = try ArticleStore.inMemory()
        let feed = try store.registerFeed(source: "s", title: "S")
        let items = (0..<5).map { SearchFixture.item("t\($0)", "Twin \($0)", body: "<p>same words</p>", minutesAgo: Double([3, 1, 4, 0, 2][$0])) }
        _ = try store.apply(FeedDocument(format: .rss20, items: items), toFeed: feed)
        #expect(try store.search("same words", limit: 10).map(\.title) == ["Twin 3", "Twin 1", "Twin 4", "Twin 0", "Twin 2"])
        #expect(try store.search("same", limit: 2).count == 2)
        #expect(try store.search("same", limit: 0).isEmpty)
    }

    @Test func indexFollowsReimportRetitleAndRemoval() throws {
        // Given the corpus
        let (store, harbor, valley) = try SearchFixture.store()
        #expect(try store.searchIndexCount() == 5)

        // When an item comes back with a new title and body
        var items = SearchFixture.harborItems
        items[0].title = "Boat schedule"
        items[0].content = "<p>The boat leaves at one.</p>"
        let report = try store.apply(FeedDocument(format: .rss20, items: items), toFeed: harbor)
        #expect(report == ImportReport(inserted: 0, updated: 1, unchanged: 2))
        // Then the old words are gone and the new ones found, with one index row per article
        #expect(try titles(store, "timetable") == ["Harvest festival"])
        #expect(try titles(store, "boat") == ["Boat schedule"])
        #expect(try store.searchIndexCount() == 5)
        #expect(try store.searchIndexDifferences() == [])

        // When a feed is given another title, its articles are found by the new one only
        _ = try store.registerFeed(source: "/feeds/valley.xml", title: "Mountain Post")
        #expect(try titles(store, "mountain") == ["東京の天気", "Harvest festival"])
        #expect(try titles(store, "valley").isEmpty)
        #expect(try store.searchIndexDifferences() == [])

        // When a feed is removed, its articles leave the index
        try store.removeFeed(valley)
        #expect(try titles(store, "mountain").isEmpty)
        #expect(try titles(store, "festival").isEmpty)
        #expect(try store.searchIndexCount() == 3)
        #expect(try store.searchIndexDifferences() == [])
    }

    @Test func rebuildRestoresALostIndex() throws {
        let (store, _, _) = try SearchFixture.store()
        try store.executeForTesting("DELETE FROM article_fts")
        #expect(try store.search("ferry", limit: 10).isEmpty)
        try store.rebuildSearchIndex()
        #expect(try titles(store, "ferry") == ["Ferry timetable changes", "Market day"])
        #expect(try store.searchIndexCount() == 5)
    }

    @Test func aHugeHostileBodyIsIndexedByItsBeginning() throws {
        let (store, feed) = try Fixture.storeWithFeed()
        let body = "<p>needle</p>" + String(repeating: "<b>x</b> ", count: 200_000) + "<p>haystackend</p>"
        _ = try store.apply(FeedDocument(format: .rss20, items: [SearchFixture.item("big", "Big", body: body, minutesAgo: 0)]), toFeed: feed)
        #expect(try store.search("needle", limit: 5).count == 1)
        #expect(try store.search("haystackend", limit: 5).isEmpty)
    }
}

@Suite("Search over many matches")
struct RankingWindowTests {
    @Test func veryCommonWordsRankTheNewestWindowAndFiltersStillFindOlderMatches() throws {
        // Given more matches than the ranking window, the one title match being among the oldest
        let store = try ArticleStore.inMemory()
        let old = try store.registerFeed(source: "old", title: "Old")
        let new = try store.registerFeed(source: "new", title: "New")
        let count = ArticleStore.rankingWindow + 50
        _ = try store.apply(FeedDocument(format: .rss20, items: [
            SearchFixture.item("o1", "Common ground", body: "<p>common</p>", minutesAgo: 99_999),
            SearchFixture.item("o2", "Other", body: "<p>common</p>", minutesAgo: 99_998),
        ]), toFeed: old)
        let items = (0..<count).map { SearchFixture.item("n\($0)", "Item \($0)", body: "<p>a common word</p>", minutesAgo: Double($0)) }
        _ = try store.apply(FeedDocument(format: .rss20, items: items), toFeed: new)
        // Then an unfiltered search answers from the newest matches
        let top = try store.search("common", limit: 10)
        #expect(top.count == 10)
        #expect(top.allSatisfy { $0.feedTitle == "New" })
        // And a filter that only older articles pass still finds them, ranked
        #expect(try store.search("feed:old common", limit: 10).map(\.title) == ["Common ground", "Other"])
        #expect(try store.searchCounts("common").total == count + 2)
    }
}

@Suite("Upgrading a version 1 cache")
struct UpgradeTests {
    @Test func existingArticlesAreIndexedAndFeedsGetAKind() throws {
        // Given a cache written before the search migration
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("cache.sqlite").path
        try ArticleStore.makeOldCacheForTesting(path: path, upTo: "v1-feeds-articles", sql: """
            INSERT INTO feed (id, source, title) VALUES (1, 'https://old.example/rss', 'Old Times'), (2, 'exec:gen', NULL);
            INSERT INTO article (feed_id, guid, title, sort_date, content, content_type, content_hash, first_seen)
            VALUES (1, 'a', 'Lighthouse keeper', 10, '<p>The lamp &amp; the <em>fog</em>horn</p>', 'html', 0, 10),
                   (2, 'b', 'Generated', 20, 'plain words here', 'text', 0, 20);
            """)
        // When this build opens it
        let store = try ArticleStore(path: path)
        // Then the new migration ran, old articles are searchable and feeds got their kind
        #expect(try store.appliedMigrations() == Schema.knownMigrations)
        #expect(try store.search("foghorn", limit: 5).map(\.title) == ["Lighthouse keeper"])
        #expect(try store.search("times lamp", limit: 5).map(\.title) == ["Lighthouse keeper"])
        #expect(try store.search("plain", limit: 5).map(\.title) == ["Generated"])
        #expect(try store.feeds().map(\.kind) == [.exec, .url])
        #expect(try store.searchIndexCount() == 2)
    }
}

@Suite("Upgrading a version 3 cache")
struct SearchTextUpgradeTests {
    @Test func theIndexIsRebuiltSoAltTextAndEmojiAreFound() throws {
        // Given a cache whose index was written before alt text and emoji were indexed
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("cache.sqlite").path
        try ArticleStore.makeOldCacheForTesting(path: path, upTo: "v3-search-merge-settings", sql: """
            INSERT INTO feed (id, source, title) VALUES (1, 'https://old.example/rss', 'Old Times');
            INSERT INTO article (feed_id, guid, title, sort_date, content, content_type, content_hash, first_seen)
            VALUES (1, 'a', 'Lantern night 🏮', 10, '<p>Parade <img src="x.jpg" alt="A paper heron"></p>', 'html', 0, 10);
            INSERT INTO article_fts (rowid, title, author, feed, body) SELECT id, title, '', 'Old Times', 'Parade' FROM article;
            """)
        // When this build opens it
        var told = 0
        let store = try ArticleStore(path: path) { told += 1 }
        // Then the user was told once, before the (possibly long) upgrade, and never again
        #expect(told == 1)
        _ = try ArticleStore(path: path) { told += 1 }
        _ = try ArticleStore(path: directory.appendingPathComponent("new.sqlite").path) { told += 1 }
        #expect(told == 1)
        // And the index holds what this build indexes
        #expect(try store.appliedMigrations() == Schema.knownMigrations)
        #expect(try store.search("heron", limit: 5).map(\.title) == ["Lantern night 🏮"])
        #expect(try store.search("🏮 parade", limit: 5).map(\.title) == ["Lantern night 🏮"])
        #expect(try store.searchIndexCount() == 1)
    }
}

@Suite struct SearchIndexSettingsTests {
    @Test func theIndexMergesInLargerStepsWhileImporting() throws {
        let store = try ArticleStore.inMemory()
        let rows = try store.rowsForTesting("SELECT k, v FROM article_fts_config WHERE k IN ('automerge', 'crisismerge', 'pgsz') ORDER BY k")
        #expect(rows == [["automerge", "16"], ["crisismerge", "64"], ["pgsz", "4050"]])
    }
}

@Suite("Searching for symbols and full-width text")
struct SymbolSearchTests {
    @Test(arguments: [
        ("🏮", ["Night market 🏮 returns"]),
        ("🏮 market", ["Night market 🏮 returns"]),
        ("👍", ["Thumbs 👍🏽 up", "Plain 👍"]),
        ("👍🏽", ["Thumbs 👍🏽 up"]),
        ("❤", ["Love ❤️ it"]),
        ("❤️", ["Love ❤️ it"]),
        ("👩‍🍳", ["Cook 👩‍🍳"]),
        ("🇯🇵", ["Flag 🇯🇵"]),
        ("⭐", ["Star in the body"]),
        ("abc123", ["Full-width ＡＢＣ１２３"]),
        ("ＡＢＣ１２３", ["Full-width ＡＢＣ１２３"]),
        ("🎉", []),
        ("-👍🏽 👍", ["Plain 👍"]),
    ])
    func emojiAndFullWidthLettersAreFindable(query: String, expected: [String]) throws {
        let store = try ArticleStore.inMemory()
        let feed = try store.registerFeed(source: "s", title: "S")
        let titles = ["Night market 🏮 returns", "Thumbs 👍🏽 up", "Plain 👍", "Love ❤️ it", "Cook 👩‍🍳", "Flag 🇯🇵",
                      "Full-width ＡＢＣ１２３"]
        var items = titles.enumerated().map { SearchFixture.item("i\($0.offset)", $0.element, body: "<p>market</p>", minutesAgo: Double($0.offset)) }
        items.append(SearchFixture.item("star", "Star in the body", body: "<p>rated &#x2B50; five</p>", minutesAgo: 9))
        _ = try store.apply(FeedDocument(format: .rss20, items: items), toFeed: feed)
        #expect(Set(try store.search(query, limit: 20).map(\.title)) == Set(expected))
    }
}
