import Foundation
import Testing
import TidingsFetch
@testable import TidingsRefresh
import TidingsStore

/// 410, 429/503 and redirects as a refresh sees them: what is stored, what is skipped next time.
@Suite struct StatusAndRedirectTests {
    @Test func goneIsNotFetchedAgainUntilForced() async throws {
        let alive = Shared(false)
        let server = try Server { _ in alive.value ? .ok(FeedText.rss(items: ["back"])) : .status(410, body: "gone") }
        defer { server.stop() }
        let good = try goodServer(host: "127.0.0.2")
        defer { good.stop() }
        let harness = try Harness()
        defer { harness.cleanUp() }
        let feed = try harness.add(server.url("/gone"))
        let goodFeed = try harness.add(good.url("/good.xml"))
        let run = try await harness.refresh()
        #expect(run.status(feed) == .gone)
        try expectGoodFeedUpdated(run, goodFeed, harness)
        var info = try harness.feed(feed.id)
        #expect(info.gone && info.httpStatus == 410 && info.health(at: Date()) == .gone)

        let again = try await harness.refresh()
        #expect(again.status(feed) == .skipped(.gone))
        let due = try await harness.refresh(selection: RefreshSelection(dueOnly: true))
        #expect(due.status(feed) == .skipped(.gone))
        #expect(server.requests.count == 1)

        alive.value = true
        let forced = try await harness.refresh([feed], selection: RefreshSelection(force: true))
        #expect(forced.inserted(feed) == 1)
        info = try harness.feed(feed.id)
        #expect(!info.gone && info.failures == 0 && info.health(at: Date()) == .ok)
        #expect(server.requests.count == 2)
    }

    @Test func retryAfterSecondsBlocksTheWholeHostAndCancelsItsQueue() async throws {
        let limited = try Server(host: "127.0.0.3") { _ in .status(429, headers: [Header("Retry-After", "7200")]) }
        defer { limited.stop() }
        let good = try goodServer(host: "127.0.0.2")
        defer { good.stop() }
        let harness = try Harness()
        defer { harness.cleanUp() }
        let feeds = try (1...5).map { try harness.add(limited.url("/feed\($0).xml")) }
        let goodFeed = try harness.add(good.url("/good.xml"))
        let before = Date()
        let run = try await harness.refresh(engine: harness.engine(Harness.settings(concurrency: 6)))
        let after = Date()
        try expectGoodFeedUpdated(run, goodFeed, harness)
        // One request to the host: the four queued behind it were cancelled, not sent.
        #expect(limited.requests.count == 1)
        let statuses = feeds.compactMap { run.status($0) }
        #expect(statuses.filter { if case .rateLimited = $0 { return true }; return false }.count == 1)
        #expect(statuses.filter { if case .skipped(.hostRateLimited) = $0 { return true }; return false }.count == 4)
        for feed in feeds {
            let info = try harness.feed(feed.id)
            let until = try #require(info.rateLimitedUntil)
            // Exactly what the server said, counted from its answer (stored to the second).
            #expect(until >= before.addingTimeInterval(7200 - 1) && until <= after.addingTimeInterval(7200 + 1), "\(until)")
            #expect(info.health(at: Date()) == .rateLimited)
        }
        // Not an error count for a server that said when to come back.
        #expect(try harness.feed(feeds[0].id).failures == 0)
        let again = try await harness.refresh()
        #expect(feeds.allSatisfy { if case .skipped(.rateLimited) = again.status($0) { return true }; return false })
        #expect(limited.requests.count == 1)
    }

    @Test func retryAfterHTTPDateOn503() async throws {
        let until = Date().addingTimeInterval(3 * 3600)
        let server = try Server(host: "127.0.0.4") { _ in .status(503, headers: [Header("Retry-After", HTTPDate.format(until))]) }
        defer { server.stop() }
        let harness = try Harness()
        defer { harness.cleanUp() }
        let feed = try harness.add(server.url("/f"))
        let run = try await harness.refresh()
        guard case .rateLimited(let stored) = run.status(feed) else { Issue.record("\(String(describing: run.status(feed)))"); return }
        #expect(abs(stored.timeIntervalSince(until)) < 2)
        #expect(try harness.feed(feed.id).httpStatus == 503)
    }

