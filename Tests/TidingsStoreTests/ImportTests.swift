import Foundation
import Testing
import TidingsCore
@testable import TidingsStore

@Suite("Importing documents")
struct ImportTests {
    @Test func freshDatabaseHasEveryKnownMigration() throws {
        let store = try ArticleStore.inMemory()
        #expect(try store.appliedMigrations() == Schema.knownMigrations)
        #expect(try store.feedSummaries().isEmpty)
        #expect(try store.totals() == (unread: 0, total: 0))
    }

    @Test func applyInsertsEveryItem() throws {
        // Given a feed
        let (store, feed) = try Fixture.storeWithFeed()
        // When a document of 5 items is applied
        let report = try store.apply(Fixture.document(count: 5), toFeed: feed)
        // Then all are inserted, unread, with bodies and the feed's title from the document
        #expect(report == ImportReport(inserted: 5, updated: 0, unchanged: 0))
        let list = try Fixture.everything(store, .feed(feed))
        #expect(list.map(\.title) == (0..<5).map { "Title \($0)" })
        #expect(list.allSatisfy { !$0.isRead && !$0.isStarred && $0.feedTitle == "Example feed" })
        let article = try #require(try store.article(list[0].id))
        #expect(article.body == "Summary 0")
        #expect(article.contentType == .html)
        #expect(article.link == "https://example.org/0")
        #expect(article.headline == list[0])
    }

    @Test func reapplyingTheSameDocumentChangesNothing() throws {
        let (store, feed) = try Fixture.storeWithFeed()
        let doc = Fixture.document(count: 30)
        _ = try store.apply(doc, toFeed: feed)
        let before = try Fixture.everything(store, .all)

        let report = try store.apply(doc, toFeed: feed, seenAt: Fixture.base.addingTimeInterval(3600))

        #expect(report == ImportReport(inserted: 0, updated: 0, unchanged: 30))
        #expect(try Fixture.everything(store, .all) == before)
        #expect(try store.count(.all) == 30)
    }

    @Test func changedItemIsUpdatedAndKeepsItsFlags() throws {
        // Given an imported feed whose first article was read and starred
        let (store, feed) = try Fixture.storeWithFeed()
        var doc = Fixture.document(count: 3)
        _ = try store.apply(doc, toFeed: feed)
        let first = try #require(try Fixture.everything(store, .all).first)
        try store.setRead([first.id], true)
        try store.setStarred([first.id], true)
        // When the document comes back with a new title and body for that item
        doc.items[0].title = "Corrected title"
        doc.items[0].content = "<p>Full text</p>"
        let report = try store.apply(doc, toFeed: feed)
        // Then that one row is updated in place, flags intact
        #expect(report == ImportReport(inserted: 0, updated: 1, unchanged: 2))
        let updated = try #require(try store.headline(first.id))
        #expect(updated.title == "Corrected title")
        #expect(updated.isRead && updated.isStarred)
        #expect(try store.article(first.id)?.body == "<p>Full text</p>")
        #expect(try store.count(.all) == 3)
        #expect(try store.count(.unread) == 2)
    }

    @Test func flagsSurviveReimportOfChangedAndUnchangedItems() throws {
        let (store, feed) = try Fixture.storeWithFeed()
        _ = try store.apply(Fixture.document(count: 10), toFeed: feed)
        let ids = try Fixture.everything(store, .all).map(\.id)
        try store.setRead(Array(ids[0..<5]), true)
        try store.setStarred([ids[1], ids[7]], true)

        var doc = Fixture.document(count: 12)
        for index in doc.items.indices { doc.items[index].summary = "rewritten" }
        let report = try store.apply(doc, toFeed: feed)

        #expect(report == ImportReport(inserted: 2, updated: 10, unchanged: 0))
        let after = Dictionary(uniqueKeysWithValues: try Fixture.everything(store, .all).map { ($0.id, $0) })
        for (offset, id) in ids.enumerated() {
            #expect(after[id]?.isRead == (offset < 5))
            #expect(after[id]?.isStarred == (offset == 1 || offset == 7))
        }
    }

    @Test func itemsMissingFromALaterImportAreKept() throws {
        let (store, feed) = try Fixture.storeWithFeed()
        _ = try store.apply(Fixture.document(count: 10), toFeed: feed)
        let report = try store.apply(Fixture.document(count: 3), toFeed: feed)
        #expect(report == ImportReport(inserted: 0, updated: 0, unchanged: 3))
        #expect(try store.count(.feed(feed)) == 10)
    }

    @Test func duplicateGuidsInOneDocumentKeepTheLastOne() throws {
        let (store, feed) = try Fixture.storeWithFeed()
        let doc = FeedDocument(format: .atom10, items: [
            Fixture.item(1, title: "first copy"), Fixture.item(2), Fixture.item(1, title: "last copy"),
        ])
        let report = try store.apply(doc, toFeed: feed)
        #expect(report.inserted == 2)
        #expect(Set(try Fixture.everything(store, .all).map(\.title)) == ["last copy", "Title 2"])
    }

