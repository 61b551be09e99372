import Foundation
import Testing
import TidingsCore
@testable import TidingsStore

@Suite("Feed counters")
struct CounterTests {
    /// Counters as the summaries report them, by feed title.
    private func counters(_ store: ArticleStore) throws -> [String: [Int]] {
        Dictionary(uniqueKeysWithValues: try store.feedSummaries().map { ($0.title, [$0.unread, $0.total]) })
    }

    @Test func countersFollowInsertsReadsMarkAllAndRemoval() throws {
        // Given two feeds with 10 and 4 articles
        let store = try ArticleStore.inMemory()
        let a = try store.registerFeed(source: "https://a.example/feed", title: "Alpha")
        let b = try store.registerFeed(source: "https://b.example/feed", title: "beta")
        _ = try store.apply(Fixture.document(count: 10), toFeed: a)
        _ = try store.apply(Fixture.document(count: 4, start: 100), toFeed: b)
        #expect(try counters(store) == ["Alpha": [10, 10], "beta": [4, 4]])
        #expect(try store.totals() == (unread: 14, total: 14))

        // When three of Alpha's are read (one of them twice) and one is read then unread
        let alpha = try Fixture.everything(store, .feed(a)).map(\.id)
        try store.setRead([alpha[0], alpha[1], alpha[2], alpha[0]], true)
        try store.setRead([alpha[2]], true)
        try store.setRead([alpha[3]], true)
        try store.setRead([alpha[3]], false)
        // Then
        #expect(try counters(store) == ["Alpha": [7, 10], "beta": [4, 4]])
        #expect(try store.count(.unread) == 11)

        // When beta is marked all read
        try store.markAllRead(.feed(b))
        #expect(try counters(store) == ["Alpha": [7, 10], "beta": [0, 4]])
        #expect(try Fixture.everything(store, .feed(b)).allSatisfy(\.isRead))

        // When Alpha is removed, its articles go with it
        try store.removeFeed(a)
        #expect(try counters(store) == ["beta": [0, 4]])
        #expect(try store.totals() == (unread: 0, total: 4))
        #expect(try store.count(.all) == 4)
        #expect(try Fixture.everything(store, .all).count == 4)
        #expect(try store.headline(alpha[5]) == nil)
    }

    @Test func markAllReadOnEverythingAndOnUnreadScope() throws {
        for scope in [ListScope.all, .unread] {
            let store = try ArticleStore.inMemory()
            let a = try store.registerFeed(source: "a", title: nil)
            let b = try store.registerFeed(source: "b", title: nil)
            _ = try store.apply(Fixture.document(count: 5), toFeed: a)
            _ = try store.apply(Fixture.document(count: 5), toFeed: b)
            try store.markAllRead(scope)
            #expect(try store.totals() == (unread: 0, total: 10))
            #expect(try store.headlines(HeadlinePageRequest(scope: .unread, cursor: nil, direction: .older, limit: 50)).isEmpty)
        }
    }

    @Test func starringDoesNotTouchCounters() throws {
        let (store, feed) = try Fixture.storeWithFeed()
        _ = try store.apply(Fixture.document(count: 3), toFeed: feed)
        let ids = try Fixture.everything(store, .all).map(\.id)
        try store.setStarred(ids, true)
        #expect(try store.totals() == (unread: 3, total: 3))
        #expect(try Fixture.everything(store, .all).allSatisfy(\.isStarred))
        try store.setStarred([ids[0]], false)
        #expect(try store.headline(ids[0])?.isStarred == false)
    }

    @Test func summariesAreOrderedByTitleIgnoringCase() throws {
        let store = try ArticleStore.inMemory()
        for (source, title) in [("1", "zeta"), ("2", "Alpha"), ("3", "beta"), ("4", "Émile"), ("5", "écho")] {
            _ = try store.registerFeed(source: source, title: title)
        }
        #expect(try store.feedSummaries().map(\.title) == ["Alpha", "beta", "zeta", "écho", "Émile"])
    }

    @Test func removingAnUnknownFeedSaysSo() throws {
        let store = try ArticleStore.inMemory()
        #expect(throws: StoreError.unknownFeed(7)) { try store.removeFeed(7) }
    }
}
