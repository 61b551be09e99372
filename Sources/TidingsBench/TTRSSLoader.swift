import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The tt-rss that Tests/ttrss/ttrss-server.sh starts, as its env file describes it, filled for
/// `--sync` with generated feeds that tt-rss fetches itself from nginx on [::1]:80 (its `updateFeed`
/// call, the same fetch its update daemon makes), for the benchmark's own user.
struct TTRSSLoader {
    let url: String
    let user: String
    let password: String
    let feedsDir: URL
    let feedsURL: String

    static func fromEnvironment() throws -> TTRSSLoader {
        let env = ProcessInfo.processInfo.environment
        guard let url = env["TIDINGS_TTRSS_URL"], let user = env["TIDINGS_TTRSS_BENCH_USER"],
              let password = env["TIDINGS_TTRSS_BENCH_PASSWORD"], let dir = env["TIDINGS_TTRSS_FEEDS_DIR"],
              let feeds = env["TIDINGS_TTRSS_FEEDS_URL"] else {
            throw BenchError.usage("--sync needs a tt-rss: run `TTRSS_STATE=DIR Tests/ttrss/ttrss-server.sh start; . DIR/env` first")
        }
        return TTRSSLoader(url: url, user: user, password: password, feedsDir: URL(fileURLWithPath: dir), feedsURL: feeds)
    }

    /// Makes the account hold `total` articles in `feeds` feeds; files and subscriptions already
    /// there from an earlier run are reused. Returns how many articles the server holds.
    func load(total: Int, feeds: Int, log: (String) -> Void) async throws -> Int {
        let folder = feedsDir.appendingPathComponent("bench-sync-\(total)-v2")
        let per = (0..<feeds).map { total / feeds + ($0 < total % feeds ? 1 : 0) }
        let urls = try writeFeeds(per, into: folder, log: log)
        let api = try await TTRSSCall.login(url: url, user: user, password: password)
        var subscribed = try await api.feedCounts()
        // tt-rss keys articles by guid per user, not per feed: another size's feeds would keep some.
        for (other, feed) in subscribed where other.contains("/bench-sync-") && !urls.contains(other) {
            _ = try await api.call("unsubscribeFeed", ["feed_id": feed.id])
        }
        for feedURL in urls where subscribed[feedURL] == nil {
            _ = try await api.call("subscribeToFeed", ["feed_url": feedURL, "category_id": 0])
        }
        // A fetch cut short (PHP's time limit on a busy machine) is tried again, twice at most.
        for _ in 1...3 {
            subscribed = try await api.feedCounts()
            let pending = per.indices.filter { (subscribed[urls[$0]]?.unread ?? 0) < per[$0] }
            guard !pending.isEmpty else { break }
            let started = Date()
            for index in pending {
                // A new modification time: tt-rss must not take a 304 for the whole file.
                try FileManager.default.setAttributes([.modificationDate: Date()],
                                                      ofItemAtPath: folder.appendingPathComponent("feed-\(index).rss").path)
            }
            let ids = pending.compactMap { subscribed[urls[$0]]?.id }
            try await withThrowingTaskGroup(of: Void.self) { group in
                // Four at a time: PHP's built-in server runs four workers.
                var queue = ids[...]
                for _ in 0..<min(4, queue.count) {
                    let id = queue.removeFirst()
                    group.addTask { _ = try? await api.call("updateFeed", ["feed_id": id]) }
                }
                // A fetch that fails here (PHP drops a worker past its time limit) is left to the next pass.
                while try await group.next() != nil {
                    if let id = queue.popFirst() { group.addTask { _ = try? await api.call("updateFeed", ["feed_id": id]) } }
                }
            }
            log(String(format: "tt-rss fetched %d feeds in %.1f s", ids.count, Date().timeIntervalSince(started)))
        }
        let held = try await api.feedCounts().filter { urls.contains($0.key) }.values.reduce(0) { $0 + $1.unread }
        await api.logout()
        return held
    }

