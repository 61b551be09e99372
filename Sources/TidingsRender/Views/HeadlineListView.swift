import TidingsCore
import TidingsText

/// The headline list: unread marker, date, (feed name in mixed lists) and title, one row each.
enum HeadlineListView {
    static func render(_ state: AppState, into screen: inout Screen, in rect: Rect) {
        guard let h = state.headlines else { return }
        if h.total == 0 {
            let text = h.scope == .unread ? " No unread articles." : " No articles."
            screen.put(text, x: rect.x, y: rect.y, role: .listPlaceholder, maxWidth: rect.width)
            return
        }
        let mixed: Bool
        if case .feed = h.scope { mixed = false } else { mixed = true }
        let dateWidth = rect.width >= 44 ? 10 : (rect.width >= 30 ? 5 : 0)
        let feedWidth = mixed && rect.width >= 60 ? min(18, rect.width / 5) : 0
        for i in 0..<rect.height {
            let index = h.top + i
            guard index < h.total else { break }
            let y = rect.y + i
            let selected = index == h.selected
            guard let row = h.row(at: index) else {
                screen.put(" …", x: rect.x, y: y, role: .listPlaceholder, maxWidth: rect.width)
                continue
            }
            let selRole: Role = state.focus == .list ? .listSelected : .listSelectedInactive
            let titleRole: Role = selected ? selRole : (row.isRead ? .listNormal : .listUnread)
            if selected { screen.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: selRole) }
            let right = rect.x + rect.width
            var x = rect.x + 1
            let marker = row.isStarred ? "*" : (row.isRead ? " " : "N")
            x += screen.put(marker, x: x, y: y, role: titleRole, maxWidth: right - x) + 1
            if dateWidth > 0 {
                var date = String(repeating: " ", count: dateWidth)
                if let published = row.published {
                    let full = DateText.short(published, timeZone: state.timeZone)
                    date = dateWidth == 10 ? full : String(full.suffix(5))
                }
                screen.put(date, x: x, y: y, role: selected ? selRole : .listDate, maxWidth: right - x)
                x += dateWidth + 2
            }
            if feedWidth > 0 && x < right {
                let name = TerminalSafe.truncate(TerminalSafe.singleLine(row.feedTitle), toWidth: feedWidth)
                screen.put(name, x: x, y: y, role: selected ? selRole : .listFeed, maxWidth: right - x)
                x += feedWidth + 2
            }
            guard x < right else { continue }
            let title = row.title.isEmpty ? "(untitled)" : TerminalSafe.singleLine(row.title)
            screen.put(TerminalSafe.truncate(title, toWidth: right - x), x: x, y: y, role: titleRole, maxWidth: right - x)
        }
    }
}
