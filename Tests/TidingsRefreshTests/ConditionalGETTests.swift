import Foundation
import Testing
import TidingsFetch
@testable import TidingsRefresh
import TidingsStore

/// Validators: never invented, echoed byte for byte, refreshed from every 200 and 304.
@Suite struct ConditionalGETTests {
    @Test func firstFetchSendsNoValidatorsThen304EchoesThemExactly() async throws {
        let etag = #"W/"a1b2  c3""#
        let lastModified = "Tue,  14 Nov 2023 22:13:20 GMT"
        let server = try Server { r in
            if r.header("If-None-Match") == etag && r.header("If-Modified-Since") == lastModified { return .status(304) }
            return .ok(FeedText.rss(items: ["one", "two"]), headers: [Header("ETag", etag), Header("Last-Modified", lastModified)])
        }
        defer { server.stop() }
        let harness = try Harness()
        defer { harness.cleanUp() }
        let feed = try harness.add(server.url("/feed.xml"))
        let first = try await harness.refresh()
        #expect(first.inserted(feed) == 2)
        #expect(server.requests[0].header("If-None-Match") == nil && server.requests[0].header("If-Modified-Since") == nil)
        let state = try harness.state(feed)
        #expect(state.etag == etag && state.lastModified == lastModified && state.httpStatus == 200)

        let second = try await harness.refresh()
        #expect(second.status(feed) == .unchanged)
        #expect(server.requests.count == 2)
        #expect(server.requests[1].header("If-None-Match") == etag)
        #expect(server.requests[1].header("If-Modified-Since") == lastModified)
        #expect(try harness.state(feed).httpStatus == 304)
        #expect(try harness.titles(feed) == ["one", "two"])
    }

    @Test func onlyTheValidatorsTheServerGaveAreSent() async throws {
        let server = try Server { r in
            r.path == "/etag-only" ? .ok(FeedText.rss(items: ["e"]), headers: [Header("ETag", "\"only\"")])
                : .ok(FeedText.rss(items: ["m"]), headers: [Header("Last-Modified", "Tue, 14 Nov 2023 22:13:20 GMT")])
        }
        defer { server.stop() }
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.add(server.url("/etag-only"))
        try harness.add(server.url("/date-only"))
        _ = try await harness.refresh()
        _ = try await harness.refresh()
        let etagOnly = server.requests("/etag-only")
        let dateOnly = server.requests("/date-only")
        #expect(etagOnly.count == 2 && dateOnly.count == 2)
        #expect(etagOnly[1].header("If-None-Match") == "\"only\"" && etagOnly[1].header("If-Modified-Since") == nil)
        #expect(dateOnly[1].header("If-Modified-Since") == "Tue, 14 Nov 2023 22:13:20 GMT" && dateOnly[1].header("If-None-Match") == nil)
    }

    @Test func a304UpdatesTheValidatorsItCarriesAndKeepsTheOthers() async throws {
        let round = Shared(0)
        let server = try Server { r in
            round.value += 1
            if round.value == 1 {
                return .ok(FeedText.rss(items: ["a"]), headers: [Header("ETag", "\"v1\""), Header("Last-Modified", "Mon, 13 Nov 2023 10:00:00 GMT")])
            }
            return .status(304, headers: [Header("ETag", "\"v2\"")])
        }
        defer { server.stop() }
        let harness = try Harness()
        defer { harness.cleanUp() }
        let feed = try harness.add(server.url("/f"))
        _ = try await harness.refresh()
        let run = try await harness.refresh()
        #expect(run.status(feed) == .unchanged)
        let state = try harness.state(feed)
        #expect(state.etag == "\"v2\"")
        #expect(state.lastModified == "Mon, 13 Nov 2023 10:00:00 GMT")
        _ = try await harness.refresh()
        #expect(server.requests.last?.header("If-None-Match") == "\"v2\"")
    }

