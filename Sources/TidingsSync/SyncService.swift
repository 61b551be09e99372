import Foundation

/// A feed as the server lists it. Ids are strings so that every API fits (tt-rss and Fever
/// number them, Google Reader uses `feed/URL` strings, Miniflux numbers).
public struct RemoteFeed: Sendable, Equatable {
    public var id: String
    public var url: String
    public var title: String
    /// The folder (tt-rss category, Google Reader label) it is filed under, if any.
    public var folder: String?
    public init(id: String, url: String, title: String, folder: String?) {
        self.id = id; self.url = url; self.title = title; self.folder = folder
    }
}

/// One article's headline: what is needed to match it to a local article and to store it.
public struct RemoteArticle: Sendable, Equatable {
    public var id: String
    public var feedID: String
    /// A hash of the feed's own guid where the server exposes one (tt-rss: `SHA1:` + sha1 of the
    /// guid, else of the link); nil otherwise.
    public var guidHash: String?
    public var title: String?
    public var link: String?
    public var author: String?
    public var updated: Date?
    public var unread: Bool
    public var starred: Bool
    /// The HTML body when the page brought it (tt-rss does: one call per page instead of two);
    /// nil leaves it to `bodies`, asked only for articles not already cached.
    public var body: String?
    public init(id: String, feedID: String, guidHash: String?, title: String?, link: String?, author: String?,
                updated: Date?, unread: Bool, starred: Bool, body: String? = nil) {
        self.id = id; self.feedID = feedID; self.guidHash = guidHash; self.title = title; self.link = link
        self.author = author; self.updated = updated; self.unread = unread; self.starred = starred; self.body = body
    }
}

/// A page of new articles.
public struct ArticlePage: Sendable, Equatable {
    public var articles: [RemoteArticle]
    /// Where the next page starts; nil after the last page.
    public var continuation: String?
    /// The cursor that a later sync starts from once this page and those before it are stored:
    /// past everything the round has met so far, not only this page.
    public var cursor: String?
    public init(articles: [RemoteArticle], continuation: String?, cursor: String?) {
        self.articles = articles; self.continuation = continuation; self.cursor = cursor
    }
}

/// The two flags that sync: read and starred.
public enum SyncField: String, Sendable, CaseIterable {
    case read, starred
}

/// What the server says about the account after logging in.
public struct SyncAccount: Sendable, Equatable {
    public var service: String
    public var user: String
    public var url: String
    /// tt-rss: the API level; other services: their version, if any.
    public var apiVersion: String
}

/// One feed server behind one protocol, shaped so that tt-rss, the Google Reader API (FreshRSS,
/// Miniflux, Inoreader), Miniflux's REST API and Fever can each be an implementation:
/// - ids are opaque strings;
/// - new articles come as pages after an opaque cursor (tt-rss: the highest article id seen;
///   Google Reader: a timestamp and continuation; Fever: `since_id`);
/// - states come as whole id sets (every one of those APIs can list unread and starred ids);
/// - marks are absolute sets on many ids at once, never toggles, so a retry is harmless.
/// Errors are `SyncError`s: one line each, never the password.
public protocol SyncService: Sendable {
    /// At most this many ids in one call (`setFlag`, `bodies`) and articles in one page.
    var batchSize: Int { get }
    /// Logs in (again), checking that the server speaks a version this implementation knows.
    func login() async throws -> SyncAccount
    /// Every subscription with its folder.
    func subscriptions() async throws -> [RemoteFeed]
    /// Subscribes on the server; returns the new (or existing) feed's id.
    func subscribe(url: String, folder: String?) async throws -> String
    /// Unsubscribes on the server. tt-rss deletes the feed's unstarred articles there.
    func unsubscribe(feedID: String) async throws
    /// One page of the articles newer than `cursor` (nil: from the start), oldest first; ask again
    /// with the page's `continuation` until it is nil.
    func articles(since cursor: String?, continuation: String?) async throws -> ArticlePage
    /// Ids of every unread article, and of every starred one, as the server holds them now.
    func stateIDs() async throws -> (unread: Set<String>, starred: Set<String>)
    /// HTML bodies of these articles (only new articles are asked for).
    func bodies(_ ids: [String]) async throws -> [String: String]
    /// Sets read or starred to `value` on every id given (an absolute set).
    func setFlag(_ field: SyncField, _ value: Bool, ids: [String]) async throws
    /// Asks the server to fetch this feed now where the API can (tt-rss: `updateFeed`); elsewhere
    /// the server's own schedule brings the articles.
    func updateFeed(feedID: String) async throws
    /// Ends this session on the server where the API has sessions; never fails (an abandoned
    /// session expires on its own).
    func logout() async
}
