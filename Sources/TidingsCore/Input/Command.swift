/// Where a command applies: the keymap of that mode is consulted before the global one.
public enum KeyContext: String, Hashable, Sendable, CaseIterable {
    case global, list, reader
}

/// Every user-invokable command. This one table drives key dispatch, the help overlay and the config parser.
public enum Command: String, Hashable, Sendable, CaseIterable {
    case up = "up"
    case down = "down"
    case pageUp = "page-up"
    case pageDown = "page-down"
    case halfPageDown = "half-page-down"
    case halfPageUp = "half-page-up"
    case top = "top"
    case bottom = "bottom"
    case open = "open"
    case back = "back"
    case quit = "quit"
    case nextUnread = "next-unread"
    case prevUnread = "prev-unread"
    case nextArticle = "next-article"
    case prevArticle = "prev-article"
    case nextFeed = "next-feed"
    case prevFeed = "prev-feed"
    case nextUnreadFeed = "next-unread-feed"
    case prevUnreadFeed = "prev-unread-feed"
    case toggleRead = "toggle-read"
    case markFeedRead = "mark-feed-read"
    case openInBrowser = "open-in-browser"
    case openInBrowserAndMarkRead = "open-in-browser-and-mark-read"
    case toggleFocus = "toggle-focus"
    case zoom = "zoom"
    case swapLayout = "swap-layout"
    case help = "help"
    case redraw = "redraw"
    case search = "search"
    case reload = "reload"
    case reloadAll = "reload-all"
    case markAllRead = "mark-all-read"
    case openLink = "open-link"
    case save = "save"
    case toggleStar = "toggle-star"
    case listLinks = "list-links"
    case pipe = "pipe"
    case selectTag = "select-tag"
    case clearTag = "clear-tag"
    case toggleFullArticle = "toggle-full-article"

    /// A group heading in the help overlay.
    public var group: String {
        switch self {
        case .up, .down, .pageUp, .pageDown, .halfPageUp, .halfPageDown, .top, .bottom, .open, .back,
             .nextFeed, .prevFeed, .nextUnreadFeed, .prevUnreadFeed, .nextArticle, .prevArticle, .search,
             .selectTag, .clearTag:
            return "Moving"
        case .nextUnread, .prevUnread, .toggleRead, .markFeedRead, .markAllRead, .openInBrowser,
             .openInBrowserAndMarkRead, .openLink, .reload, .reloadAll, .save, .pipe, .toggleStar, .listLinks,
             .toggleFullArticle:
            return "Reading"
        case .toggleFocus, .zoom, .swapLayout, .help, .redraw, .quit:
            return "Screen"
        }
    }

    /// One line of help text.
    public var help: String {
        switch self {
        case .up: return "Move up / scroll up"
        case .down: return "Move down / scroll down"
        case .pageUp: return "Page up"
        case .pageDown: return "Page down"
        case .halfPageUp: return "Half a page up"
        case .halfPageDown: return "Half a page down"
        case .top: return "Go to the top"
        case .bottom: return "Go to the bottom"
        case .open: return "Open the selected feed or article"
        case .back: return "Go back (quit from the feed list)"
        case .quit: return "Quit Tidings"
        case .nextUnread: return "Next unread article (across feeds)"
        case .prevUnread: return "Previous unread article (across feeds)"
        case .nextArticle: return "Next article"
        case .prevArticle: return "Previous article"
        case .nextFeed: return "Next feed"
        case .prevFeed: return "Previous feed"
        case .nextUnreadFeed: return "Next feed with unread articles"
        case .prevUnreadFeed: return "Previous feed with unread articles"
        case .toggleRead: return "Toggle read/unread"
        case .markFeedRead: return "Mark the current feed read"
        case .openInBrowser: return "Open the article's link in the browser"
        case .openInBrowserAndMarkRead: return "Open in the browser and mark read"
        case .toggleFocus: return "Move focus between list and reader"
        case .zoom: return "Zoom the reader to full screen and back"
        case .swapLayout: return "Switch side-by-side / stacked layout"
        case .help: return "Show or hide this help"
        case .redraw: return "Redraw the screen"
        case .search: return "Search all articles (results fill the list as you type)"
        case .reload: return "Reload the current feed from its source"
        case .reloadAll: return "Reload every feed"
        case .markAllRead: return "Mark every article read (asks first)"
        case .openLink: return "Open link [n] of the article in the browser (0 is link 10)"
        case .save: return "Save the article as text to a file"
        case .toggleStar: return "Star or unstar (starred articles are never cleaned up)"
        case .listLinks: return "List the article's links to pick one"
        case .pipe: return "Pipe the article's text into a command ($PAGER when empty)"
        case .selectTag: return "Show only the feeds with a tag (choose it from a list)"
        case .clearTag: return "Show every feed again"
        case .toggleFullArticle: return "Full article from the web page (fetched once, then kept) / the feed's text"
        }
    }

