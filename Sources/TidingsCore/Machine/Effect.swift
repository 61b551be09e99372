/// Where a requested page of headlines sits relative to what is loaded.
public enum PageAnchor: Hashable, Sendable {
    /// The first rows of the scope.
    case top
    /// The last rows of the scope.
    case bottom
    /// Rows after (older than) a cursor, to append.
    case after(HeadlineCursor)
    /// Rows before (newer than) a cursor, to prepend.
    case before(HeadlineCursor)
    /// Rows from a cursor on (inclusive), replacing the window: a reload that keeps the view in place.
    case reload(HeadlineCursor)
}

/// A search for the next or previous unread article in list order.
public struct UnreadSearch: Hashable, Sendable {
    public var scope: ListScope
    /// Start after this row; nil starts at the top (`.older`) or the bottom (`.newer`).
    public var from: HeadlineCursor?
    public var direction: PageDirection
    /// Set once the search has wrapped or moved to another feed, so it never loops.
    public var isRetry: Bool
    public init(scope: ListScope, from: HeadlineCursor?, direction: PageDirection, isRetry: Bool = false) {
        self.scope = scope; self.from = from; self.direction = direction; self.isRetry = isRetry
    }
}

/// Work the reducer asks the runtime to do; results come back as actions.
public enum Effect: Hashable, Sendable {
    /// Read feed summaries and totals → `.feedsLoaded`.
    case loadFeeds
    /// Read a page of headlines → `.headlinesLoaded`.
    case loadHeadlines(ListScope, PageAnchor, limit: Int)
    /// Read the newest headlines of a scope for the feed preview → `.previewLoaded`.
    case loadPreview(ListScope, limit: Int)
    /// Find an unread article and the rows around it → `.unreadFound`.
    case findUnread(UnreadSearch, windowLimit: Int)
    /// Read one article's body → `.articleLoaded`.
    case loadArticle(ArticleID)
    /// Persist read flags.
    case setRead([ArticleID], Bool)
    /// Persist starred flags.
    case setStarred([ArticleID], Bool)
    /// Mark every article of a scope read.
    case markAllRead(ListScope)
    /// Open the article's link in the user's browser.
    case openLink(ArticleID)
    /// Open a URL (a footnote link) in the user's browser.
    case openURL(String)
    /// Fetch feeds in the background (nil: every feed) → `.refreshStarted`, `.refreshProgress`…,
    /// `.refreshFinished`; the keys keep working meanwhile.
    case refresh([FeedID]?)
    /// Sync with the server in the background → `.syncStarted`, `.syncProgress`…, then
    /// `.syncFinished` or `.syncFailed`; with `refreshAfter`, the local-only feeds are refreshed next.
    case sync(refreshAfter: Bool)
    /// After `R`'s sync: refresh every feed not from the server, as `.refresh(nil)` does, but end
    /// with an empty summary when nothing came and nothing failed, so the sync's line stays.
    case refreshAfterSync
    /// Full-text search, run off the UI loop → `.searchPage` with the first `limit` matches,
    /// then `.searchCounted`; a newer search or `.cancelSearch` stops it.
    case search(String, limit: Int)
    /// The next page of a search, as the list scrolls towards its end → `.searchPage`.
    case searchMore(String, after: SearchCursor, limit: Int)
    /// Stop the search in flight: its answer is no longer wanted.
    case cancelSearch
    /// Write an article's text to a file (never over an existing one).
    case saveText(String, path: String)
    /// Run a shell command (the user's own) with the article's text on its standard input.
    case pipeText(String, command: String)
    /// Fetch and extract an article's web page in the background (or take the cached copy)
    /// → `.fullArticleLoaded` or `.fullArticleFailed`.
    case fetchFullArticle(ArticleID, url: String)
    /// The article is no longer shown: stop fetching its page.
    case cancelFullArticle(ArticleID)
    /// Repaint the whole terminal.
    case redraw
    /// Leave the program.
    case quit
}
