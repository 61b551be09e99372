import Foundation
import Testing
import TidingsFetch
@testable import TidingsRefresh
import TidingsStore

/// Every broken answer is one feed's error, with words a user can act on and a backoff; the
/// other feeds of the same refresh still update, and the failing feed keeps what it had.
@Suite struct FailureTests {
    /// Refreshes a good feed and one served by `reply`, and returns the bad feed's error.
    private func failure(_ settings: RefreshSettings = Harness.settings(), lifetime: TimeInterval = 120,
                         _ reply: @escaping @Sendable (LoopbackServer.Request) -> Reply) async throws -> (String?, FeedInfo, Harness) {
        let good = try goodServer(host: "127.0.0.2")
        defer { good.stop() }
        let bad = try Server(lifetime: lifetime, handler: reply)
        defer { bad.stop() }
        let harness = try Harness()
        let goodFeed = try harness.add(good.url("/good.xml"))
        let badFeed = try harness.add(bad.url("/bad.xml"))
        let run = try await harness.refresh(engine: harness.engine(settings))
        try expectGoodFeedUpdated(run, goodFeed, harness)
        let state = try harness.feed(badFeed.id)
        #expect(state.failures == 1, "\(String(describing: run.status(badFeed)))")
        #expect(state.lastError == run.error(badFeed))
        // Backoff: the next attempt is scheduled, never a silent give-up.
        #expect(state.nextFetch.map { $0 > Date() } == true)
        #expect(state.health(at: Date()) == .backoff)
        return (run.error(badFeed), badFeed, harness)
    }

    @Test func slowDripPastTheTotalDeadline() async throws {
        let (error, _, harness) = try await failure(Harness.settings(timeout: 2)) { _ in
            Reply(status: 200, headers: [Header("Content-Type", "application/rss+xml")],
                  body: Data(FeedText.rss(items: ["never"]).utf8), mode: .drip(every: 0.1))
        }
        defer { harness.cleanUp() }
        #expect(error?.hasPrefix("timeout:") == true, "\(String(describing: error))")
    }

    @Test func headersNeverSent() async throws {
        let (error, _, harness) = try await failure(Harness.settings(timeout: 2)) { _ in Reply(status: 200, mode: .silent) }
        defer { harness.cleanUp() }
        #expect(error?.hasPrefix("timeout:") == true, "\(String(describing: error))")
    }

    @Test func connectionResetMidBody() async throws {
        let (error, _, harness) = try await failure { _ in
            Reply(status: 200, body: Data(FeedText.rss(items: (1...50).map { "item \($0)" }).utf8), mode: .reset(afterBytes: 500))
        }
        defer { harness.cleanUp() }
        #expect(error?.hasPrefix("transfer:") == true, "\(String(describing: error))")
    }

    @Test func truncatedChunkedBody() async throws {
        let (error, _, harness) = try await failure { _ in
            Reply(status: 200, body: Data(FeedText.rss(items: (1...50).map { "item \($0)" }).utf8), mode: .truncatedChunked)
        }
        defer { harness.cleanUp() }
        #expect(error?.hasPrefix("transfer:") == true, "\(String(describing: error))")
    }

    @Test func hugeContentLengthIsRefusedBeforeTheBody() async throws {
        let (error, _, harness) = try await failure(Harness.settings(timeout: 60)) { _ in
            Reply(status: 200, headers: [Header("Content-Length", "53687091200")], body: Data("<rss>".utf8), mode: .drip(every: 1))
        }
        defer { harness.cleanUp() }
        #expect(error?.hasPrefix("size limit:") == true, "\(String(describing: error))")
    }

    @Test func gzipBombStopsAtTheCap() async throws {
        let bomb = Compression.gzipBomb()
        let (error, _, harness) = try await failure(Harness.settings(timeout: 120, maxBytes: 1 << 20)) { _ in
            Reply(status: 200, headers: [Header("Content-Type", "application/rss+xml"), Header("Content-Encoding", "gzip")],
                  body: bomb.head, mode: .stream(unit: bomb.unit, times: 20))
        }
        defer { harness.cleanUp() }
        #expect(error?.hasPrefix("size limit:") == true, "\(String(describing: error))")
        #expect(error?.contains("1 MiB") == true)
    }

    @Test func empty200() async throws {
        let (error, _, harness) = try await failure { _ in .ok("") }
        defer { harness.cleanUp() }
        #expect(error?.hasPrefix("not a feed:") == true && error?.contains("empty") == true, "\(String(describing: error))")
    }

