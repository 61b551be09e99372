import Foundation
import TidingsCore
import TidingsText

/// One headline on one row: unread and starred flags, date, feed name (in mixed lists) and title.
/// Shared by the headline list and the feed preview so both read alike.
struct HeadlineRowView {
    let dateWidth: Int
    let feedWidth: Int
    let timeZone: TimeZone

    /// Column widths for a pane `width` wide; `mixed` lists (several feeds) show the feed name.
    init(width: Int, mixed: Bool, timeZone: TimeZone) {
        dateWidth = width >= 44 ? 10 : (width >= 30 ? 5 : 0)
        feedWidth = mixed && width >= 60 ? min(18, width / 5) : 0
        self.timeZone = timeZone
    }

    /// Draws `row` at `y` between `x` and `right`; `highlight` paints the whole row (selection).
    func draw(_ row: Headline, x left: Int, right: Int, y: Int, highlight: Role?, into screen: inout Screen) {
        if let highlight { screen.fill(Rect(x: left, y: y, width: right - left, height: 1), role: highlight) }
        let titleRole: Role = highlight ?? (row.isRead ? .listNormal : .listUnread)
        var x = left + 1
        // Two flag columns, as newsboat's: unread, then starred; a star never hides that an article is new.
        let marker = (row.isRead ? " " : "N") + (row.isStarred ? "*" : " ")
        x += screen.put(marker, x: x, y: y, role: titleRole, maxWidth: right - x) + 1
        if dateWidth > 0 {
            var date = String(repeating: " ", count: dateWidth)
            if let published = row.published {
                let full = DateText.short(published, timeZone: timeZone)
                date = dateWidth == 10 ? full : String(full.suffix(5))
            }
            screen.put(date, x: x, y: y, role: highlight ?? .listDate, maxWidth: right - x)
            x += dateWidth + 2
        }
        if feedWidth > 0 && x < right {
            let name = TerminalSafe.truncate(TerminalSafe.singleLine(row.feedTitle), toWidth: feedWidth)
            screen.put(name, x: x, y: y, role: highlight ?? .listFeed, maxWidth: right - x)
            x += feedWidth + 2
        }
        guard x < right else { return }
        let title = row.title.isEmpty ? "(untitled)" : TerminalSafe.singleLine(row.title)
        screen.put(TerminalSafe.truncate(title, toWidth: right - x), x: x, y: y, role: titleRole, maxWidth: right - x)
    }
}
