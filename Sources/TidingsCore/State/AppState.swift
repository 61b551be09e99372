import Foundation

/// Which pane receives movement keys.
public enum Pane: Hashable, Sendable { case list, reader }

/// A one-line message in the status bar until the next key.
public struct StatusMessage: Hashable, Sendable {
    public var text: String
    public var isError: Bool
    public init(_ text: String, isError: Bool = false) { self.text = text; self.isError = isError }
}

/// How far a background refresh has come, for the status bar.
public struct RefreshProgress: Hashable, Sendable {
    public var done: Int
    public var total: Int
    public var failed: Int
    public init(done: Int = 0, total: Int, failed: Int = 0) { self.done = done; self.total = total; self.failed = failed }

    /// "Refreshing 37/300 · 2 failed"
    public var text: String {
        "Refreshing \(done)/\(total)" + (failed > 0 ? " · \(failed) failed" : "")
    }
}

/// Everything the screen shows; changed only by `reduce`.
public struct AppState: Hashable, Sendable {
    public var size: Size
    public var layoutPreference: LayoutPreference
    public var zoomed: Bool
    public var focus: Pane
    public var feedList: FeedListState
    /// Nil while the list pane shows the feeds.
    public var headlines: HeadlineListState?
    public var reader: ReaderState?
    /// The selected feed's newest headlines, shown in the reader pane while the feed list is up.
    public var preview: FeedPreview?
    /// Non-nil while the help overlay is shown: its scroll offset.
    public var helpScroll: Int?
    /// Non-nil while the search prompt takes the keys.
    public var prompt: PromptState?
    /// Non-nil while the link list is open: the selected link's index.
    public var linkSelection: Int?
    /// Non-nil while the tag chooser is open: 0 is "every feed", n is `feedList.allTags[n - 1]`.
    public var tagSelection: Int?
    /// Non-nil while a yes/no question waits in the status bar.
    public var confirmation: Confirmation?
    public var message: StatusMessage?
    public var keymap: Keymap
    /// The zone dates are shown in; the runtime sets the user's.
    public var timeZone: TimeZone
    /// True until the first feed list arrives, so the screen can say "Loading…".
    public var isLoading: Bool
    /// Non-nil while a refresh runs in the background.
    public var refresh: RefreshProgress?
    /// True when `[sync]` is configured: `R` syncs with the server before refreshing the local-only feeds.
    public var syncEnabled = false
    /// Non-nil while a sync with the server runs in the background.
    public var sync: SyncActivity?
    /// The line `R`'s sync ended with, kept through the local refresh that follows it.
    public var syncReport: StatusMessage?
    /// The query whose results are still being computed off the UI loop.
    public var searchInFlight: String?
    /// Per-feed `full-article` settings and the default for other feeds.
    public var fullArticlePolicies: [FeedID: FullArticlePolicy] = [:]
    public var defaultFullArticlePolicy: FullArticlePolicy = .never

    public init(size: Size = Size(width: 80, height: 24), layoutPreference: LayoutPreference = .automatic,
                keymap: Keymap = .standard, timeZone: TimeZone = TimeZone(identifier: "UTC")!) {
        self.size = size; self.layoutPreference = layoutPreference; self.zoomed = false; self.focus = .list
        self.feedList = FeedListState(); self.headlines = nil; self.reader = nil; self.preview = nil; self.helpScroll = nil; self.prompt = nil; self.confirmation = nil; self.linkSelection = nil
        self.message = nil; self.keymap = keymap; self.timeZone = timeZone; self.isLoading = true
    }

    /// Where the panes are at the current size.
    public var layout: ScreenLayout { ScreenLayout(size: size, preference: layoutPreference, zoomed: zoomed) }

    /// Rows of headlines or feeds the list pane shows at once (the pane has no header row).
    public var listViewport: Int { max(1, layout.list.height) }
    /// Rows of text the reader pane shows at once.
    public var readerViewport: Int { max(1, layout.reader.height) }

    /// Columns of text in the reader: a margin each side, capped so lines stay readable.
    public var readerTextWidth: Int {
        let w = layout.reader.width
        if w <= 0 { return 1 }
        let inner = w >= 30 ? w - 2 : w
        return max(1, min(inner, ReaderLayout.maxTextWidth))
    }

    /// The context used to look up keys.
    public var keyContext: KeyContext { focus == .reader ? .reader : .list }
}