    @Test(arguments: [
        (registered: "Mine", document: "Theirs", expected: "Mine"),
        (registered: nil, document: "Theirs", expected: "Theirs"),
        (registered: "  ", document: "Theirs", expected: "Theirs"),
        (registered: nil, document: nil, expected: "https://example.org/feed"),
        (registered: nil, document: "", expected: "https://example.org/feed"),
    ] as [(registered: String?, document: String?, expected: String)])
    func feedTitlePrefersRegisteredThenDocumentThenSource(registered: String?, document: String?, expected: String) throws {
        let store = try ArticleStore.inMemory()
        let feed = try store.registerFeed(source: "https://example.org/feed", title: registered)
        _ = try store.apply(Fixture.document(count: 1, title: document), toFeed: feed)
        #expect(try store.feedSummaries().map(\.title) == [expected])
        #expect(try Fixture.everything(store, .all).first?.feedTitle == expected)
    }

    @Test func registeringASourceAgainReturnsTheSameFeed() throws {
        let store = try ArticleStore.inMemory()
        let first = try store.registerFeed(source: "https://a.example/feed", title: nil)
        let second = try store.registerFeed(source: "https://a.example/feed", title: "Renamed")
        #expect(first == second)
        #expect(try store.feedSummaries().map(\.title) == ["Renamed"])
    }

    @Test func sortDateFallsBackToUpdatedThenFirstSeen() throws {
        let (store, feed) = try Fixture.storeWithFeed()
        let seen = Date(timeIntervalSince1970: 1_000)
        let doc = FeedDocument(format: .rss20, items: [
            FeedItem(id: "p", published: Date(timeIntervalSince1970: 300), updated: Date(timeIntervalSince1970: 400)),
            FeedItem(id: "u", updated: Date(timeIntervalSince1970: 200)),
            FeedItem(id: "n"),
        ])
        _ = try store.apply(doc, toFeed: feed, seenAt: seen)
        #expect(try Fixture.everything(store, .all).map(\.sortDate) == [1_000, 300, 200])
    }

    @Test func hostileDatesAreClampedNotFatal() throws {
        let (store, feed) = try Fixture.storeWithFeed()
        let doc = FeedDocument(format: .rss20, items: [
            FeedItem(id: "nan", published: Date(timeIntervalSince1970: .nan)),
            FeedItem(id: "inf", published: Date(timeIntervalSince1970: .infinity)),
            FeedItem(id: "huge", published: Date(timeIntervalSince1970: 1e300)),
            FeedItem(id: "tiny", published: Date(timeIntervalSince1970: -1e300)),
        ])
        #expect(try store.apply(doc, toFeed: feed, seenAt: Fixture.base).inserted == 4)
        #expect(try Fixture.everything(store, .all).count == 4)
    }

    @Test func applyingToAnUnknownFeedFails() throws {
        let store = try ArticleStore.inMemory()
        #expect(throws: StoreError.unknownFeed(42)) {
            try store.apply(Fixture.document(count: 1), toFeed: 42)
        }
        #expect(try store.count(.all) == 0)
    }

    @Test func bodyPrefersContentThenSummaryThenEmpty() throws {
        let (store, feed) = try Fixture.storeWithFeed()
        let doc = FeedDocument(format: .jsonfeed11, items: [
            FeedItem(id: "c", summary: "s", content: "c", contentType: .text),
            FeedItem(id: "s", summary: "s"),
            FeedItem(id: "e"),
        ])
        _ = try store.apply(doc, toFeed: feed, seenAt: Fixture.base)
        let bodies = try Fixture.everything(store, .all).map { try store.article($0.id)?.body }
        #expect(bodies == ["c", "s", ""])
        #expect(try store.article(999) == nil)
    }

    @Test func attachmentsComeBackWithTheArticle() throws {
        let (store, feed) = try Fixture.storeWithFeed()
        let enclosures = [FeedEnclosure(url: "https://cdn.example.org/ep.mp3", type: "audio/mpeg", length: 1_234),
                          FeedEnclosure(url: "https://cdn.example.org/cover.jpg")]
        let item = FeedItem(id: "ep", title: "Episode", content: "<p>Notes</p>", contentType: .html, enclosures: enclosures)
        _ = try store.apply(FeedDocument(format: .rss20, items: [item, Fixture.item(1)]), toFeed: feed)
        let rows = try Fixture.everything(store, .all)
        #expect(try store.article(try #require(rows.first { $0.title == "Episode" }).id)?.enclosures == enclosures)
        #expect(try store.article(try #require(rows.first { $0.title == "Title 1" }).id)?.enclosures == [])
    }
}
