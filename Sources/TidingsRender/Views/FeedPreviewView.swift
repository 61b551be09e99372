import TidingsCore
import TidingsText

/// The reader pane while the feed list is up: the selected feed's name, counts and newest headlines.
enum FeedPreviewView {
    /// Draws the preview and returns true, or returns false when there is none for the selected row.
    static func render(_ state: AppState, into screen: inout Screen, in rect: Rect) -> Bool {
        guard let scope = state.previewScope, let preview = state.preview, preview.scope == scope, preview.isLoaded,
              let row = state.feedList.rows.indices.contains(state.feedList.selected)
                ? state.feedList.rows[state.feedList.selected] : nil
        else { return false }
        let inset = rect.width > 2 ? 1 : 0
        let right = rect.x + rect.width
        screen.put(TerminalSafe.singleLine(row.title), x: rect.x + inset, y: rect.y, role: .readerTitle, maxWidth: rect.width - inset)
        if rect.height > 1 {
            let counts = "\(row.unread) unread of \(row.total) · Enter opens the list, n the next unread"
            screen.put(counts, x: rect.x + inset, y: rect.y + 1, role: .readerMeta, maxWidth: rect.width - inset)
        }
        guard rect.height > 3 else { return true }
        if preview.rows.isEmpty {
            let text = scope == .unread ? "No unread articles." : "No articles yet."
            screen.put(text, x: rect.x + inset, y: rect.y + 3, role: .readerPlaceholder, maxWidth: rect.width - inset)
            return true
        }
        let mixed: Bool
        if case .feed = scope { mixed = false } else { mixed = true }
        let rowView = HeadlineRowView(width: rect.width, mixed: mixed, timeZone: state.timeZone)
        for (i, headline) in preview.rows.enumerated() where i < rect.height - 3 {
            rowView.draw(headline, x: rect.x, right: right, y: rect.y + 3 + i, highlight: nil, into: &screen)
        }
        return true
    }
}