    @Test func anUnchanged200UpdatesValidatorsAndWritesNoArticles() async throws {
        let round = Shared(0)
        let body = FeedText.rss(items: ["same"])
        let server = try Server { _ in
            round.value += 1
            // A server that ignores If-None-Match and rotates its ETag on every answer.
            return .ok(body, headers: [Header("ETag", "\"rev-\(round.value)\"")])
        }
        defer { server.stop() }
        let harness = try Harness()
        defer { harness.cleanUp() }
        let feed = try harness.add(server.url("/f"))
        _ = try await harness.refresh()
        let article = try #require(try harness.store.articles(feed: feed.id, limit: 10).first)
        try harness.store.setRead([article.id], true)
        let updated = try harness.feed(feed.id).lastUpdated
        let run = try await harness.refresh()
        #expect(run.status(feed) == .unchanged)
        #expect(try harness.state(feed).etag == "\"rev-2\"")
        #expect(try harness.feed(feed.id).lastUpdated == updated)
        // Not re-imported: the article the user read stays read.
        #expect(try harness.store.articles(feed: feed.id, limit: 10).map(\.isRead) == [true])
        #expect(server.requests[1].header("If-None-Match") == "\"rev-1\"")
    }

    @Test(arguments: ["gzip", "deflate"])
    func compressedFeedsAreDecodedAndParsed(_ coding: String) async throws {
        let xml = Data(FeedText.rss(items: ["zipped-1", "zipped-2", "zipped-3"]).utf8)
        let server = try Server { _ in
            Reply(status: 200, headers: [Header("Content-Type", "application/rss+xml"), Header("Content-Encoding", coding)],
                  body: coding == "gzip" ? Compression.gzip(xml) : Compression.zlib(xml))
        }
        defer { server.stop() }
        let harness = try Harness()
        defer { harness.cleanUp() }
        let feed = try harness.add(server.url("/z"))
        let run = try await harness.refresh()
        #expect(run.inserted(feed) == 3)
        #expect(server.requests.first?.header("Accept-Encoding") == "gzip, deflate")
    }

    @Test func cacheHintsAndTTLPushTheNextFetch() async throws {
        let server = try Server { r in
            switch r.path {
            case "/max-age": return .ok(FeedText.rss(items: ["x"]), headers: [Header("Cache-Control", "max-age=10800"), Header("Age", "3600")])
            case "/ttl": return .ok(FeedText.rss(items: ["y"], ttl: 240))
            case "/no-cache": return .ok(FeedText.rss(items: ["z"]), headers: [Header("Cache-Control", "no-cache, max-age=99999")])
            default: return .ok(FeedText.rss(items: ["w"]), headers: [Header("Cache-Control", "max-age=2592000")])
            }
        }
        defer { server.stop() }
        let harness = try Harness()
        defer { harness.cleanUp() }
        let maxAge = try harness.add(server.url("/max-age"))
        let ttl = try harness.add(server.url("/ttl"))
        let noCache = try harness.add(server.url("/no-cache"))
        let month = try harness.add(server.url("/month"))
        let before = Date()
        _ = try await harness.refresh()
        // Generous on the late side: a loaded machine may take a while between answer and store.
        let slack = Date().timeIntervalSince(before) + 1
        func wait(_ feed: FeedInfo) throws -> TimeInterval {
            try #require(try harness.feed(feed.id).nextFetch).timeIntervalSince(before)
        }
        // max-age 3 h minus Age 1 h = 2 h (jitter never brings it sooner).
        #expect(try wait(maxAge) >= 2 * 3600 - 1 && wait(maxAge) <= 2.2 * 3600 + slack)
        // RSS <ttl> 240 minutes: four hours.
        let ttlWait = try wait(ttl)
        #expect(ttlWait >= 4 * 3600 - 1 && ttlWait <= 4.4 * 3600 + slack)
        #expect(try wait(noCache) >= 0.9 * 3600 - 1 && wait(noCache) <= 1.1 * 3600 + slack)
        #expect(try wait(month) >= 24 * 3600 - 1 && wait(month) <= 26.4 * 3600 + slack)
    }
}
