import Foundation

public typealias FeedID = Int64
public typealias ArticleID = Int64

/// Which articles a headline list shows.
public enum ListScope: Hashable, Sendable {
    /// Every article of every feed.
    case all
    /// Unread articles of every feed.
    case unread
    /// The articles of one feed.
    case feed(FeedID)
    /// Full-text search results, ranked; loaded whole (capped), never paged by date.
    case search(String)

    /// True for scopes read page by page in date order.
    public var isPaged: Bool {
        if case .search = self { return false }
        return true
    }
}

/// Keyset position in a newest-first headline list: `(sortDate, id)` descending.
public struct HeadlineCursor: Hashable, Sendable {
    /// Seconds since 1970 used for ordering: published, else updated, else first seen.
    public var sortDate: Int64
    public var id: ArticleID
    public init(sortDate: Int64, id: ArticleID) { self.sortDate = sortDate; self.id = id }
}

/// Direction of a page relative to its cursor in the newest-first order.
public enum PageDirection: Hashable, Sendable {
    /// Rows after the cursor (older articles); from the top when the cursor is nil.
    case older
    /// Rows before the cursor (newer articles), returned in list order; from the bottom when nil.
    case newer
}

/// A request for one page of headlines.
public struct HeadlinePageRequest: Hashable, Sendable {
    public var scope: ListScope
    public var cursor: HeadlineCursor?
    public var direction: PageDirection
    public var limit: Int
    public init(scope: ListScope, cursor: HeadlineCursor?, direction: PageDirection, limit: Int) {
        self.scope = scope; self.cursor = cursor; self.direction = direction; self.limit = limit
    }
}

/// One row of the headline list: metadata only, never the body.
public struct Headline: Hashable, Sendable, Identifiable {
    public var id: ArticleID
    public var feedID: FeedID
    public var feedTitle: String
    public var title: String
    public var author: String?
    public var published: Date?
    public var sortDate: Int64
    public var isRead: Bool
    public var isStarred: Bool
    public init(id: ArticleID, feedID: FeedID, feedTitle: String, title: String, author: String? = nil,
                published: Date?, sortDate: Int64, isRead: Bool, isStarred: Bool = false) {
        self.id = id; self.feedID = feedID; self.feedTitle = feedTitle; self.title = title
        self.author = author; self.published = published; self.sortDate = sortDate
        self.isRead = isRead; self.isStarred = isStarred
    }
    public var cursor: HeadlineCursor { HeadlineCursor(sortDate: sortDate, id: id) }
}

/// A whole article, loaded only when it is shown.
public struct Article: Hashable, Sendable {
    public var headline: Headline
    public var link: String?
    public var body: String
    public var contentType: ContentType
    /// Podcast episodes, PDFs, images the feed attached (RSS enclosure, Atom rel=enclosure, JSON attachments).
    public var enclosures: [FeedEnclosure]
    public init(headline: Headline, link: String?, body: String, contentType: ContentType, enclosures: [FeedEnclosure] = []) {
        self.headline = headline; self.link = link; self.body = body; self.contentType = contentType; self.enclosures = enclosures
    }
}

/// A feed as the list pane shows it.
public struct FeedSummary: Hashable, Sendable, Identifiable {
    public var id: FeedID
    public var title: String
    public var source: String
    public var unread: Int
    public var total: Int
    /// The feed's tags, in the order they were given (for `t`, the tag filter).
    public var tags: [String]
    /// Why the last fetch did not succeed, and when it is tried again; nil when all is well.
    public var problem: FeedProblem?
    public init(id: FeedID, title: String, source: String, unread: Int, total: Int, tags: [String] = [],
                problem: FeedProblem? = nil) {
        self.id = id; self.title = title; self.source = source; self.unread = unread; self.total = total; self.tags = tags
        self.problem = problem
    }
}

/// A feed that failed, backs off, was rate-limited or is gone, as the feed list marks it.
public struct FeedProblem: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case error, backoff, rateLimited = "rate-limited", gone }
    public var kind: Kind
    /// The last error in words, or what the server said (rate limit, 410).
    public var message: String
    /// When Tidings tries again (nil: at the next refresh, or never for a gone feed).
    public var nextAttempt: Date?
    public init(kind: Kind, message: String, nextAttempt: Date? = nil) {
        self.kind = kind; self.message = message; self.nextAttempt = nextAttempt
    }
}
