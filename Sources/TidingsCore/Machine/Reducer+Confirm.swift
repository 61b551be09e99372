/// Yes/no questions and footnote links.
extension AppState {
    mutating func answerConfirmation(_ key: Key) -> [Effect] {
        guard let pending = confirmation else { return [] }
        confirmation = nil
        guard key == .char("y") || key == .char("Y") else {
            message = StatusMessage("Cancelled.")
            return []
        }
        switch pending {
        case .markAllRead:
            for i in feedList.feeds.indices { feedList.feeds[i].unread = 0 }
            feedList.totals.unread = 0
            if var h = headlines {
                for i in h.window.indices { h.window[i].isRead = true }
                headlines = h
            }
            reader?.headline.isRead = true
            message = StatusMessage("Marked everything read.")
            return [.markAllRead(.all)]
        }
    }

    /// `1`–`9`: the article's footnote link n goes to the browser.
    mutating func openFootnote(_ n: Int) -> [Effect] {
        guard let r = reader, r.article != nil else { message = StatusMessage("Open an article first."); return [] }
        let links = r.document.links
        guard n >= 1, n <= links.count else {
            message = StatusMessage(links.isEmpty ? "This article has no links." : "This article has links 1–\(links.count).")
            return []
        }
        return [.openURL(links[n - 1])]
    }

    /// Keys while the link list is open: move, Enter or a digit opens (0 is link 10), anything else closes.
    mutating func handleLinkListKey(_ key: Key) -> [Effect] {
        let links = reader?.document.links ?? []
        guard let selected = linkSelection, !links.isEmpty else { linkSelection = nil; return [] }
        if case .char(let c) = key, let n = c.wholeNumberValue {
            linkSelection = nil
            return openFootnote(n == 0 ? 10 : n)
        }
        let command = keymap.command(for: key, in: .global)
        if let moved = movedChoice(selected, count: links.count, command: command) {
            linkSelection = moved
            return []
        }
        switch command {
        case .open?:
            linkSelection = nil
            return [.openURL(links[selected])]
        case .redraw?: return [.redraw]
        default:
            linkSelection = nil
            return []
        }
    }
}
