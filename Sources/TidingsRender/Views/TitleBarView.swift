import TidingsCore
import TidingsText

/// The top row: where you are and how much is unread.
enum TitleBarView {
    static func render(_ state: AppState, into screen: inout Screen, in rect: Rect) {
        guard !rect.isEmpty else { return }
        screen.fill(rect, role: .titleBar)
        let totals = state.feedList.totals
        var text = " Tidings"
        if let h = state.headlines {
            let unread = h.scope.isPaged ? unreadCount(of: h.scope, in: state.feedList) : h.window.filter { !$0.isRead }.count
            text += " — \(h.title) (\(unread) unread, \(h.totalText) total)"
        } else {
            if let tag = state.feedList.tagFilter {
                let shown = state.feedList.visibleFeeds
                text += " — Feeds tagged \(tag) (\(shown.reduce(0) { $0 + $1.unread }) unread, \(shown.reduce(0) { $0 + $1.total }) total)"
            } else {
                text += " — Feeds (\(totals.unread) unread, \(totals.total) total)"
            }
        }
        screen.put(TerminalSafe.truncate(text, toWidth: rect.width), x: rect.x, y: rect.y, role: .titleBar, maxWidth: rect.width)
    }

    static func unreadCount(of scope: ListScope, in feeds: FeedListState) -> Int {
        switch scope {
        case .all, .unread: return feeds.totals.unread
        case .feed(let id): return feeds.feeds.first { $0.id == id }?.unread ?? 0
        case .search: return 0
        }
    }
}