    @Test func retryAfterIsCappedAtSevenDays() async throws {
        let server = try Server(host: "127.0.0.4") { _ in .status(429, headers: [Header("Retry-After", "99999999")]) }
        defer { server.stop() }
        let harness = try Harness()
        defer { harness.cleanUp() }
        let feed = try harness.add(server.url("/f"))
        let before = Date()
        _ = try await harness.refresh()
        let after = Date()
        let until = try #require(try harness.feed(feed.id).rateLimitedUntil)
        #expect(until <= after.addingTimeInterval(7 * 86_400 + 1))
        #expect(until >= before.addingTimeInterval(7 * 86_400 - 1))
    }

    @Test(arguments: [429, 503])
    func withoutRetryAfterItBacksOff(_ status: Int) async throws {
        let server = try Server(host: "127.0.0.5") { _ in .status(status) }
        defer { server.stop() }
        let harness = try Harness()
        defer { harness.cleanUp() }
        let feed = try harness.add(server.url("/f"))
        let before = Date()
        _ = try await harness.refresh()
        let after = Date()
        var info = try harness.feed(feed.id)
        #expect(info.failures == 1)
        #expect(info.lastError?.hasPrefix("HTTP \(status) ") == true && info.lastError?.contains("without Retry-After") == true,
                "the user sees why the host waits: \(info.lastError ?? "nil")")
        let next = try #require(info.nextFetch)
        #expect(next >= before.addingTimeInterval(3600 - 1) && next <= after.addingTimeInterval(3600 + 1), "\(next)")
        _ = try await harness.refresh(selection: RefreshSelection(force: true))
        info = try harness.feed(feed.id)
        let second = try #require(info.nextFetch).timeIntervalSince(before)
        // --force re-enables, so the count starts again; a second natural failure doubles.
        #expect(second >= 3600 - 5, "\(second)")
    }

    // MARK: Redirects

    @Test func permanentChainsRewriteTheStoredURLTemporaryOnesDoNot() async throws {
        let server = try Server { r in
            switch r.path {
            case "/301": return .redirect(301, to: "/301b")
            case "/301b": return .redirect(308, to: "/final-a.xml")
            case "/mixed": return .redirect(301, to: "/mixed2")
            case "/mixed2": return .redirect(302, to: "/final-b.xml")
            case "/temp": return .redirect(307, to: "/final-c.xml")
            case "/to-page": return .redirect(301, to: "/page.html")
            case "/page.html": return .ok(FeedText.page(), type: "text/html")
            case let p where p.hasPrefix("/final"): return .ok(FeedText.rss(items: [String(p.dropFirst())]))
            default: return .status(404)
            }
        }
        defer { server.stop() }
        let harness = try Harness()
        defer { harness.cleanUp() }
        let permanent = try harness.add(server.url("/301"))
        let mixed = try harness.add(server.url("/mixed"))
        let temporary = try harness.add(server.url("/temp"))
        let toPage = try harness.add(server.url("/to-page"))
        let run = try await harness.refresh()
        #expect(run.inserted(permanent) == 1 && run.inserted(mixed) == 1 && run.inserted(temporary) == 1)
        #expect(try harness.feed(permanent.id).source == server.url("/final-a.xml"))
        #expect(try harness.feed(mixed.id).source == server.url("/mixed"))
        #expect(try harness.feed(temporary.id).source == server.url("/temp"))
        // All hops 301, but the answer was not a feed: the URL stays.
        #expect(run.error(toPage) != nil)
        #expect(try harness.feed(toPage.id).source == server.url("/to-page"))
        // The next refresh asks the new URL directly.
        _ = try await harness.refresh([permanent])
        #expect(server.requests.last?.path == "/final-a.xml")
        #expect(server.requests("/301").count == 1)
    }

    @Test func redirectFailuresAreEachOneFeedsError() async throws {
        let inside = try Server(host: "127.0.0.1") { _ in .ok(FeedText.rss(items: ["private"])) }
        defer { inside.stop() }
        let server = try Server(host: "127.0.0.6") { r in
            switch r.path {
            case "/loop-a": return .redirect(301, to: "/loop-b")
            case "/loop-b": return .redirect(301, to: "/loop-a")
            case "/passwd": return .redirect(302, to: "file:///etc/passwd")
            case "/private": return .redirect(302, to: inside.url("/admin"))
            case let p where p.hasPrefix("/hop"):
                let n = Int(p.dropFirst(4)) ?? 0
                return n >= 11 ? .ok(FeedText.rss(items: ["far"])) : .redirect(302, to: "/hop\(n + 1)")
            default: return .status(404)
            }
        }
        defer { server.stop() }
        let good = try goodServer(host: "127.0.0.2")
        defer { good.stop() }
        let harness = try Harness()
        defer { harness.cleanUp() }
        let loop = try harness.add(server.url("/loop-a"))
        let passwd = try harness.add(server.url("/passwd"))
        let privateHop = try harness.add(server.url("/private"))
        let tooMany = try harness.add(server.url("/hop0"))
        let goodFeed = try harness.add(good.url("/good.xml"))
        // 127.0.0.6 plays a public host; 127.0.0.1 stays private.
        let engine = harness.engine(classifier: HostClassifier(treatedAsPublic: ["127.0.0.6", "127.0.0.2"]))
        let run = try await harness.refresh(engine: engine)
        try expectGoodFeedUpdated(run, goodFeed, harness)
        #expect(run.error(loop)?.hasPrefix("redirect: more than 10") == true, "\(String(describing: run.error(loop)))")
        #expect(run.error(tooMany)?.hasPrefix("redirect: more than 10") == true)
        #expect(run.error(passwd) == "redirect: refused a redirect to a file: URL (only http and https are followed)")
        #expect(run.error(privateHop)?.contains("private address 127.0.0.1") == true)
        #expect(inside.requests.isEmpty)
        #expect(server.requests("/hop11").isEmpty && server.requests("/hop10").count == 1)
        for feed in [loop, passwd, privateHop, tooMany] {
            #expect(try harness.feed(feed.id).health(at: Date()) == .backoff)
            #expect(try harness.titles(feed).isEmpty)
        }
    }

    @Test func basicAuthGoesToItsOriginOnlyAndIsNeverShown() async throws {
        let secret = "pa55-w0rd"
        let other = try Server(host: "127.0.0.7") { _ in .ok(FeedText.rss(items: ["moved"])) }
        defer { other.stop() }
        let home = try Server(host: "127.0.0.1") { r in
            guard r.header("Authorization") == "Basic " + Data("reader:\(secret)".utf8).base64EncodedString() else {
                return .status(401, headers: [Header("WWW-Authenticate", "Basic realm=\"feeds\"")])
            }
            switch r.path {
            case "/private.xml": return .ok(FeedText.rss(items: ["members only"]))
            case "/away": return .redirect(302, to: other.url("/public.xml"))
            default: return .status(404)
            }
        }
        defer { home.stop() }
        let harness = try Harness()
        defer { harness.cleanUp() }
        let authed = try harness.add("http://reader:\(secret)@127.0.0.1:\(home.port)/private.xml")
        let away = try harness.add("http://reader:\(secret)@127.0.0.1:\(home.port)/away")
        let wrong = try harness.add("http://reader:nope@127.0.0.1:\(home.port)/private.xml")
        let run = try await harness.refresh()
        #expect(run.inserted(authed) == 1)
        #expect(run.inserted(away) == 1)
        #expect(other.requests.count == 1 && other.requests[0].header("Authorization") == nil)
        let error = try #require(run.error(wrong))
        #expect(error.hasPrefix("HTTP 401"))
        for text in run.problems + [run.line] + (try harness.store.feeds()).map(\.displaySource) + [error] {
            #expect(!text.contains(secret) && !text.contains("nope"), "\(text)")
        }
        #expect(try harness.feed(authed.id).displaySource == "http://***@127.0.0.1:\(home.port)/private.xml")
    }
}
