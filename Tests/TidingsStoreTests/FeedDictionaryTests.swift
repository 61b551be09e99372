import Foundation
import Testing
import TidingsCore
@testable import TidingsStore
internal import GRDB

/// Which feeds get a body dictionary, and that the cache and its search index stay right with one.
@Suite("Feed body dictionaries")
struct FeedDictionaryTests {
    @Test func aSmallFeedGetsNoDictionary() throws {
        // Given a feed of a few short items, as the sample feeds are
        let (store, feed) = try Fixture.storeWithFeed()
        _ = try store.apply(DictionaryFixture.document(count: 8), toFeed: feed, seenAt: Fixture.base)
        // Then no dictionary is made and bodies are packed one by one as before
        #expect(try DictionaryFixture.dictionaries(store, feed: feed).isEmpty)
        let stored = try DictionaryFixture.storedContent(store, guid: "big-3")
        #expect(stored == BodyCodec.pack(DictionaryFixture.body(3)))
    }

    @Test func aLargeFeedGetsOneAndLaterImportsReuseIt() throws {
        let (store, feed) = try Fixture.storeWithFeed()
        let first = try store.apply(DictionaryFixture.document(count: 120), toFeed: feed, seenAt: Fixture.base)
        #expect(first.inserted == 120)
        let ids = try DictionaryFixture.dictionaries(store, feed: feed)
        #expect(ids.count == 1)
        let stored = try DictionaryFixture.storedContent(store, guid: "big-3")
        #expect(DictionaryFixture.dictionaryID(stored) == ids.first)
        // Smaller than packed alone
        guard case let .blob(withDictionary) = stored.storage, case let .blob(alone) = BodyCodec.pack(DictionaryFixture.body(3)).storage
        else { Issue.record("bodies not packed"); return }
        #expect(withDictionary.count < alone.count)

        // When newer items come, in a batch far too small to make a dictionary of its own
        let later = try store.apply(DictionaryFixture.document(count: 3, start: 500), toFeed: feed, seenAt: Fixture.base)
        #expect(later.inserted == 3)
        #expect(try DictionaryFixture.dictionaries(store, feed: feed) == ids)
        #expect(DictionaryFixture.dictionaryID(try DictionaryFixture.storedContent(store, guid: "big-501")) == ids.first)

        // Then every article reads back exactly, old and new
        for headline in try Fixture.everything(store, .feed(feed)) {
            let article = try #require(try store.article(headline.id))
            let n = Int(headline.title.dropFirst("Story ".count))!
            #expect(article.body.hasPrefix(DictionaryFixture.body(n)))
        }
        #expect(try store.searchIndexDifferences() == [])
    }

    @Test func searchFindsWordsInDictionaryPackedBodies() throws {
        let (store, feed) = try Fixture.storeWithFeed()
        _ = try store.apply(DictionaryFixture.document(count: 120), toFeed: feed, seenAt: Fixture.base)
        #expect(DictionaryFixture.dictionaryID(try DictionaryFixture.storedContent(store, guid: "big-7")) != nil)
        #expect(try store.search("zeppelin", limit: 5).map(\.title) == ["Story 7"])
        #expect(try store.search("\"sighted\"", limit: 5).map(\.title) == ["Story 7"])
        // A rebuild recomputes every body through the SQL functions.
        try store.rebuildSearchIndex()
        #expect(try store.search("zeppelin", limit: 5).map(\.title) == ["Story 7"])
        #expect(try store.searchIndexDifferences() == [])
    }

    @Test func removingAFeedRemovesItsDictionariesAndKeepsTheIndexExact() throws {
        let (store, harbor) = try Fixture.storeWithFeed()
        let valley = try store.registerFeed(source: "https://valley.example/rss", title: nil)
        _ = try store.apply(DictionaryFixture.document(count: 120), toFeed: harbor, seenAt: Fixture.base)
        _ = try store.apply(DictionaryFixture.document(count: 120, title: "Valley Bulletin"), toFeed: valley, seenAt: Fixture.base)
        let valleyDictionaries = try DictionaryFixture.dictionaries(store, feed: valley)
        #expect(valleyDictionaries.count == 1)
        // A retitle recomputes the feed's entries from its dictionary-packed bodies.
        _ = try store.registerFeed(source: "https://example.org/feed", title: "Harbour Times")
        #expect(try store.searchIndexDifferences() == [])

        try store.removeFeed(harbor)
        #expect(try DictionaryFixture.dictionaries(store, feed: harbor).isEmpty)
        #expect(try DictionaryFixture.dictionaries(store, feed: valley) == valleyDictionaries)
        #expect(try store.searchIndexDifferences() == [])
        #expect(try store.search("zeppelin", limit: 5).count == 1)

        // A new feed never gets a removed dictionary's id back.
        let again = try store.registerFeed(source: "https://example.org/feed", title: nil)
        _ = try store.apply(DictionaryFixture.document(count: 120), toFeed: again, seenAt: Fixture.base)
        #expect(try DictionaryFixture.dictionaries(store, feed: again).allSatisfy { $0 > valleyDictionaries[0] })
        #expect(try store.searchIndexDifferences() == [])
    }

    @Test func retentionAndEditsOfDictionaryPackedArticlesKeepTheIndexExact() throws {
        let (store, feed) = try Fixture.storeWithFeed()
        _ = try store.apply(DictionaryFixture.document(count: 120), toFeed: feed, seenAt: Fixture.base)
        // An edited item is updated in place: the old text leaves the index, the new comes in.
        var edited = DictionaryFixture.document(count: 3)
        edited.items[1].content = DictionaryFixture.body(1) + "<p>An albatross landed.</p>"
        #expect(try store.apply(edited, toFeed: feed, seenAt: Fixture.base).updated == 1)
        #expect(DictionaryFixture.dictionaryID(try DictionaryFixture.storedContent(store, guid: "big-1")) != nil)
        #expect(try store.search("albatross", limit: 5).map(\.title) == ["Story 1"])
        #expect(try store.searchIndexDifferences() == [])
        // Retention deletes dictionary-packed articles.
        _ = try store.cleanup(policy: RetentionPolicy(global: RetentionLimits(maxArticles: 10, keepDays: nil)), compact: false)
        #expect(try store.count(.feed(feed)) == 10)
        #expect(try store.searchIndexDifferences() == [])
        #expect(try DictionaryFixture.dictionaries(store, feed: feed).count == 1)
    }

    @Test func anArticleWhoseDictionaryIsMissingReadsAsNoBody() throws {
        let (store, feed) = try Fixture.storeWithFeed()
        _ = try store.apply(DictionaryFixture.document(count: 120), toFeed: feed, seenAt: Fixture.base)
        // A body naming a dictionary that does not exist (written by hand: nothing in Tidings does).
        try store.executeForTesting("UPDATE article SET content = X'06FF7F0102', summary = NULL WHERE guid = 'big-2'")
        let id = try #require(try Fixture.everything(store, .all).first { $0.title == "Story 2" }?.id)
        #expect(try store.article(id)?.body == "")
        #expect(try store.searchIndexDifferences() == [])
    }
}
