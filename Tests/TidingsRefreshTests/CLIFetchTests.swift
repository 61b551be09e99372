import Foundation
import Testing

/// `add`, `refresh`, `feeds` through the real binary against loopback servers.
@Suite struct CLIFetchTests {
    @Test func addURLCostsExactlyOneGETAndImports() async throws {
        let server = try Server { _ in
            .ok(FeedText.rss("Harbor", items: ["first", "second"]), headers: [Header("ETag", "\"h1\"")])
        }
        defer { server.stop() }
        let cli = try CLI()
        defer { cli.cleanUp() }
        let added = try await cli.run(["add", server.url("/rss")])
        #expect(added.status == 0, "\(added.all)")
        #expect(added.stdout.contains("Added feed 1: Harbor (2 new articles)"), "\(added.stdout)")
        #expect(server.requests.count == 1)
        #expect(server.requests[0].method == "GET" && server.requests[0].header("If-None-Match") == nil)
        #expect(server.requests[0].header("User-Agent")?.hasPrefix("Tidings/") == true)
        let feed = try #require(try await cli.feeds().first)
        #expect(feed["state"] as? String == "ok")
        #expect((feed["httpStatus"] as? NSNumber)?.intValue == 200)
        #expect(feed["lastError"] is NSNull)
        #expect(feed["source"] as? String == server.url("/rss"))
        let next = try #require(feed["nextFetch"] as? String)
        let date = try #require(ISO8601DateFormatter().date(from: next))
        #expect(date > Date().addingTimeInterval(0.8 * 3600) && date < Date().addingTimeInterval(1.2 * 3600))
    }

    @Test func addWebPageSubscribesToTheFeedItLinksTo() async throws {
        let server = try Server { r in
            switch r.path {
            case "/blog/": return .ok(FeedText.page(links: [("main.xml", "application/rss+xml"), ("/atom.xml", "application/atom+xml")],
                                                     base: "/feeds/"), type: "text/html; charset=utf-8")
            case "/feeds/main.xml": return .ok(FeedText.rss("Blog", items: ["post"]))
            default: return .status(404)
            }
        }
        defer { server.stop() }
        let cli = try CLI()
        defer { cli.cleanUp() }
        let added = try await cli.run(["add", server.url("/blog/")])
        #expect(added.status == 0, "\(added.all)")
        #expect(added.stdout.contains("is a web page; subscribing to the feed it links to: \(server.url("/feeds/main.xml"))"), "\(added.stdout)")
        #expect(added.stdout.contains("Also on the page: \(server.url("/atom.xml"))"), "\(added.stdout)")
        #expect(server.requests.map(\.path) == ["/blog/", "/feeds/main.xml"])
        let feeds = try await cli.feeds()
        #expect(feeds.count == 1)
        #expect(feeds.first?["source"] as? String == server.url("/feeds/main.xml"))
        #expect((feeds.first?["total"] as? NSNumber)?.intValue == 1)
    }

    @Test func addWebPageWithoutFeedsFailsAndKeepsNothing() async throws {
        let server = try Server { _ in .ok(FeedText.page(), type: "text/html") }
        defer { server.stop() }
        let cli = try CLI()
        defer { cli.cleanUp() }
        let added = try await cli.run(["add", server.url("/")])
        #expect(added.status == 1)
        #expect(added.stderr.contains("links to no RSS, Atom or JSON feed"), "\(added.all)")
        #expect(try await cli.feeds().isEmpty)
        #expect(server.requests.count == 1)
    }

    @Test func refreshDueForceAndExitCodes() async throws {
        let broken = Shared(false)
        let server = try Server { r in
            if r.path == "/b.xml" && broken.value { return .status(500) }
            if r.header("If-None-Match") == "\"same\"" { return .status(304) }
            return .ok(FeedText.rss(items: [r.path]), headers: [Header("ETag", "\"same\"")])
        }
        defer { server.stop() }
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try await cli.run(["add", server.url("/a.xml")]).status == 0)
        #expect(try await cli.run(["add", server.url("/b.xml")]).status == 0)
        #expect(server.requests.count == 2)

        // Nothing is due an hour ahead of time: --due sends nothing.
        let due = try await cli.run(["refresh", "--due"])
        #expect(due.status == 0, "\(due.all)")
        #expect(due.stderr.contains("skipped 2 feeds: not due yet"), "\(due.all)")
        #expect(server.requests.count == 2)

        // Without --due every feed is asked (conditionally): both 304, exit 0.
        let all = try await cli.run(["refresh"])
        #expect(all.status == 0, "\(all.all)")
        #expect(all.stdout.contains("2 unchanged"), "\(all.stdout)")
        #expect(server.requests.count == 4)

