import Foundation
import Testing
import TidingsCore
@testable import TidingsStore

/// Only the newest query's answer is delivered; stale ones are cancelled without running.
@Suite struct SearchQueueTests {
    final class Box: @unchecked Sendable {
        let lock = NSLock()
        var outcomes: [String: String] = [:]
        func set(_ key: String, _ value: String) { lock.lock(); outcomes[key] = value; lock.unlock() }
        var count: Int { lock.lock(); defer { lock.unlock() }; return outcomes.count }
        var snapshot: [String: String] { lock.lock(); defer { lock.unlock() }; return outcomes }
    }

    static func describe(_ outcome: SearchQueue.Outcome) -> String {
        switch outcome {
        case .page(let page): return "\(page.rows.count) rows"
        case .counted(let count): return "counted \(count.text)"
        case .failed(let error): return "failed: \(error)"
        case .cancelled: return "cancelled"
        }
    }

    @Test func typingAQueryCancelsEveryStaleOne() throws {
        let (store, feed) = try Fixture.storeWithFeed()
        _ = try store.apply(FeedDocument(format: .rss20, items: [FeedItem(id: "1", title: "The river rises"),
                                                                  FeedItem(id: "2", title: "River boats")]), toFeed: feed)
        let queue = SearchQueue(store: store, delay: 0.3)
        let box = Box()
        for query in ["r", "ri", "riv", "river"] {
            queue.submit(query, limit: 50) { box.set(query, Self.describe($0)) }
        }
        let deadline = Date().addingTimeInterval(30)
        while box.count < 4 && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        #expect(box.snapshot == ["r": "cancelled", "ri": "cancelled", "riv": "cancelled", "river": "2 rows"])
    }

    @Test func cancelStopsTheSearchInFlight() throws {
        let (store, _) = try Fixture.storeWithFeed()
        let queue = SearchQueue(store: store, delay: 0.5)
        let box = Box()
        queue.submit("anything", limit: 10) { box.set("anything", Self.describe($0)) }
        queue.cancel()
        let deadline = Date().addingTimeInterval(30)
        while box.count < 1 && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        #expect(box.snapshot == ["anything": "cancelled"])
    }
}

/// On a cache file, searches run on their own interruptible connection and answer as the store does.
@Suite struct SearchConnectionTests {
    @Test func aFileCacheSearchesOnItsOwnConnectionWithTheSameAnswers() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tidings-search-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try ArticleStore(path: dir.appendingPathComponent("cache.sqlite").path)
        let feed = try store.registerFeed(source: "/tmp/river.rss", title: "River news")
        _ = try store.apply(FeedDocument(format: .rss20, items: (0..<40).map {
            FeedItem(id: "\($0)", title: $0 % 2 == 0 ? "The river rises \($0)" : "Harbour boats \($0)")
        }), toFeed: feed)
        let connection = try #require(store.searchConnection())
        for query in ["river", "\"the river\"", "harb*", "boats -river", "title:rises"] {
            #expect(try connection.searchPage(query, limit: 25, after: nil) == store.searchPage(query, limit: 25, after: nil), "\(query)")
        }
        let queue = SearchQueue(store: store)
        let box = SearchQueueTests.Box()
        queue.submit("river", limit: 10) { box.set("river", SearchQueueTests.describe($0)) }
        let deadline = Date().addingTimeInterval(30)
        while box.count < 1 && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        #expect(box.snapshot == ["river": "10 rows"])
    }
}
