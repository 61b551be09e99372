import Foundation
import Testing
import TidingsCore
@testable import TidingsStore

@Suite("Retention, listing and stats")
struct RetentionTests {
    /// One feed of 10 articles a day apart (newest at `Fixture.base`), the 8th and 9th starred, the 1st read.
    private func store() throws -> (ArticleStore, FeedID, [Headline]) {
        let (store, feed) = try Fixture.storeWithFeed()
        let items = (0..<10).map { Fixture.item($0, published: Fixture.base.addingTimeInterval(-86_400 * Double($0))) }
        _ = try store.apply(FeedDocument(format: .rss20, feed: FeedMeta(title: "Daily"), items: items), toFeed: feed)
        let list = try Fixture.everything(store, .all)
        try store.setStarred([list[7].id, list[8].id], true)
        try store.setRead([list[0].id], true)
        return (store, feed, list)
    }

    @Test(arguments: [
        (max: 3, days: nil, kept: [0, 1, 2, 7, 8]),
        (max: nil, days: 4, kept: [0, 1, 2, 3, 7, 8]),
        (max: 6, days: 2, kept: [0, 1, 7, 8]),
        (max: 0, days: nil, kept: Array(0..<10)),   // 0 = no limit, as newsboat's max-items 0
        (max: 0, days: 4, kept: [0, 1, 2, 3, 7, 8]),
        (max: nil, days: nil, kept: Array(0..<10)),
        (max: 100, days: 100, kept: Array(0..<10)),
    ] as [(max: Int?, days: Int?, kept: [Int])])
    func cleanupKeepsTheNewestAndEveryStarred(max: Int?, days: Int?, kept: [Int]) throws {
        let (store, _, list) = try store()
        let report = try store.cleanup(maxArticlesPerFeed: max, keepDays: days, now: Fixture.base.addingTimeInterval(3600))
        #expect(report.deleted == 10 - kept.count)
        #expect(try Fixture.everything(store, .all).map(\.id) == kept.map { list[$0].id })
        #expect(try store.searchIndexCount() == kept.count)
        #expect(try store.searchIndexDifferences() == [])
        #expect(try store.totals().total == kept.count)
    }

    /// Three feeds of ten daily articles: "Daily" (source "d"), "Weekly" (source "w"), "Other" ("o").
    private func threeFeeds() throws -> (ArticleStore, [FeedID]) {
        let store = try ArticleStore.inMemory()
        var ids: [FeedID] = []
        for (source, title) in [("d", "Daily"), ("w", "Weekly"), ("o", "Other")] {
            let feed = try store.registerFeed(source: source, title: title)
            let items = (0..<10).map { Fixture.item($0, published: Fixture.base.addingTimeInterval(-86_400 * Double($0))) }
            _ = try store.apply(FeedDocument(format: .rss20, feed: FeedMeta(title: title), items: items), toFeed: feed)
            ids.append(feed)
        }
        return (store, ids)
    }

    private func counts(_ store: ArticleStore, _ ids: [FeedID]) throws -> [Int] {
        try ids.map { id in try store.articles(feed: id, limit: 100).count }
    }

    @Test func perFeedLimitsOverrideTheGlobalOnesByField() throws {
        let (store, ids) = try threeFeeds()
        let policy = RetentionPolicy(
            global: RetentionLimits(maxArticles: 5, keepDays: 30),
            perFeed: [
                "d": RetentionLimits(maxArticles: 2),          // by source; keep-days still 30
                "WEEKLY": RetentionLimits(maxArticles: 0, keepDays: 3),  // by title, any case; 0 lifts the count limit
                "nowhere": RetentionLimits(maxArticles: 1),
            ])
        let report = try store.cleanup(policy: policy, now: Fixture.base.addingTimeInterval(3600))
        #expect(try counts(store, ids) == [2, 3, 5])
        #expect(report.deleted == 8 + 7 + 5)
        #expect(report.unmatchedFeeds == ["nowhere"])
        #expect(try store.searchIndexCount() == 10)
        #expect(try store.searchIndexDifferences() == [])
    }

    @Test func aPerFeedZeroExemptsAFeedFromEveryGlobalLimit() throws {
        let (store, ids) = try threeFeeds()
        let policy = RetentionPolicy(global: RetentionLimits(maxArticles: 1, keepDays: 1),
                                     perFeed: ["Other": RetentionLimits(maxArticles: 0, keepDays: 0)])
        _ = try store.cleanup(policy: policy, now: Fixture.base.addingTimeInterval(3600))
        #expect(try counts(store, ids) == [1, 1, 10])
    }