        // One fails, one is fine: exit 2, the failure on stderr and in feeds.
        broken.value = true
        let some = try await cli.run(["refresh"])
        #expect(some.status == 2, "\(some.all)")
        #expect(some.stderr.contains("HTTP 500"), "\(some.stderr)")
        // The failed feed now backs off: a plain refresh skips it.
        let skipped = try await cli.run(["refresh", server.url("/b.xml")])
        #expect(skipped.status == 0, "\(skipped.all)")
        #expect(skipped.stderr.contains("backing off"), "\(skipped.stderr)")
        #expect(server.requests("/b.xml").count == 3)
        // --force fetches it anyway; it alone fails: exit 1.
        let forced = try await cli.run(["refresh", "--force", server.url("/b.xml")])
        #expect(forced.status == 1, "\(forced.all)")
        #expect(server.requests("/b.xml").count == 4)
        let json = try await cli.run(["refresh", "--force", "--json", server.url("/b.xml")])
        let outcome = try #require((try json.json() as? [[String: Any]])?.first)
        #expect(outcome["status"] as? String == "failed" && (outcome["error"] as? String)?.hasPrefix("HTTP 500") == true)
    }

    @Test func feedsJSONShowsEachState() async throws {
        let server = try Server { r in
            switch r.path {
            case "/ok.xml": return .ok(FeedText.rss(items: ["fine"]))
            case "/gone.xml": return .status(410)
            case "/busy.xml": return .status(429, headers: [Header("Retry-After", "3600")])
            default: return .status(404)
            }
        }
        defer { server.stop() }
        // 429 blocks the whole host: the 429 feed lives on a host of its own.
        let busy = try Server(host: "127.0.0.40") { _ in .status(429, headers: [Header("Retry-After", "3600")]) }
        defer { busy.stop() }
        let cli = try CLI()
        defer { cli.cleanUp() }
        for path in ["/ok.xml", "/gone.xml", "/missing.xml"] { _ = try await cli.run(["add", "--no-refresh", server.url(path)]) }
        _ = try await cli.run(["add", "--no-refresh", busy.url("/busy.xml")])
        let run = try await cli.run(["refresh"])
        #expect(run.status == 2, "\(run.all)")
        let feeds = try await cli.feeds()
        func feed(_ suffix: String) throws -> [String: Any] { try #require(feeds.first { ($0["source"] as? String)?.hasSuffix(suffix) == true }) }
        let ok = try feed("/ok.xml"), gone = try feed("/gone.xml"), missing = try feed("/missing.xml"), limited = try feed("/busy.xml")
        #expect(ok["state"] as? String == "ok" && (ok["httpStatus"] as? NSNumber)?.intValue == 200 && ok["nextFetch"] is String)
        #expect(gone["state"] as? String == "gone" && (gone["httpStatus"] as? NSNumber)?.intValue == 410 && gone["nextFetch"] is NSNull)
        #expect((gone["lastError"] as? String)?.contains("410") == true)
        #expect(missing["state"] as? String == "backoff" && (missing["httpStatus"] as? NSNumber)?.intValue == 404)
        #expect((missing["lastError"] as? String)?.hasPrefix("HTTP 404 Not Found") == true)
        #expect(limited["state"] as? String == "rate-limited" && (limited["httpStatus"] as? NSNumber)?.intValue == 429)
        #expect(limited["rateLimitedUntil"] is String)
        // The text listing says the same in words.
        let text = try await cli.run(["feeds"]).stdout
        #expect(text.contains("\tgone\t") && text.contains("rate-limited until") && text.contains("backoff until"), "\(text)")
    }

    @Test func credentialsNeverAppearInTheCLI() async throws {
        let secret = "hunter2-secret"
        let server = try Server { r in
            r.header("Authorization") == nil ? .status(401) : .status(404)
        }
        defer { server.stop() }
        let cli = try CLI()
        defer { cli.cleanUp() }
        let url = "http://reader:\(secret)@127.0.0.1:\(server.port)/private.xml"
        let outputs = [
            try await cli.run(["add", url]),
            try await cli.run(["refresh", "--force"]),
            try await cli.run(["refresh", "--force", "--json"]),
            try await cli.run(["feeds"]),
            try await cli.run(["feeds", "--json"]),
        ]
        #expect(server.requests.count == 3)
        #expect(server.requests.allSatisfy { $0.header("Authorization") == "Basic " + Data("reader:\(secret)".utf8).base64EncodedString() })
        for output in outputs { #expect(!output.all.contains(secret), "\(output.all)") }
        #expect(outputs[4].stdout.contains("http://***@127.0.0.1:\(server.port)/private.xml"), "\(outputs[4].stdout)")
        #expect(outputs[0].stderr.contains("HTTP 404"), "\(outputs[0].all)")
    }

    /// A bomb of 415 MB in 2.6 MB. Before the delegate queue pushed back on libcurl, every decoded
    /// chunk waited in memory for the size check (a 26 MB bomb took a process to 4.4 GB).
    @Test func gzipBombKeepsTheProcessSmall() async throws {
        let bomb = Compression.gzipBomb()
        let server = try Server { _ in
            Reply(status: 200, headers: [Header("Content-Type", "application/rss+xml"), Header("Content-Encoding", "gzip")],
                  body: bomb.head, mode: .stream(unit: bomb.unit, times: 200))
        }
        defer { server.stop() }
        let cli = try CLI(config: "fetch-timeout = 300\n")
        defer { cli.cleanUp() }
        let added = try await cli.run(["add", server.url("/bomb.xml")], measureMemory: true)
        #expect(added.status == 1, "\(added.all)")
        #expect(added.stderr.contains("size limit: the response is larger than 15 MiB"), "\(added.stderr)")
        #expect(added.peakKiB > 0 && added.peakKiB < 250 * 1024, "peak \(added.peakKiB) KiB")
    }
}