    /// RSS files dated within the last days (tt-rss purges old articles), written once.
    private func writeFeeds(_ per: [Int], into folder: URL, log: (String) -> Void) throws -> [String] {
        let urls = per.indices.map { feedsURL + "\(folder.lastPathComponent)/feed-\($0).rss" }
        let done = folder.appendingPathComponent("complete")
        if FileManager.default.fileExists(atPath: done.path) { return urls }
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let now = Date()
        for (index, count) in per.enumerated() {
            var random = SeededRandom(seed: 0x5359_4E43 &+ UInt64(index))
            // The size is in the guid: tt-rss never takes back a guid a removed feed of another size held.
            let site = "https://sync\(index).example.com/\(per.reduce(0, +))/"
            let items = (0..<count).map { i in
                GeneratedItem(guid: "\(site)posts/\(i)", title: "Sync bench \(index)-\(i) " + random.pick(Vocabulary.words),
                              author: random.pick(Vocabulary.authors), published: now.addingTimeInterval(-Double(i) * 60 - Double(index)),
                              body: ArticleHTML.body(feed: index, index: i, random: &random))
            }
            let data = FeedWriter.write(format: .rss2, title: "Sync bench \(index)", site: site, items: items)
            try Data(data.bytes).write(to: folder.appendingPathComponent("feed-\(index).rss"))
        }
        try Data().write(to: done)
        log("wrote \(per.reduce(0, +)) articles in \(per.count) feeds to \(folder.path)")
        return urls
    }
}

/// A session with the tt-rss JSON API, for loading the benchmark's account.
struct TTRSSCall: Sendable {
    let endpoint: URL
    let sid: String

    static func login(url: String, user: String, password: String) async throws -> TTRSSCall {
        guard let base = URL(string: url) else { throw BenchError.usage("TIDINGS_TTRSS_URL is not a URL: \(url)") }
        let endpoint = base.appendingPathComponent("api/")
        let answer = try await post(endpoint, ["op": "login", "user": user, "password": password])
        guard let sid = (answer as? [String: Any])?["session_id"] as? String else {
            throw BenchError.spawnFailed("a tt-rss session for \(user) (run ttrss-server.sh start again to create the user)")
        }
        return TTRSSCall(endpoint: endpoint, sid: sid)
    }

    func call(_ op: String, _ params: [String: Any]) async throws -> Any {
        var body = params
        body["op"] = op
        body["sid"] = sid
        return try await Self.post(endpoint, body)
    }

    func logout() async { _ = try? await call("logout", [:]) }

    /// Each subscribed feed's URL with its tt-rss id and unread count.
    func feedCounts() async throws -> [String: (id: Int, unread: Int)] {
        var out: [String: (id: Int, unread: Int)] = [:]
        for case let feed as [String: Any] in try await call("getFeeds", ["cat_id": -3]) as? [Any] ?? [] {
            guard let id = (feed["id"] as? NSNumber)?.intValue, id > 0, let url = feed["feed_url"] as? String else { continue }
            out[url] = (id, (feed["unread"] as? NSNumber)?.intValue ?? 0)
        }
        return out
    }

    private static func post(_ endpoint: URL, _ body: [String: Any]) async throws -> Any {
        var request = URLRequest(url: endpoint, timeoutInterval: 600)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONSerialization.data(withJSONObject: body)
        let (data, _) = try await URLSession.shared.data(for: request)
        guard let answer = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw BenchError.spawnFailed("tt-rss: an answer to \(body["op"] ?? "?") that is not JSON")
        }
        if (answer["status"] as? NSNumber)?.intValue == 1 {
            let error = (answer["content"] as? [String: Any])?["error"] as? String ?? "unknown error"
            throw BenchError.spawnFailed("tt-rss \(body["op"] ?? "?"): \(error)")
        }
        return answer["content"] as Any
    }
}
