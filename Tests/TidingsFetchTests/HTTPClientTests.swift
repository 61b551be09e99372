import Foundation
import Testing
@testable import TidingsFetch

/// The client alone against the byte-level loopback server: request shape, validators, decoding,
/// redirects, deadlines, size caps and broken connections. Every test runs its own server.
@Suite struct HTTPClientTests {
    typealias Server = LoopbackServer
    typealias Reply = LoopbackServer.Reply
    typealias Header = LoopbackServer.Header

    static let feed = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Loopback</title><item><title>One</title><guid>1</guid></item></channel></rss>
        """

    private func outcome(_ client: HTTPClient, _ request: HTTPRequest) async -> Result<HTTPResponse, FetchError> {
        do { return .success(try await client.fetch(request)) } catch { return .failure(error) }
    }

    private func error(_ client: HTTPClient, _ request: HTTPRequest) async -> FetchError? {
        if case .failure(let e) = await outcome(client, request) { return e }
        return nil
    }

    private func request(_ url: String, etag: String? = nil, lastModified: String? = nil, deadline: TimeInterval = 60,
                         maxBytes: Int = 15 << 20) -> HTTPRequest {
        HTTPRequest(url: URL(string: url)!, etag: etag, lastModified: lastModified, deadline: deadline, maxBytes: maxBytes)
    }

    @Test func requestShapeIsAPoliteGET() async throws {
        let server = try Server { _ in .ok(Self.feed, headers: [Header("Set-Cookie", "session=abc; Path=/")]) }
        defer { server.stop() }
        let client = HTTPClient(version: "9.9.9")
        for _ in 0..<2 { _ = try await client.fetch(request(server.url("/feed.xml"))) }
        let requests = server.requests
        #expect(requests.count == 2)
        for r in requests {
            #expect(r.method == "GET")
            #expect(r.target == "/feed.xml", "no cache-busting parameters")
            #expect(r.header("User-Agent") == "Tidings/9.9.9 (+\(UserAgent.projectURL))")
            #expect(r.header("Accept")?.hasPrefix("application/rss+xml, application/atom+xml, application/feed+json") == true)
            #expect(r.header("Accept-Encoding") == "gzip, deflate")
            for absent in ["Cookie", "Referer", "If-None-Match", "If-Modified-Since", "Authorization", "Cache-Control", "Pragma"] {
                #expect(r.header(absent) == nil, "\(absent) sent: \(r)")
            }
            #expect(r.headers(named: "User-Agent").count == 1)
        }
    }

    @Test func validatorsAreEchoedByteForByte() async throws {
        let etag = #"W/"5f-a  b\x""#
        let lastModified = "Sun,  06 Nov 1994 08:49:37 GMT"
        let server = try Server { r in
            r.header("If-None-Match") == nil ? .ok(Self.feed, headers: [Header("ETag", etag), Header("Last-Modified", lastModified)])
                : .status(304, headers: [Header("ETag", etag)])
        }
        defer { server.stop() }
        let client = HTTPClient(version: "1")
        let first = try await client.fetch(request(server.url("/f")))
        #expect(first.status == 200)
        #expect(first.header("etag") == etag)
        #expect(first.header("last-modified") == lastModified)
        let second = try await client.fetch(request(server.url("/f"), etag: first.header("etag"), lastModified: first.header("last-modified")))
        #expect(second.status == 304)
        #expect(second.body.isEmpty)
        let sent = try #require(server.requests.last)
        #expect(sent.header("If-None-Match") == etag)
        #expect(sent.header("If-Modified-Since") == lastModified)
    }

    @Test(arguments: ["gzip", "deflate"])
    func compressedBodiesAreDecoded(_ coding: String) async throws {
        let body = String(repeating: Self.feed + "\n", count: 50)
        let encoded = coding == "gzip" ? Compression.gzip(Data(body.utf8)) : Compression.zlib(Data(body.utf8))
        let server = try Server { _ in
            Reply(status: 200, headers: [Header("Content-Type", "application/rss+xml"), Header("Content-Encoding", coding)], body: encoded)
        }
        defer { server.stop() }
        let response = try await HTTPClient(version: "1").fetch(request(server.url("/z")))
        #expect(response.status == 200)
        #expect(response.body == Data(body.utf8))
    }

    @Test func relativeLocationIsResolvedPerRFC3986() async throws {
        let server = try Server { r in
            switch r.path {
            case "/blog/feed": return .redirect(301, to: "rss.xml")
            case "/blog/rss.xml": return .redirect(308, to: "../feeds/./main.xml?x=1")
            case "/feeds/main.xml": return .ok(Self.feed)
            default: return .status(404)
            }
        }
        defer { server.stop() }
        let response = try await HTTPClient(version: "1").fetch(request(server.url("/blog/feed")))
        #expect(response.status == 200)
        #expect(response.url.absoluteString == server.url("/feeds/main.xml?x=1"))
        #expect(response.hops.map(\.status) == [301, 308])
        #expect(response.movedPermanently)
        #expect(server.requests.map(\.target) == ["/blog/feed", "/blog/rss.xml", "/feeds/main.xml?x=1"])
    }

    @Test func tenRedirectsAreFollowedElevenAreNot() async throws {
        let server = try Server { r in
            guard let n = Int(r.path.dropFirst()) else { return .status(404) }
            return n == 0 ? .ok(Self.feed) : .redirect(302, to: "/\(n - 1)")
        }
        defer { server.stop() }
        let client = HTTPClient(version: "1")
        let ten = try await client.fetch(request(server.url("/10")))
        #expect(ten.status == 200 && ten.hops.count == 10 && !ten.movedPermanently)
        #expect(await error(client, request(server.url("/11"))) == .tooManyRedirects(limit: 10))
        // Eleven requests for /11..1: the eleventh Location is never requested.
        #expect(server.requests.filter { $0.target == "/0" }.count == 1)
    }

    @Test func redirectLoopStops() async throws {
        let server = try Server { r in r.path == "/a" ? .redirect(301, to: "/b") : .redirect(301, to: "/a") }
        defer { server.stop() }
        #expect(await error(HTTPClient(version: "1"), request(server.url("/a"))) == .tooManyRedirects(limit: 10))
        #expect(server.requests.count <= 11)
    }

    @Test func redirectToAFileURLIsRefused() async throws {
        let server = try Server { _ in .redirect(302, to: "file:///etc/passwd") }
        defer { server.stop() }
        let failure = await error(HTTPClient(version: "1"), request(server.url("/feed")))
        #expect(failure == .redirectScheme("file"))
        #expect(failure?.description.contains("redirect") == true)
        #expect(server.requests.count == 1)
    }

    @Test func publicToLoopbackRedirectIsRefused() async throws {
        let inside = try Server(host: "127.0.0.1") { _ in .ok("secret router page") }
        defer { inside.stop() }
        let outside = try Server(host: "127.0.0.3") { _ in .redirect(302, to: inside.url("/admin")) }
        defer { outside.stop() }
        let client = HTTPClient(version: "1", classifier: HostClassifier(treatedAsPublic: ["127.0.0.3"]))
        #expect(await error(client, request(outside.url("/feed"))) == .redirectToPrivate(host: "127.0.0.1"))
        #expect(inside.requests.isEmpty)
        // Typed as a private address by the user: followed.
        let trusting = HTTPClient(version: "1")
        let followed = try await trusting.fetch(request(outside.url("/feed")))
        #expect(followed.status == 200 && inside.requests.count == 1)
    }

    @Test func basicAuthGoesToItsOriginOnly() async throws {
        let other = try Server(host: "127.0.0.4") { _ in .ok(Self.feed) }
        defer { other.stop() }
        let home = try Server(host: "127.0.0.1") { r in
            switch r.path {
            case "/private": return r.header("Authorization") == nil ? .status(401) : .redirect(302, to: "/moved")
            case "/moved": return .redirect(302, to: other.url("/elsewhere"))
            default: return .status(404)
            }
        }
        defer { home.stop() }
        let url = "http://reader:s3cret@127.0.0.1:\(home.port)/private"
        let response = try await HTTPClient(version: "1").fetch(request(url))
        #expect(response.status == 200)
        #expect(!response.url.absoluteString.contains("s3cret"))
        let expected = "Basic " + Data("reader:s3cret".utf8).base64EncodedString()
        #expect(home.requests.map { $0.header("Authorization") } == [expected, expected])
        #expect(other.requests.count == 1)
        #expect(other.requests.allSatisfy { $0.header("Authorization") == nil })
        // The same host on another port is another origin too.
        let sibling = try Server(host: "127.0.0.1") { _ in .ok(Self.feed) }
        defer { sibling.stop() }
        let hop = try Server(host: "127.0.0.1") { _ in .redirect(301, to: sibling.url("/x")) }
        defer { hop.stop() }
        _ = try await HTTPClient(version: "1").fetch(request("http://reader:s3cret@127.0.0.1:\(hop.port)/a"))
        #expect(hop.requests.first?.header("Authorization") == expected)
        #expect(sibling.requests.first?.header("Authorization") == nil)
    }

    @Test func slowDripHitsTheTotalDeadline() async throws {
        let server = try Server(lifetime: 60) { _ in Reply(status: 200, body: Data(Self.feed.utf8), mode: .drip(every: 0.1)) }
        defer { server.stop() }
        // The idle timer (20 s) is reset by each byte; only the total deadline can stop this.
        #expect(await error(HTTPClient(version: "1"), request(server.url("/slow"), deadline: 2)) == .timedOut(seconds: 2))
    }

    @Test func headersNeverSentHitTheDeadline() async throws {
        let server = try Server(lifetime: 60) { _ in Reply(status: 200, mode: .silent) }
        defer { server.stop() }
        #expect(await error(HTTPClient(version: "1"), request(server.url("/silent"), deadline: 2)) == .timedOut(seconds: 2))
        #expect(server.requests.count == 1)
    }

    @Test func connectionResetMidBodyIsATransferError() async throws {
        let server = try Server { _ in Reply(status: 200, body: Data(String(repeating: Self.feed, count: 40).utf8), mode: .reset(afterBytes: 300)) }
        defer { server.stop() }
        let failure = await error(HTTPClient(version: "1"), request(server.url("/reset")))
        guard case .transfer = failure else { Issue.record("expected a transfer error, got \(String(describing: failure))"); return }
    }

    @Test func truncatedChunkedBodyIsAnError() async throws {
        let server = try Server { _ in Reply(status: 200, body: Data(String(repeating: Self.feed, count: 4).utf8), mode: .truncatedChunked) }
        defer { server.stop() }
        let failure = await error(HTTPClient(version: "1"), request(server.url("/chunked")))
        guard case .transfer = failure else { Issue.record("expected a transfer error, got \(String(describing: failure))"); return }
    }

    @Test func hugeContentLengthIsRefusedBeforeTheBody() async throws {
        let server = try Server(lifetime: 60) { _ in
            Reply(status: 200, headers: [Header("Content-Length", "10737418240")], body: Data(repeating: 0x41, count: 10), mode: .drip(every: 1))
        }
        defer { server.stop() }
        // The deadline is long: the refusal must come from the header, not from the clock.
        #expect(await error(HTTPClient(version: "1"), request(server.url("/huge"), deadline: 60)) == .tooLarge(limit: 15 << 20))
    }

    @Test func gzipBombStopsAtTheCap() async throws {
        let bomb = Compression.gzipBomb()
        // 20 units expand to 41 MB from 260 KB. Kept small: every URLSession of the process shares
        // one work queue, which a bomb holds while libcurl inflates it. The CLI test measures memory.
        let server = try Server { _ in
            Reply(status: 200, headers: [Header("Content-Type", "application/rss+xml"), Header("Content-Encoding", "gzip")],
                  body: bomb.head, mode: .stream(unit: bomb.unit, times: 20))
        }
        defer { server.stop() }
        #expect(await error(HTTPClient(version: "1"), request(server.url("/bomb"), maxBytes: 1 << 20)) == .tooLarge(limit: 1 << 20))
    }

    /// URLSession's cancel waits for its work queue, and libcurl does not return to that queue
    /// while the socket stays readable: a server that streams faster than Tidings reads keeps the
    /// transfer going past the cap (memory stays bounded; the bytes are dropped) until it stops.
    @Test func aFastStreamPastTheCapIsCutOffEarly() async throws {
        let unit = Data(repeating: 0x61, count: 64 << 10)
        let server = try Server { _ in Reply(status: 200, body: Data("<rss>".utf8), mode: .stream(unit: unit, times: 1000)) }
        defer { server.stop() }
        #expect(await error(HTTPClient(version: "1"), request(server.url("/stream"), maxBytes: 1 << 20)) == .tooLarge(limit: 1 << 20))
        #expect(await eventually { server.openConnections == 0 }, "the server is done with the connection, one way or the other")
        withKnownIssue("libcurl keeps reading a readable socket before URLSession's cancel runs", isIntermittent: true) {
            #expect(server.completedStreams == 0, "the server sent all \(server.bytesSent) bytes")
        }
    }

    @Test func capCountsDecodedBytesExactly() async throws {
        let server = try Server { r in
            let size = Int(r.path.dropFirst()) ?? 0
            return Reply(status: 200, body: Data(repeating: 0x61, count: size), mode: .closeDelimited)
        }
        defer { server.stop() }
        let client = HTTPClient(version: "1")
        let fits = try await client.fetch(request(server.url("/4096"), maxBytes: 4096))
        #expect(fits.body.count == 4096)
        #expect(await error(client, request(server.url("/4097"), maxBytes: 4096)) == .tooLarge(limit: 4096))
    }

    @Test func connectionRefusedSaysConnect() async throws {
        // A port that was just free: bind, read it, close.
        let server = try Server { _ in .ok("") }
        let port = server.port
        server.stop()
        let failure = await error(HTTPClient(version: "1"), request("http://127.0.0.1:\(port)/feed"))
        guard case .connect = failure else { Issue.record("expected connect, got \(String(describing: failure))"); return }
    }

    @Test func cancellingTheTaskStopsTheRequest() async throws {
        let server = try Server(lifetime: 60) { _ in Reply(status: 200, mode: .silent) }
        defer { server.stop() }
        let client = HTTPClient(version: "1")
        let task = Task { await error(client, request(server.url("/held"), deadline: 120)) }
        #expect(await eventually { server.requests.count == 1 })
        task.cancel()
        #expect(await task.value == .cancelled)
    }

    @Test func nonHTTPURLsAreRefusedUpFront() async throws {
        let client = HTTPClient(version: "1")
        #expect(await error(client, request("file:///etc/passwd")) == .invalidURL("file:///etc/passwd"))
        let censored = await error(client, request("ftp://u:pw@example.org/feed"))
        #expect(censored == .invalidURL("ftp://***@example.org/feed"))
    }

    @Test func theDeadlineCoversEveryRedirectHop() async throws {
        let server = try Server { r in
            r.path == "/first" ? Reply(status: 302, headers: [Header("Location", "/second")], delay: 1.2)
                : Reply(status: 200, body: Data(Self.feed.utf8), delay: 1.2)
        }
        defer { server.stop() }
        // Each hop alone fits in 2 s; together they do not.
        #expect(await error(HTTPClient(version: "1"), request(server.url("/first"), deadline: 2)) == .timedOut(seconds: 2))
    }

    @Test func aWrongPasswordIsA401NotATimeout() async throws {
        let server = try Server { _ in .status(401, headers: [Header("WWW-Authenticate", "Basic realm=\"feeds\"")], body: "who?") }
        defer { server.stop() }
        let response = try await HTTPClient(version: "1").fetch(request("http://reader:wrong@127.0.0.1:\(server.port)/f", deadline: 10))
        #expect(response.status == 401)
        #expect(server.requests.count == 1)
    }
}
