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

/// A short-prefix search runs as many small statements (see `SearchWindow`): an interrupt
/// between two of them stops it too.
@Suite struct SearchWindowInterruptTests {
    @Test func aStaleShortPrefixSearchStopsBetweenItsSteps() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tidings-search-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try ArticleStore(path: dir.appendingPathComponent("cache.sqlite").path)
        let feed = try store.registerFeed(source: "/tmp/new.rss", title: "New")
        // Nothing starts with "zq", so the search looks at every article it may before giving up
        let items = (0..<(SearchWindow.budget + 100)).map {
            SearchFixture.item("n\($0)", "New \($0)", body: String(repeating: "<p>fresh words here</p>", count: 20), minutesAgo: Double($0))
        }
        _ = try store.apply(FeedDocument(format: .rss20, items: items), toFeed: feed)
        let connection = try #require(store.searchConnection())
        final class Outcome: @unchecked Sendable {
            let lock = NSLock()
            var value: String?
            func set(_ v: String) { lock.withLock { value = v } }
            var get: String? { lock.withLock { value } }
        }
        let outcome = Outcome()
        let started = Date()
        Thread.detachNewThread {
            do throws(SearchConnectionError) {
                let page = try connection.searchPage("zq*", limit: 10, after: nil)
                outcome.set("\(page.rows.count) rows")
            } catch {
                if case .interrupted = error { outcome.set("interrupted") } else { outcome.set("failed: \(error)") }
            }
        }
        Thread.sleep(forTimeInterval: 0.05)
        connection.interrupt()
        while outcome.get == nil && Date().timeIntervalSince(started) < 60 { Thread.sleep(forTimeInterval: 0.01) }
        #expect(outcome.get == "interrupted")
        // The next search runs as usual
        #expect(try connection.searchPage("fr*", limit: 3, after: nil).rows.count == 3)
    }
}
