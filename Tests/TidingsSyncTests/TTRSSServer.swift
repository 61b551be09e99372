import Foundation
import TidingsCore
import TidingsFetch
import TidingsStore
import TidingsSync

/// The tt-rss that `make test` starts (Tests/ttrss/ttrss-server.sh) and what the tests do with it.
/// Absent variables mean no server: those tests are skipped with that reason.
struct TTRSSServer: Sendable {
    let url: String
    let user: String
    let password: String
    let noAPIUser: String
    let noAPIPassword: String
    let feedsDir: URL
    let feedsURL: String
    let script: String

    static let current: TTRSSServer? = {
        let env = ProcessInfo.processInfo.environment
        guard let url = env["TIDINGS_TTRSS_URL"], let user = env["TIDINGS_TTRSS_USER"], let password = env["TIDINGS_TTRSS_PASSWORD"],
              let dir = env["TIDINGS_TTRSS_FEEDS_DIR"], let feeds = env["TIDINGS_TTRSS_FEEDS_URL"] else { return nil }
        return TTRSSServer(url: url, user: user, password: password, noAPIUser: env["TIDINGS_TTRSS_NOAPI_USER"] ?? "",
                           noAPIPassword: env["TIDINGS_TTRSS_NOAPI_PASSWORD"] ?? "", feedsDir: URL(fileURLWithPath: dir),
                           feedsURL: feeds, script: env["TIDINGS_TTRSS_SCRIPT"] ?? "")
    }()

    static let skipReason: Comment = "no tt-rss: TIDINGS_TTRSS_URL and friends are unset (`make test` starts one with Tests/ttrss/ttrss-server.sh)"

    /// A new API session: this machine, or "another machine" when a second one is made.
    func session(user: String? = nil, password: String? = nil, url: String? = nil) throws -> TTRSSService {
        try TTRSSService(url: url ?? self.url, user: user ?? self.user, password: password ?? self.password,
                         client: HTTPClient(version: "test"), deadline: 20)
    }

    /// Unsubscribes every feed of the test user, so each test starts from an empty account.
    func reset() async throws {
        let other = try session()
        _ = try await other.login()
        for feed in try await other.subscriptions() { try await other.unsubscribe(feedID: feed.id) }
        // Starred articles of earlier runs stay on the server, archived: unstar them.
        let starred = try await other.stateIDs().starred
        if !starred.isEmpty { try await other.setFlag(.starred, false, ids: Array(starred)) }
        await other.logout()
    }

    /// Writes an RSS fixture of `count` items dated within the last hours (tt-rss purges old ones)
    /// and returns its URL on [::1]:80.
    func writeFeed(_ name: String, title: String, count: Int, first: Int = 1) throws -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let now = Date()
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>\(title)</title><link>http://example.org/\(name)/</link>\n"
        for i in first..<(first + count) {
            let date = formatter.string(from: now.addingTimeInterval(TimeInterval(-60 * i)))
            xml += "<item><title>\(title) item \(i)</title><link>http://example.org/\(name)/\(i)</link>"
                + "<guid isPermaLink=\"false\">\(name)-guid-\(i)</guid><pubDate>\(date)</pubDate>"
                + "<description>Body of \(name) \(i)</description></item>\n"
        }
        xml += "</channel></rss>\n"
        try FileManager.default.createDirectory(at: feedsDir, withIntermediateDirectories: true)
        let file = feedsDir.appendingPathComponent("\(name).rss")
        try xml.write(to: file, atomically: true, encoding: .utf8)
        // Last-Modified has whole seconds: a rewrite within the second the server last fetched it
        // would answer its If-Modified-Since with 304 and the new items would never arrive.
        try FileManager.default.setAttributes([.modificationDate: FeedClock.next()], ofItemAtPath: file.path)
        return feedsURL + "\(name).rss"
    }

    /// Subscribes on the server and has it fetch the feed now; returns the server's feed id.
    func subscribeAndFetch(_ url: String, folder: String? = nil) async throws -> String {
        let other = try session()
        _ = try await other.login()
        let id = try await other.subscribe(url: url, folder: folder)
        try await other.updateFeed(feedID: id)
        await other.logout()
        return id
    }

    /// Runs the server script (`stop-php`, `start-php`) through system(3): Foundation's Process
    /// never saw the script exit once it had left the PHP server running in the background.
    func script(_ command: String) -> Int32 {
        let status = system("'\(script)' \(command) >/dev/null 2>&1")
        return status == -1 ? -1 : (status >> 8) & 0xff
    }
}

/// A temporary cache file (a file, not memory: the CLI tests open it too).
func temporaryCache() throws -> (store: ArticleStore, path: String) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tidings-sync-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let path = dir.appendingPathComponent("cache.sqlite").path
    return (try ArticleStore(path: path), path)
}

/// Removes the folder `temporaryCache` made, with the config and output files beside the cache.
func removeCache(_ path: String) {
    try? FileManager.default.removeItem(at: URL(fileURLWithPath: path).deletingLastPathComponent())
}

extension ArticleStore {
    /// Local flags by server id, from the store's own merge input.
    func flags() throws -> [String: (read: Bool, starred: Bool)] {
        var out: [String: (read: Bool, starred: Bool)] = [:]
        for state in try syncMergeInput().states { out[state.serverID] = (state.read, state.starred) }
        return out
    }

    func localID(_ serverID: String) throws -> ArticleID? {
        try syncMergeInput().states.first { $0.serverID == serverID }.map(\.articleID)
    }
}

import Testing


/// Modification times that only grow, a second at least between two writes of a fixture.
enum FeedClock {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var last = Date(timeIntervalSince1970: 0)
    static func next() -> Date {
        lock.lock()
        defer { lock.unlock() }
        last = max(Date(), last.addingTimeInterval(1))
        return last
    }
}