    @Test(arguments: [404, 403, 500, 401])
    func httpErrorsBackOff(_ status: Int) async throws {
        let (error, feed, harness) = try await failure { _ in .status(status, body: "no") }
        defer { harness.cleanUp() }
        #expect(error?.hasPrefix("HTTP \(status)") == true, "\(String(describing: error))")
        #expect(try harness.state(feed).httpStatus == status)
    }

    @Test func htmlPageIsNotAFeedAndKeepsOldArticlesAndValidators() async throws {
        let html = Shared(false)
        let server = try Server { _ in
            html.value ? .ok(FeedText.page(), type: "text/html; charset=utf-8", headers: [Header("ETag", "\"page\"")])
                : .ok(FeedText.rss(items: ["kept-1", "kept-2"]), headers: [Header("ETag", "\"feed\""), Header("Last-Modified", "Mon, 13 Nov 2023 10:00:00 GMT")])
        }
        defer { server.stop() }
        let good = try goodServer(host: "127.0.0.2")
        defer { good.stop() }
        let harness = try Harness()
        defer { harness.cleanUp() }
        let feed = try harness.add(server.url("/feed"))
        _ = try await harness.refresh()
        html.value = true
        let goodFeed = try harness.add(good.url("/good.xml"))
        let run = try await harness.refresh()
        try expectGoodFeedUpdated(run, goodFeed, harness)
        let error = try #require(run.error(feed))
        #expect(error.hasPrefix("not a feed:") && error.contains("web page"), "\(error)")
        #expect(try harness.titles(feed) == ["kept-1", "kept-2"])
        let state = try harness.state(feed)
        #expect(state.etag == "\"feed\"" && state.lastModified == "Mon, 13 Nov 2023 10:00:00 GMT")
        #expect(state.lastError == error)
    }

    @Test func wrongContentTypeIsAWarningNotAnError() async throws {
        let server = try Server { _ in .ok(FeedText.rss(items: ["plain"]), type: "text/plain") }
        defer { server.stop() }
        let harness = try Harness()
        defer { harness.cleanUp() }
        let feed = try harness.add(server.url("/f.txt"))
        let run = try await harness.refresh()
        #expect(run.inserted(feed) == 1)
        #expect(run.warnings(feed)?.first?.contains("text/plain") == true)
        #expect(try harness.feed(feed.id).lastError == nil)
    }

    /// BOM, then the Content-Type charset, then the XML declaration.
    @Test func charsetPrecedence() async throws {
        func rss(_ declaration: String, _ title: String) -> String {
            "<?xml version=\"1.0\" encoding=\"\(declaration)\"?><rss version=\"2.0\"><channel><title>c</title><item><title>\(title)</title><guid>1</guid></item></channel></rss>"
        }
        let latin1 = { (s: String) in s.data(using: .isoLatin1)! }
        let cases: [(String, String, Data)] = [
            // BOM says UTF-8; the header and declaration say otherwise.
            ("/bom", "application/rss+xml; charset=iso-8859-1", Data([0xEF, 0xBB, 0xBF]) + Data(rss("windows-1252", "café ☕").utf8)),
            // No BOM: the header's Latin-1 beats the declaration's UTF-8.
            ("/header", "application/rss+xml; charset=\"ISO-8859-1\"", latin1(rss("utf-8", "café"))),
            // The header says UTF-8 over a declaration that says Latin-1.
            ("/header-utf8", "text/xml; charset=utf-8", Data(rss("iso-8859-1", "café").utf8)),
            // Nothing but the declaration.
            ("/declaration", "application/rss+xml", latin1(rss("iso-8859-1", "café"))),
            // UTF-16 with its BOM, whatever the header claims.
            ("/utf16", "application/xml; charset=utf-8", Data([0xFF, 0xFE]) + rss("utf-16", "café").data(using: .utf16LittleEndian)!),
        ]
        let server = try Server { r in
            guard let c = cases.first(where: { $0.0 == r.path }) else { return .status(404) }
            return Reply(status: 200, headers: [Header("Content-Type", c.1)], body: c.2)
        }
        defer { server.stop() }
        let harness = try Harness()
        defer { harness.cleanUp() }
        let feeds = try cases.map { try harness.add(server.url($0.0)) }
        let run = try await harness.refresh()
        for (feed, c) in zip(feeds, cases) {
            #expect(run.inserted(feed) == 1, "\(c.0): \(String(describing: run.status(feed)))")
            let expected = c.0 == "/bom" ? "café ☕" : "café"
            #expect(try harness.titles(feed) == [expected], "\(c.0)")
        }
    }
}
