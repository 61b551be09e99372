import Foundation
import TidingsFetch

/// Tiny Tiny RSS's JSON API, using only calls of API level 15 and below (Debian 12's tt-rss).
/// Every call is `POST api/` with a JSON body; errors come back as HTTP 200 with `status: 1`.
/// A session that expired (`NOT_LOGGED_IN`) is logged in again once and the call repeated.
public actor TTRSSService: SyncService {
    public nonisolated let batchSize = 200
    /// The highest API level whose calls this client knows; levels below 15 lack calls it uses.
    public static let supportedLevels = 15...15
    private let endpoint: URL
    private let baseURL: String
    private let user: String
    private let password: String
    private let client: HTTPClient
    private let deadline: TimeInterval
    private var sessionID: String?

    public init(url: String, user: String, password: String, client: HTTPClient, deadline: TimeInterval = 60) throws(SyncError) {
        guard var base = URL(string: url), base.scheme != nil, base.host != nil else {
            throw SyncError.notConfigured("url \(URLCredentials.censor(url)) is not an http(s) URL")
        }
        if base.lastPathComponent == "api" { base.deleteLastPathComponent() }
        endpoint = base.appendingPathComponent("api").appendingPathComponent("")
        baseURL = URLCredentials.censor(url)
        self.user = user; self.password = password; self.client = client; self.deadline = deadline
    }

    // MARK: - SyncService

    public func login() async throws -> SyncAccount {
        sessionID = nil
        let content = try await send("login", ["user": user, "password": password], retry: false)
        guard let sid = content["session_id"] as? String else { throw SyncError.badAnswer(op: "login", why: "no session_id") }
        sessionID = sid
        // getApiLevel is the documented check; login's own api_level is only a hint.
        let levelAnswer = try await send("getApiLevel", [:], retry: false)
        guard let level = Self.int(levelAnswer["level"]) else { throw SyncError.badAnswer(op: "getApiLevel", why: "no level") }
        guard level >= Self.supportedLevels.lowerBound else {
            throw SyncError.unsupportedAPI("tt-rss API level \(level); Tidings needs level 15 or later")
        }
        return SyncAccount(service: "ttrss", user: user, url: baseURL, apiVersion: "\(level)")
    }

    public func subscriptions() async throws -> [RemoteFeed] {
        let categories = try await list("getCategories", ["include_empty": true])
        var names: [Int: String] = [:]
        for category in categories {
            if let id = Self.int(category["id"]), id > 0, let title = category["title"] as? String { names[id] = title }
        }
        return try await list("getFeeds", ["cat_id": -3]).compactMap { feed in
            guard let id = Self.int(feed["id"]), id > 0, let url = feed["feed_url"] as? String else { return nil }
            let folder = Self.int(feed["cat_id"]).flatMap { names[$0] }
            return RemoteFeed(id: String(id), url: url, title: feed["title"] as? String ?? url, folder: folder)
        }
    }

    public func subscribe(url: String, folder: String?) async throws -> String {
        var categoryID = 0
        if let folder, !folder.isEmpty { categoryID = try await category(named: folder) }
        let content = try await send("subscribeToFeed", ["feed_url": url, "category_id": categoryID])
        guard let status = content["status"] as? [String: Any], let code = Self.int(status["code"]) else {
            throw SyncError.badAnswer(op: "subscribeToFeed", why: "no status code")
        }
        switch code {
        case 0, 1:
            if let id = Self.int(status["feed_id"]) { return String(id) }
            if let found = try await subscriptions().first(where: { $0.url == url }) { return found.id }
            throw SyncError.badAnswer(op: "subscribeToFeed", why: "no feed id")
        case 2: throw SyncError.server(op: "subscribe", error: "\(url) is not a valid URL")
        case 3: throw SyncError.server(op: "subscribe", error: "\(url) is a page without a feed")
        case 4: throw SyncError.server(op: "subscribe", error: "\(url) offers several feeds; give one of them")
        case 5: throw SyncError.server(op: "subscribe", error: "the server could not download \(url)")
        case 6: throw SyncError.server(op: "subscribe", error: "\(url) is not a valid feed")
        default: throw SyncError.server(op: "subscribe", error: "code \(code)")
        }
    }

    public func unsubscribe(feedID: String) async throws {
        guard let id = Int(feedID) else { throw SyncError.server(op: "unsubscribe", error: "no feed \(feedID)") }
        _ = try await send("unsubscribeFeed", ["feed_id": id])
    }

    public func articles(since cursor: String?, continuation: String?) async throws -> ArticlePage {
        let since = cursor.flatMap { Int($0) } ?? 0
        // The continuation carries the rows skipped so far and the highest id met so far: pages
        // go by date, and the highest id of the round need not be on its last page.
        let parts = (continuation ?? "").split(separator: " ").compactMap { Int($0) }
        let skip = parts.first ?? 0
        let highestBefore = parts.count > 1 ? parts[1] : since
        // Oldest first with a fixed since_id: articles arriving meanwhile land after the last page.
        // The bodies come along: tt-rss spends about as long on a page of headlines as on a
        // getArticle of as many ids, so a separate call for the bodies doubled a first sync.
        let rows = try await list("getHeadlines", ["feed_id": -4, "view_mode": "all_articles", "since_id": since,
                                                   "skip": skip, "limit": batchSize, "show_content": true,
                                                   "order_by": "date_reverse"])
        let articles = rows.compactMap(Self.article)
        let highest = articles.reduce(highestBefore) { max($0, Int($1.id) ?? 0) }
        return ArticlePage(articles: articles, continuation: rows.count < batchSize ? nil : "\(skip + rows.count) \(highest)",
                           cursor: String(highest))
    }

    public func stateIDs() async throws -> (unread: Set<String>, starred: Set<String>) {
        (try await idList(feed: -4, mode: "unread"), try await idList(feed: -1, mode: "all_articles"))
    }

    private func idList(feed: Int, mode: String) async throws -> Set<String> {
        var out: Set<String> = []
        var skip = 0
        while true {
            let rows = try await list("getHeadlines", ["feed_id": feed, "view_mode": mode, "skip": skip,
                                                       "limit": batchSize, "show_content": false, "order_by": "date_reverse"])
            for row in rows { if let id = Self.int(row["id"]) { out.insert(String(id)) } }
            if rows.count < batchSize { break }
            skip += rows.count
        }
        return out
    }

    public func bodies(_ ids: [String]) async throws -> [String: String] {
        var out: [String: String] = [:]
        for start in stride(from: 0, to: ids.count, by: batchSize) {
            let chunk = ids[start..<min(start + batchSize, ids.count)]
            for row in try await list("getArticle", ["article_id": chunk.joined(separator: ",")]) {
                if let id = Self.int(row["id"]) { out[String(id)] = row["content"] as? String ?? "" }
            }
        }
        return out
    }

    public func setFlag(_ field: SyncField, _ value: Bool, ids: [String]) async throws {
        // field 2 = unread (mode 1 sets unread), field 0 = starred; mode 2 (toggle) is never used.
        let (code, mode) = field == .read ? (2, value ? 0 : 1) : (0, value ? 1 : 0)
        for start in stride(from: 0, to: ids.count, by: batchSize) {
            let chunk = ids[start..<min(start + batchSize, ids.count)]
            _ = try await send("updateArticle", ["article_ids": chunk.joined(separator: ","), "field": code, "mode": mode])
        }
    }

    /// Asks the server to fetch one feed now (tt-rss fetches synchronously).
    public func updateFeed(feedID: String) async throws {
        guard let id = Int(feedID) else { throw SyncError.server(op: "updateFeed", error: "no feed \(feedID)") }
        _ = try await send("updateFeed", ["feed_id": id])
    }

    /// Ends this session on the server (other sessions of the user stay).
    public func logout() async {
        guard sessionID != nil else { return }
        _ = try? await send("logout", [:], retry: false)
        sessionID = nil
    }

    /// Ends the session on the server but keeps its id, as an expiry would (tests).
    public func logoutOnServerOnly() async {
        _ = try? await send("logout", [:], retry: false)
    }

    // MARK: - Calls

    private func category(named title: String) async throws -> Int {
        for row in try await list("getCategories", ["include_empty": true]) where row["title"] as? String == title {
            if let id = Self.int(row["id"]), id > 0 { return id }
        }
        // API level 15 has no call to create a category: file it uncategorised rather than fail.
        return 0
    }

    private func list(_ op: String, _ params: [String: Any]) async throws -> [[String: Any]] {
        let content = try await sendRaw(op, params, retry: true)
        guard let rows = content as? [[String: Any]] else {
            if let array = content as? [Any], array.isEmpty { return [] }
            throw SyncError.badAnswer(op: op, why: "expected a list")
        }
        return rows
    }

    private func send(_ op: String, _ params: [String: Any], retry: Bool = true) async throws -> [String: Any] {
        let content = try await sendRaw(op, params, retry: retry)
        guard let object = content as? [String: Any] else { throw SyncError.badAnswer(op: op, why: "expected an object") }
        return object
    }

    private func sendRaw(_ op: String, _ params: [String: Any], retry: Bool) async throws -> Any {
        if op != "login", sessionID == nil { _ = try await login() }
        var body = params
        body["op"] = op
        if op != "login", let sessionID { body["sid"] = sessionID }
        let data = try JSONSerialization.data(withJSONObject: body)
        let response: HTTPResponse
        do {
            response = try await client.postJSON(endpoint, body: data, deadline: deadline)
        } catch {
            throw SyncError.network(error)
        }
        guard response.status == 200 else { throw SyncError.http(status: response.status, url: URLCredentials.censor(endpoint.absoluteString)) }
        guard let answer = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any] else {
            throw SyncError.badAnswer(op: op, why: "not JSON")
        }
        let content = answer["content"]
        if Self.int(answer["status"]) == 1 {
            let error = (content as? [String: Any])?["error"] as? String ?? "unknown error"
            switch error {
            case "NOT_LOGGED_IN" where retry && op != "login":
                _ = try await login()
                return try await sendRaw(op, params, retry: false)
            case "LOGIN_ERROR": throw SyncError.loginFailed(user: user)
            case "API_DISABLED": throw SyncError.apiDisabled(user: user)
            default: throw SyncError.server(op: op, error: error)
            }
        }
        return content as Any
    }

    // MARK: - Decoding

    static func int(_ value: Any?) -> Int? {
        switch value {
        case let n as Int: return n
        case let n as NSNumber: return n.intValue
        case let s as String: return Int(s)
        default: return nil
        }
    }

    static func bool(_ value: Any?) -> Bool {
        switch value {
        case let b as Bool: return b
        case let n as NSNumber: return n.intValue != 0
        case let s as String: return s == "true" || s == "1" || s == "t"
        default: return false
        }
    }

    static func article(_ row: [String: Any]) -> RemoteArticle? {
        guard let id = int(row["id"]), let feed = int(row["feed_id"]) else { return nil }
        var hash: String?
        if let guid = row["guid"] as? String {
            if let data = guid.data(using: .utf8), let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
                hash = object["hash"] as? String
            } else if guid.hasPrefix("SHA1:") {
                hash = guid
            }
        }
        let updated = int(row["updated"]).map { Date(timeIntervalSince1970: TimeInterval($0)) }
        return RemoteArticle(id: String(id), feedID: String(feed), guidHash: hash, title: row["title"] as? String,
                             link: (row["link"] as? String).flatMap { $0.isEmpty ? nil : $0 },
                             author: (row["author"] as? String).flatMap { $0.isEmpty ? nil : $0 },
                             updated: updated, unread: bool(row["unread"]), starred: bool(row["marked"]),
                             body: row["content"] as? String)
    }
}
