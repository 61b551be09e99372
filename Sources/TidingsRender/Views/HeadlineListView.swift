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
        let rowView = HeadlineRowView(width: rect.width, mixed: mixed, timeZone: state.timeZone)
        let selRole: Role = state.focus == .list ? .listSelected : .listSelectedInactive
        for i in 0..<rect.height {
            let index = h.top + i
            guard index < h.total else { break }
            let y = rect.y + i
            guard let row = h.row(at: index) else {
                screen.put(" …", x: rect.x, y: y, role: .listPlaceholder, maxWidth: rect.width)
                continue
            }
            rowView.draw(row, x: rect.x, right: rect.x + rect.width, y: y,
                         highlight: index == h.selected ? selRole : nil, into: &screen)
        }
    }
}
