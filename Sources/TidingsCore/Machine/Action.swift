/// A page of headlines read from the cache for a `.loadHeadlines` effect.
public struct HeadlinePage: Hashable, Sendable {
    public var scope: ListScope
    public var anchor: PageAnchor
    public var rows: [Headline]
    /// Absolute index of `rows[0]` in the scope.
    public var firstIndex: Int
    /// Rows in the whole scope when the page was read.
    public var total: Int
    public init(scope: ListScope, anchor: PageAnchor, rows: [Headline], firstIndex: Int, total: Int) {
        self.scope = scope; self.anchor = anchor; self.rows = rows; self.firstIndex = firstIndex; self.total = total
    }
}

/// The answer to a `.findUnread` effect: the unread article and a window of rows around it.
public struct UnreadMatch: Hashable, Sendable {
    public var target: Headline
    public var window: [Headline]
    public var firstIndex: Int
    public var total: Int
    public init(target: Headline, window: [Headline], firstIndex: Int, total: Int) {
        self.target = target; self.window = window; self.firstIndex = firstIndex; self.total = total
    }
}

/// Something that happened: a key, a resize, or the result of an effect.
public enum Action: Hashable, Sendable {
    case resized(Size)
    case key(Key)
    case feedsLoaded([FeedSummary], Totals)
    /// Saved searches with their counts, shown as virtual feeds.
    case savedSearchesLoaded([SavedSearchSummary])
    case headlinesLoaded(HeadlinePage)
    /// The newest headlines of the feed selected in the feed list (see `FeedPreview`).
    case previewLoaded(HeadlinePage)
    case unreadFound(UnreadSearch, UnreadMatch?)
    case articleLoaded(Article)
    case articleMissing(ArticleID)
    /// Ranked matches for a query typed at the search prompt, all of them (no further page).
    case searchResults(String, [Headline])
    /// A page of matches for a query: the first (`after` nil) or the one after that cursor.
    case searchPage(String, SearchPage, after: SearchCursor?)
    /// How many articles a search matches (counted after its first page).
    case searchCounted(String, SearchCount)
    /// Another process (a cron refresh) wrote to the cache.
    case cacheChanged
    /// A background refresh of this many feeds began.
    case refreshStarted(total: Int)
    /// Feeds done so far (each one already written to the cache) and how many failed.
    case refreshProgress(done: Int, total: Int, failed: Int)
    /// A refresh ended; the summary goes to the status bar (an empty one says nothing).
    case refreshFinished(String)
    /// A background sync with the server began (`refreshAfter`: `R` asked for it).
    case syncStarted(refreshAfter: Bool)
    /// The step a sync is at, in a few words ("120 new articles").
    case syncProgress(String)
    /// A sync ended; its one-line report (an empty one says nothing). Changes are already in the cache.
    case syncFinished(String)
    /// A sync could not finish; the reason in one line (never the password). Nothing local is lost.
    case syncFailed(String)
    /// The full article of an article, extracted from its web page (or the cache).
    case fullArticleLoaded(ArticleID, FullArticle)
    /// Fetching or extracting the full article failed; the reason in one line.
    case fullArticleFailed(ArticleID, String)
    /// Which feeds want the full article (`[feeds."…"] full-article`), with the default for the rest.
    case fullArticlePolicies([FeedID: FullArticlePolicy], default: FullArticlePolicy)
    /// An effect succeeded with something to say in the status bar.
    case notice(String)
    /// An effect failed; the message is shown in the status bar.
    case failed(String)
}
