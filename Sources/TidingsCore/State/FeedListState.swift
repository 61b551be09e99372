/// Counts over every feed, shown in the title and status bars.
public struct Totals: Hashable, Sendable {
    public var unread: Int
    public var total: Int
    public init(unread: Int, total: Int) { self.unread = unread; self.total = total }
}

/// A saved search shown as a virtual feed.
public struct SavedSearchSummary: Hashable, Sendable {
    public var name: String
    public var query: String
    public var unread: Int
    public var total: Int
    public init(name: String, query: String, unread: Int, total: Int) {
        self.name = name; self.query = query; self.unread = unread; self.total = total
    }
}

/// One row of the feed list: the virtual feeds on top, then saved searches, then the real feeds.
public enum FeedRow: Hashable, Sendable {
    case allArticles(Totals)
    case unreadArticles(Totals)
    case savedSearch(SavedSearchSummary)
    case feed(FeedSummary)

    /// The headline scope this row opens.
    public var scope: ListScope {
        switch self {
        case .allArticles: return .all
        case .unreadArticles: return .unread
        case .savedSearch(let s): return .search(s.query)
        case .feed(let feed): return .feed(feed.id)
        }
    }
    public var title: String {
        switch self {
        case .allArticles: return "All articles"
        case .unreadArticles: return "Unread"
        case .savedSearch(let s): return s.name
        case .feed(let feed): return feed.title
        }
    }
    public var unread: Int {
        switch self {
        case .allArticles(let t), .unreadArticles(let t): return t.unread
        case .savedSearch(let s): return s.unread
        case .feed(let feed): return feed.unread
        }
    }
    public var total: Int {
        switch self {
        case .allArticles(let t): return t.total
        case .unreadArticles(let t): return t.unread
        case .savedSearch(let s): return s.total
        case .feed(let feed): return feed.total
        }
    }
}

/// The feed list: small (hundreds of rows at most), so it is held whole.
public struct FeedListState: Hashable, Sendable {
    public var feeds: [FeedSummary]
    public var savedSearches: [SavedSearchSummary] = []
    public var totals: Totals
    public var selected: Int
    public var top: Int
    /// `t`: only feeds with this tag are listed (the virtual rows and saved searches stay).
    public var tagFilter: String?

    public init(feeds: [FeedSummary] = [], totals: Totals = Totals(unread: 0, total: 0), selected: Int = 0, top: Int = 0) {
        self.feeds = feeds; self.totals = totals; self.selected = selected; self.top = top
    }

    /// Virtual rows first, then each feed (those with the filter's tag when one is chosen).
    public var rows: [FeedRow] {
        [.allArticles(totals), .unreadArticles(totals)] + savedSearches.map(FeedRow.savedSearch) + visibleFeeds.map(FeedRow.feed)
    }
    public var rowCount: Int { visibleFeeds.count + savedSearches.count + 2 }

    /// The feeds the list shows.
    public var visibleFeeds: [FeedSummary] {
        guard let tag = tagFilter else { return feeds }
        return feeds.filter { $0.tags.contains(tag) }
    }

    /// Every tag of every feed, sorted, for the tag chooser.
    public var allTags: [String] {
        Array(Set(feeds.flatMap(\.tags))).sorted { $0.lowercased() == $1.lowercased() ? $0 < $1 : $0.lowercased() < $1.lowercased() }
    }
    /// Row index of the first real feed.
    var firstFeedRow: Int { 2 + savedSearches.count }

    /// The title of a scope as the title bar shows it.
    public func title(of scope: ListScope) -> String {
        switch scope {
        case .all: return "All articles"
        case .unread: return "Unread"
        case .feed(let id): return feeds.first { $0.id == id }?.title ?? "Feed"
        case .search(let query): return savedSearches.first { $0.query == query }.map(\.name) ?? "Search: " + query
        }
    }

    /// Row index of a scope in `rows`.
    public func rowIndex(of scope: ListScope) -> Int? {
        switch scope {
        case .all: return 0
        case .unread: return 1
        case .feed(let id): return visibleFeeds.firstIndex { $0.id == id }.map { $0 + firstFeedRow }
        case .search(let query): return savedSearches.firstIndex { $0.query == query }.map { $0 + 2 }
        }
    }

    /// Adjusts the counters of one feed and the totals after read flags changed.
    public mutating func adjustUnread(feed: FeedID, by delta: Int) {
        if let i = feeds.firstIndex(where: { $0.id == feed }) {
            feeds[i].unread = min(max(0, feeds[i].unread + delta), feeds[i].total)
        }
        totals.unread = feeds.reduce(0) { $0 + $1.unread }
    }
}
