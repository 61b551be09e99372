import Foundation
import Testing
import TidingsCore
@testable import TidingsStore

@Suite("Feed metadata and saved searches")
struct FeedMetaTests {
    @Test func registrationKeepsTitleTagsHiddenKindAndFilter() throws {
        // Given feeds registered with metadata
        let store = try ArticleStore.inMemory()
        let a = try store.registerFeed(source: "https://a.example/rss", title: "Alpha", tags: ["news", " tech ", "news", ""],
                                       filter: "sed s/x/y/")
        let e = try store.registerFeed(source: "exec:./gen.sh", title: nil, tags: [], hidden: true)
        let f = try store.registerFeed(source: "/tmp/x.xml", title: nil)
        _ = try store.apply(Fixture.document(count: 3, title: "Doc title"), toFeed: f)
        // Then feeds() reports it all, hidden included, ordered by title
        let infos = try store.feeds()
        #expect(infos.map(\.title) == ["Alpha", "Doc title", "exec:./gen.sh"])
        let alpha = try #require(infos.first { $0.id == a })
        #expect(alpha.tags == ["news", "tech"])
        #expect(alpha.kind == .url && alpha.filter == "sed s/x/y/" && !alpha.hidden && alpha.customTitle == "Alpha")
        let exec = try #require(infos.first { $0.id == e })
        #expect(exec.kind == .exec && exec.hidden && exec.tags.isEmpty)
        let file = try #require(infos.first { $0.id == f })
        #expect(file.kind == .file && file.total == 3 && file.unread == 3 && file.lastUpdated != nil && file.customTitle == nil)
        // And the reader's feed list leaves the hidden feed out
        #expect(try store.feedSummaries().map(\.id).sorted() == [a, f].sorted())

        // When registered again with other tags and shown
        _ = try store.registerFeed(source: "https://a.example/rss", title: "Alpha", tags: ["sport"])
        try store.setHidden(false, feed: e)
        try store.setTags(["x"], of: e)
        #expect(try store.feeds().first { $0.id == a }?.tags == ["sport"])
        #expect(try store.feeds().first { $0.id == e }.map { ($0.hidden, $0.tags) } ?? (true, []) == (false, ["x"]))
        #expect(throws: StoreError.unknownFeed(99)) { try store.setTags([], of: 99) }
        #expect(throws: StoreError.unknownFeed(99)) { try store.setHidden(true, feed: 99) }
    }

    @Test func kindIsInferredFromTheSource() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(FeedKind.infer(source: "HTTPS://x.example") == .url)
        #expect(FeedKind.infer(source: "http://x.example") == .url)
        #expect(FeedKind.infer(source: "exec:ls") == .exec)
        #expect(FeedKind.infer(source: directory.path) == .folder)
        #expect(FeedKind.infer(source: directory.appendingPathComponent("feed.xml").path) == .file)
    }

    @Test func fetchStateKeepsValidatorsAcrossFailures() throws {
        let (store, feed) = try Fixture.storeWithFeed()
        #expect(try store.fetchState(feed) == FetchState())
        // When a fetch succeeds
        try store.recordFetch(feed, etag: "\"v1\"", lastModified: "Tue, 01 Jan 2030 00:00:00 GMT", contentHash: 42,
                              error: nil, at: Fixture.base)
        // Then its validators are kept
        #expect(try store.fetchState(feed) == FetchState(etag: "\"v1\"", lastModified: "Tue, 01 Jan 2030 00:00:00 GMT",
                                                         contentHash: 42, lastChecked: Fixture.base))
        // When the next one fails, the validators stay and the error shows in feeds()
        let later = Fixture.base.addingTimeInterval(60)
        try store.recordFetch(feed, etag: nil, lastModified: nil, contentHash: nil, error: "HTTP 503", at: later)
        let state = try store.fetchState(feed)
        #expect(state.etag == "\"v1\"" && state.contentHash == 42 && state.lastError == "HTTP 503" && state.lastChecked == later)
        #expect(try store.feeds().first?.lastError == "HTTP 503")
        // When a document is imported, the error is cleared
        _ = try store.apply(Fixture.document(count: 1), toFeed: feed, seenAt: later)
        #expect(try store.fetchState(feed).lastError == nil)
        #expect(try store.fetchState(feed).lastUpdated == later)
        #expect(throws: StoreError.unknownFeed(9)) { try store.fetchState(9) }
        #expect(throws: StoreError.unknownFeed(9)) {
            try store.recordFetch(9, etag: nil, lastModified: nil, contentHash: nil, error: nil)
        }
    }

    @Test func savedSearchesCountTheirMatches() throws {
        // Given the search corpus and two saved searches
        let (store, _, _) = try SearchFixture.store()
        try store.saveSearch(name: "ferries", query: "ferry")
        try store.saveSearch(name: "Local unread", query: "tag:local unread")
        try store.saveSearch(name: "broken", query: "\"")
        try store.saveSearch(name: "ferries", query: "ferry OR boat")  // replaced, not duplicated
        #expect(try store.savedSearches() == [
            SavedSearch(name: "Local unread", query: "tag:local unread"), SavedSearch(name: "broken", query: "\""),
            SavedSearch(name: "ferries", query: "ferry OR boat"),
        ])
        // When one of the ferry articles is read
        let ferry = try #require(try store.search("title:ferry", limit: 1).first)
        try store.setRead([ferry.id], true)
        try store.saveSearch(name: "ferries", query: "ferry")
        // Then
        let counts = try store.savedSearchCounts().map { "\($0.search.name) \($0.unread)/\($0.total)" }
        #expect(counts == ["Local unread 4/4", "broken 0/0", "ferries 1/2"])
        #expect(try store.removeSavedSearch(name: "broken"))
        #expect(try !store.removeSavedSearch(name: "broken"))
        #expect(try store.savedSearches().count == 2)
    }

    @Test func manyFeedsRegisterInOneGoAndAgainUpdateInPlace() throws {
        let store = try ArticleStore.inMemory()
        let batch = (0..<300).map { FeedRegistration(source: "https://example.org/\($0).xml", title: "Feed \($0)", tags: ["t\($0 % 3)"]) }
        let ids = try store.registerFeeds(batch)
        #expect(Set(ids).count == 300)
        let feeds = try store.feeds()
        #expect(feeds.count == 300)
        #expect(feeds.first { $0.id == ids[7] }?.tags == ["t1"])
        // The same sources again: the same ids, titles updated, nothing duplicated.
        let again = try store.registerFeeds(batch.map { var b = $0; b.title = "Renamed"; return b })
        #expect(again == ids)
        #expect(try store.feeds().allSatisfy { $0.title == "Renamed" })
        #expect(try store.registerFeeds([]).isEmpty)
    }

    @Test func searchesFromTheConfigJoinTheCachedOnesAndWinByName() throws {
        let store = try ArticleStore.inMemory()
        let feed = try store.registerFeed(source: "s", title: "S")
        _ = try store.apply(Fixture.document(count: 3), toFeed: feed)
        try store.saveSearch(name: "Everything", query: "title")
        try store.saveSearch(name: "Twos", query: "title:2")
        let counts = try store.savedSearchCounts(extra: [SavedSearch(name: "Twos", query: "title:1"),
                                                         SavedSearch(name: "Alpha", query: "nothing-matches-this")])
        #expect(counts.map(\.search.name) == ["Alpha", "Everything", "Twos"])
        #expect(counts.map(\.search.query) == ["nothing-matches-this", "title", "title:1"])
        #expect(counts.map(\.total) == [0, 3, 1])
    }
}