    @Test func refreshTimeRetentionTouchesOnlyTheGivenFeedsAndDoesNotCompact() throws {
        let (store, ids) = try threeFeeds()
        let report = try store.cleanup(policy: RetentionPolicy(global: RetentionLimits(maxArticles: 4)),
                                       feeds: [ids[1]], compact: false, now: Fixture.base)
        #expect(try counts(store, ids) == [10, 4, 10])
        #expect(report == CleanupReport(deleted: 6, bytesBefore: 0, bytesAfter: 0))
        #expect(try store.totals().total == 24)
    }

    @Test func purgedArticlesDoNotComeBackOnRefresh() throws {
        // Given a cleanup down to 3 articles
        let (store, feed, _) = try store()
        _ = try store.cleanup(maxArticlesPerFeed: 3, keepDays: nil, now: Fixture.base)
        // When the same ten items are imported again plus a new one
        var items = (0..<10).map { Fixture.item($0, published: Fixture.base.addingTimeInterval(-86_400 * Double($0))) }
        items.insert(Fixture.item(99, published: Fixture.base.addingTimeInterval(60)), at: 0)
        let report = try store.apply(FeedDocument(format: .rss20, items: items), toFeed: feed)
        // Then only the new one is inserted
        #expect(report == ImportReport(inserted: 1, updated: 0, unchanged: 5, skipped: 5))
        #expect(try store.totals().total == 6)
    }

    @Test func cleanupShrinksTheFileOnDisk() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try ArticleStore(path: directory.appendingPathComponent("cache.sqlite").path)
        let feed = try store.registerFeed(source: "s", title: nil)
        // Bodies of varied words: a repeated sentence packs to almost nothing, and the file would
        // then be mostly the fixed pages of its tables and indexes.
        func body(_ n: Int) -> String {
            "<p>" + (0..<400).map { String(($0 &* 2_654_435_761 &+ n &* 40_503) % 1_000_003, radix: 36) }.joined(separator: " ") + "</p>"
        }
        let items = (0..<500).map { Fixture.item($0, published: Fixture.base.addingTimeInterval(-60 * Double($0)), content: body($0)) }
        _ = try store.apply(FeedDocument(format: .rss20, items: items), toFeed: feed)
        let report = try store.cleanup(maxArticlesPerFeed: 10, keepDays: nil, now: Fixture.base)
        #expect(report.deleted == 490)
        #expect(report.bytesAfter * 4 < report.bytesBefore, "\(report)")
        #expect(try store.stats().fileBytes == report.bytesAfter)
    }

    @Test func listingFiltersForScripts() throws {
        let (store, feed, list) = try store()
        let other = try store.registerFeed(source: "o", title: "Other", tags: ["Tech"])
        _ = try store.apply(Fixture.document(count: 2, start: 50), toFeed: other)
        #expect(try store.articles(limit: 100).count == 12)
        #expect(try store.articles(feed: feed, limit: 3).map(\.id) == list.prefix(3).map(\.id))
        #expect(try store.articles(feed: feed, unreadOnly: true, limit: 100).count == 9)
        #expect(try store.articles(starredOnly: true, limit: 100).map(\.id) == [list[7].id, list[8].id])
        #expect(try store.articles(feed: feed, since: Fixture.base.addingTimeInterval(-86_400 * 2), limit: 100).count == 3)
        #expect(try store.articles(tag: "tech", limit: 100).map(\.feedTitle) == ["Other", "Other"])
        #expect(try store.articles(tag: "none", limit: 100).isEmpty)
        #expect(try store.articles(limit: 0).isEmpty)
    }

    @Test func statsSummariseTheCache() throws {
        let (store, _, _) = try store()
        try store.saveSearch(name: "s", query: "x")
        let stats = try store.stats()
        #expect(stats.feeds == 1 && stats.articles == 10 && stats.unread == 9 && stats.starred == 2 && stats.savedSearches == 1)
        #expect(stats.newest == Fixture.base)
        #expect(stats.oldest == Fixture.base.addingTimeInterval(-86_400 * 9))
        #expect(stats.fileBytes > 0)
        let empty = try ArticleStore.inMemory().stats()
        #expect(empty.articles == 0 && empty.oldest == nil && empty.newest == nil)
    }
}
