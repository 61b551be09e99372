/// Opening articles, read flags and next/previous unread.
extension AppState {
    /// Enter: a feed row opens its headlines; a headline opens in the reader.
    mutating func openSelected() -> [Effect] {
        guard let h = headlines else {
            let rows = feedList.rows
            guard rows.indices.contains(feedList.selected) else { return [] }
            return openScope(rows[feedList.selected].scope)
        }
        guard let row = h.selectedRow else { return [] }
        return openArticle(row)
    }

    /// Shows an article in the reader; returns the load and, when it was unread, the read flag.
    mutating func openArticle(_ headline: Headline) -> [Effect] {
        var effects: [Effect] = [.loadArticle(headline.id)]
        var shown = headline
        if !headline.isRead {
            shown.isRead = true
            setReadLocally(headline, true)
            effects.append(.setRead([headline.id], true))
        }
        reader = ReaderState(headline: shown)
        if case .search(let query)? = headlines?.scope { reader?.highlights = SearchTerms.words(in: query) }
        focus = .reader
        relayoutReader(force: true)
        return effects
    }

    /// Updates every loaded copy of an article and the counters after its read flag changed.
    mutating func setReadLocally(_ headline: Headline, _ read: Bool) {
        let wasRead = headlines?.window.first { $0.id == headline.id }?.isRead
            ?? (reader?.headline.id == headline.id ? reader?.headline.isRead : nil) ?? headline.isRead
        headlines?.update(headline.id) { $0.isRead = read }
        if reader?.headline.id == headline.id { reader?.headline.isRead = read }
        if wasRead != read { feedList.adjustUnread(feed: headline.feedID, by: read ? -1 : 1) }
    }

    /// `N`: toggles the read flag of the article in focus.
    mutating func toggleRead() -> [Effect] {
        let target: Headline?
        if focus == .reader, let r = reader { target = r.headline } else { target = headlines?.selectedRow }
        guard var headline = target else {
            message = StatusMessage("Select an article first.")
            return []
        }
        if let loaded = headlines?.window.first(where: { $0.id == headline.id }) { headline = loaded }
        let read = !headline.isRead
        setReadLocally(headline, read)
        message = StatusMessage(read ? "Marked read." : "Marked unread.")
        return [.setRead([headline.id], read)]
    }

    /// `*`: stars or unstars the article in focus.
    mutating func toggleStar() -> [Effect] {
        let target = focus == .reader ? reader?.headline : headlines?.selectedRow
        guard let id = target?.id else { message = StatusMessage("Select an article first."); return [] }
        let starred = !((headlines?.window.first { $0.id == id } ?? target)?.isStarred ?? false)
        headlines?.update(id) { $0.isStarred = starred }
        if reader?.headline.id == id { reader?.headline.isStarred = starred }
        message = StatusMessage(starred ? "Starred." : "Unstarred.")
        return [.setStarred([id], starred)]
    }

    /// `A`: marks the scope in view read (the selected row's scope in the feed list).
    mutating func markFeedRead() -> [Effect] {
        let scope: ListScope
        if let h = headlines { scope = h.scope } else {
            let rows = feedList.rows
            guard rows.indices.contains(feedList.selected) else { return [] }
            scope = rows[feedList.selected].scope
        }
        let feedID: FeedID
        switch scope {
        case .all, .unread:
            // Everything at once, from the row selected at start: the same question as C.
            guard feedList.totals.unread > 0 else { message = StatusMessage("No unread articles."); return [] }
            confirmation = .markAllRead
            return []
        case .search:
            // Search results are a list of ids: mark exactly those.
            let unread = headlines?.window.filter { !$0.isRead } ?? []
            for row in unread { setReadLocally(row, true) }
            message = StatusMessage("Marked \(unread.count) search results read.")
            return unread.isEmpty ? [] : [.setRead(unread.map(\.id), true)]
        case .feed(let id):
            feedID = id
            if let i = feedList.feeds.firstIndex(where: { $0.id == id }) { feedList.feeds[i].unread = 0 }
            feedList.totals.unread = feedList.feeds.reduce(0) { $0 + $1.unread }
        }
        if var h = headlines {
            for i in h.window.indices where h.window[i].feedID == feedID { h.window[i].isRead = true }
            headlines = h
        }
        if reader?.headline.feedID == feedID { reader?.headline.isRead = true }
        message = StatusMessage("Marked \(feedList.title(of: scope)) read.")
        return [.markAllRead(scope)]
    }

    /// `J`/`K` in the reader, `.`/`,`: the next or previous article in the list, read or not.
    mutating func stepArticle(by delta: Int) -> [Effect] {
        guard var h = headlines, h.total > 0 else { return [] }
        let from = reader.flatMap { h.index(of: $0.headline.id) } ?? h.selected
        let next = from + delta
        guard next >= 0 && next < h.total else {
            message = StatusMessage(delta > 0 ? "This is the last article." : "This is the first article.")
            return []
        }
        h.selected = next
        headlines = h
        clampList()
        var effects = ensureHeadlineWindow()
        if effects.isEmpty, let row = headlines?.selectedRow {
            effects += openArticle(row)
        } else {
            // The row is not loaded yet: it will be once the page arrives; open it then via Enter.
            message = StatusMessage("Loading…")
        }
        return effects
    }