    /// Keys bound by default, and the context they are bound in.
    public var defaultBindings: [(KeyContext, Key)] {
        switch self {
        case .up: return [(.global, .char("k")), (.global, .up)]
        case .down: return [(.global, .char("j")), (.global, .down)]
        case .pageUp: return [(.global, .pageUp), (.global, .ctrl("b")), (.global, .char("b"))]
        case .pageDown: return [(.global, .pageDown), (.global, .char(" ")), (.global, .ctrl("f"))]
        case .halfPageUp: return [(.global, .ctrl("u"))]
        case .halfPageDown: return [(.global, .ctrl("d"))]
        case .top: return [(.global, .char("g")), (.global, .home)]
        case .bottom: return [(.global, .char("G")), (.global, .end)]
        case .open: return [(.global, .enter), (.list, .char("l")), (.list, .right)]
        case .back: return [(.global, .char("q")), (.global, .escape), (.reader, .char("h")), (.reader, .left)]
        case .quit: return [(.global, .char("Q"))]
        case .nextUnread: return [(.global, .char("n"))]
        case .prevUnread: return [(.global, .char("p"))]
        case .nextArticle: return [(.reader, .char("J")), (.reader, .char("."))]
        case .prevArticle: return [(.reader, .char("K")), (.reader, .char(","))]
        case .nextFeed: return [(.list, .char("J"))]
        case .prevFeed: return [(.list, .char("K"))]
        case .nextUnreadFeed: return [(.global, .ctrl("n"))]
        case .prevUnreadFeed: return [(.global, .ctrl("p"))]
        case .toggleRead: return [(.global, .char("N"))]
        case .markFeedRead: return [(.global, .char("A"))]
        case .openInBrowser: return [(.global, .char("o"))]
        case .openInBrowserAndMarkRead: return [(.global, .char("O"))]
        case .toggleFocus: return [(.global, .tab), (.global, .backTab)]
        case .zoom: return [(.global, .char("z"))]
        case .swapLayout: return [(.global, .char("v"))]
        case .help: return [(.global, .char("?")), (.global, .function(1))]
        case .redraw: return [(.global, .ctrl("l"))]
        case .search: return [(.global, .char("/"))]
        case .reload: return [(.global, .char("r"))]
        case .reloadAll: return [(.global, .char("R"))]
        case .markAllRead: return [(.global, .char("C"))]
        case .openLink: return (0...9).map { (.global, .char(Character(String($0)))) }
        case .save: return [(.global, .char("s"))]
        case .toggleStar: return [(.global, .char("*"))]
        case .listLinks: return [(.global, .char("u"))]
        case .pipe: return [(.global, .char("|"))]
        case .selectTag: return [(.global, .char("t"))]
        case .clearTag: return [(.global, .ctrl("t"))]
        // "w" for the web page; newsboat leaves it unbound.
        case .toggleFullArticle: return [(.global, .char("w"))]
        }
    }
}
