import TidingsCore
import TidingsText

/// The feed list: virtual feeds on top, then each feed with unread/total counts.
enum FeedListView {
    static func render(_ state: AppState, into screen: inout Screen, in rect: Rect) {
        let list = state.feedList
        let rows = list.rows
        if state.isLoading {
            screen.put(" Loading…", x: rect.x, y: rect.y, role: .listPlaceholder, maxWidth: rect.width)
            return
        }
        // Counts column wide enough for the largest "unread/total" so titles line up.
        let countWidth = rows.map { "\($0.unread)/\($0.total)".count }.max() ?? 3
        for i in 0..<rect.height {
            let index = list.top + i
            guard rows.indices.contains(index) else { break }
            let row = rows[index]
            let y = rect.y + i
            let selected = index == list.selected
            let base: Role = selected ? (state.focus == .list ? .listSelected : .listSelectedInactive)
                : (row.unread > 0 ? .listUnread : .listNormal)
            screen.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: selected ? base : .listNormal)
            var x = rect.x
            // "!" marks a feed whose last fetch failed; the status line says why and when it is retried.
            if case .feed(let feed) = row, feed.problem != nil, rect.width >= 4 {
                screen.put("!", x: x, y: y, role: selected ? base : .listProblem, maxWidth: 1)
            }
            x += 1
            let counts = "\(row.unread)/\(row.total)"
            let padded = String(repeating: " ", count: max(0, countWidth - counts.count)) + counts
            if rect.width >= countWidth + 8 {
                let countRole: Role = selected ? base : (row.unread > 0 ? .listUnreadCount : .listCount)
                x += screen.put(padded, x: x, y: y, role: countRole, maxWidth: rect.x + rect.width - x)
                x += 2
            }
            screen.put(TerminalSafe.truncate(TerminalSafe.singleLine(row.title), toWidth: max(0, rect.x + rect.width - x)),
                       x: x, y: y, role: base, maxWidth: rect.x + rect.width - x)
        }
    }
}