    /// `n`/`p`: starts a search for the next or previous unread article.
    mutating func startUnreadSearch(direction: PageDirection) -> [Effect] {
        guard let h = headlines else {
            // From the feed list: the selected feed if it has unread, else the next one that does.
            let rows = feedList.rows
            let order = direction == .older
                ? Array(feedList.selected..<rows.count) + Array(0..<feedList.selected)
                : Array((0...feedList.selected).reversed()) + Array(((feedList.selected + 1)..<rows.count).reversed())
            guard let i = order.first(where: { rows[$0].unread > 0 && rows[$0].scope.isPaged }) else {
                message = StatusMessage("No unread articles.")
                return []
            }
            let scope = rows[i].scope
            return [.findUnread(UnreadSearch(scope: scope == .unread ? .all : scope, from: nil, direction: direction),
                                windowLimit: pageSize)]
        }
        // From the list: an unread selected row that is not already open counts as the next one.
        if focus == .list, let row = h.selectedRow, !row.isRead, reader?.headline.id != row.id {
            return openArticle(row)
        }
        if !h.scope.isPaged { return nextUnreadInWindow(direction: direction) }
        let anchor = (focus == .reader ? reader?.headline.cursor : nil) ?? h.selectedRow?.cursor
        return [.findUnread(UnreadSearch(scope: h.scope, from: anchor, direction: direction), windowLimit: pageSize)]
    }

    /// Handles the answer to an unread search: open it, or try the next feed, or wrap, or say there is none.
    mutating func unreadFound(_ search: UnreadSearch, _ match: UnreadMatch?) -> [Effect] {
        guard let match else {
            if search.isRetry {
                message = StatusMessage("No unread articles.")
                return []
            }
            switch search.scope {
            case .feed(let id):
                // Across feeds: the next (or previous) feed with unread articles, wrapping around.
                let feeds = feedList.feeds
                guard let at = feeds.firstIndex(where: { $0.id == id }) else { break }
                let n = feeds.count
                let steps = (1..<max(1, n)).map { search.direction == .older ? (at + $0) % n : (at - $0 + n) % n }
                if let j = steps.first(where: { feeds[$0].unread > 0 }) {
                    return [.findUnread(UnreadSearch(scope: .feed(feeds[j].id), from: nil, direction: search.direction, isRetry: true),
                                        windowLimit: pageSize)]
                }
            case .all, .unread, .search:
                break
            }
            // Nothing elsewhere: wrap around within the scope once.
            guard search.from != nil else { message = StatusMessage("No unread articles."); return [] }
            return [.findUnread(UnreadSearch(scope: search.scope, from: nil, direction: search.direction, isRetry: true),
                                windowLimit: pageSize)]
        }
        // Say when n/p left the feed or wrapped around: otherwise the jump looks like a mistake.
        if search.isRetry, let from = headlines?.scope {
            if from != search.scope {
                message = StatusMessage("No more unread in \(feedList.title(of: from)): on to \(feedList.title(of: search.scope)).")
            } else {
                message = StatusMessage(search.direction == .older ? "Wrapped around to the first unread article."
                                                                   : "Wrapped around to the last unread article.")
            }
        }
        if headlines?.scope != search.scope {
            headlines = HeadlineListState(scope: search.scope, title: feedList.title(of: search.scope), total: match.total)
            if let row = feedList.rowIndex(of: search.scope) { feedList.selected = row }
        }
        guard var h = headlines else { return [] }
        h.window = match.window
        h.windowStart = match.firstIndex
        h.total = max(match.total, match.firstIndex + match.window.count)
        h.selected = h.index(of: match.target.id) ?? match.firstIndex
        // Centre the found row when the list has to scroll to show it.
        if h.selected < h.top || h.selected >= h.top + listViewport { h.top = h.selected - listViewport / 2 }
        headlines = h
        clampList()
        let row = headlines?.selectedRow ?? match.target
        return openArticle(row) + ensureHeadlineWindow()
    }

    /// `o`/`O`: the article in focus goes to the browser.
    mutating func openInBrowser(markRead: Bool) -> [Effect] {
        let target = focus == .reader ? reader?.headline : (headlines?.selectedRow ?? reader?.headline)
        guard let headline = target else { message = StatusMessage("Select an article first."); return [] }
        var effects: [Effect] = [.openLink(headline.id)]
        let current = headlines?.window.first { $0.id == headline.id } ?? headline
        if markRead && !current.isRead {
            setReadLocally(current, true)
            effects.append(.setRead([headline.id], true))
        }
        return effects
    }
}
