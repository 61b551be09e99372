/// Movement in the feed list and the paged headline list.
extension AppState {
    /// Rows a headline page asks for: a few screens, so scrolling rarely waits on the cache.
    var pageSize: Int { max(50, listViewport * 3) }
    /// Rows kept loaded at most; older parts of the window are dropped beyond it.
    var maxWindow: Int { max(300, pageSize * 4) }

    mutating func moveSelection(by delta: Int) -> [Effect] {
        if let h = headlines { return selectAbsolute(h.selected + delta) }
        return selectAbsolute(feedList.selected + delta)
    }

    /// Selects a row by absolute index (clamped) in whichever list is shown.
    mutating func selectAbsolute(_ index: Int) -> [Effect] {
        if var h = headlines {
            guard h.total > 0 else { return [] }
            h.selected = min(max(0, index), h.total - 1)
            headlines = h
            clampList()
            return ensureHeadlineWindow()
        }
        feedList.selected = min(max(0, index), feedList.rowCount - 1)
        clampList()
        return []
    }

    /// Keeps selections in range and visible in the list viewport.
    mutating func clampList() {
        let vh = listViewport
        feedList.selected = min(max(0, feedList.selected), max(0, feedList.rowCount - 1))
        feedList.top = Self.scrolled(top: feedList.top, selected: feedList.selected, count: feedList.rowCount, viewport: vh)
        guard var h = headlines else { return }
        h.selected = min(max(0, h.selected), max(0, h.total - 1))
        h.top = Self.scrolled(top: h.top, selected: h.selected, count: h.total, viewport: vh)
        headlines = h
    }

    /// The smallest scroll that shows `selected`, never leaving empty rows below the last item.
    static func scrolled(top: Int, selected: Int, count: Int, viewport: Int) -> Int {
        var top = top
        if selected < top { top = selected }
        if selected >= top + viewport { top = selected - viewport + 1 }
        top = min(top, max(0, count - viewport))
        return max(0, top)
    }

    /// Asks for the rows the viewport needs when they are not loaded yet.
    mutating func ensureHeadlineWindow() -> [Effect] {
        guard let h = headlines, h.total > 0 else { return [] }
        if case .search(let query) = h.scope { return moreSearchResults(query) }
        let needStart = h.top
        let needEnd = min(h.total, h.top + listViewport)
        if needStart >= h.windowStart && needEnd <= h.windowEnd { return [] }
        // Contiguous with the window: extend it; otherwise jump to the nearer end.
        if h.window.isEmpty {
            return [.loadHeadlines(h.scope, needStart < h.total / 2 ? .top : .bottom, limit: pageSize)]
        }
        if needEnd > h.windowEnd && needStart <= h.windowEnd + pageSize, let last = h.window.last {
            return [.loadHeadlines(h.scope, .after(last.cursor), limit: max(pageSize, needEnd - h.windowEnd))]
        }
        if needStart < h.windowStart && needEnd >= h.windowStart - pageSize, let first = h.window.first {
            return [.loadHeadlines(h.scope, .before(first.cursor), limit: max(pageSize, h.windowStart - needStart))]
        }
        return [.loadHeadlines(h.scope, needStart < h.total - needEnd ? .top : .bottom, limit: max(pageSize, listViewport))]
    }

    /// Merges a page into the window, or replaces the window when the page is not contiguous with it.
    mutating func mergePage(_ page: HeadlinePage) {
        guard var h = headlines, h.scope == page.scope else { return }
        switch page.anchor {
        case .after(let cursor) where h.window.last?.cursor == cursor:
            h.window += page.rows
            h.total = page.rows.isEmpty ? h.windowEnd : max(page.total, h.windowEnd)
        case .before(let cursor) where h.window.first?.cursor == cursor:
            h.window = page.rows + h.window
            h.windowStart = max(0, h.windowStart - page.rows.count)
            if page.rows.isEmpty && h.windowStart > 0 {
                // The cache has fewer rows above than we thought: renumber from zero.
                let shift = h.windowStart
                h.windowStart = 0; h.selected -= shift; h.top -= shift
            }
            h.total = max(page.total, h.windowEnd)
        case .after, .before:
            return
        case .reload(let from):
            // New articles may have arrived above: follow the selected article to its new position.
            let selectedID = h.selectedRow?.id
            let shift = page.firstIndex - h.top
            let kept = h.scope == .unread ? Self.readHere(in: h.window, from: from, page: page) : []
            h.window = kept.isEmpty ? page.rows : (page.rows + kept).sorted(by: Self.listOrder)
            h.total = page.total + kept.count
            h.windowStart = page.firstIndex
            h.total = max(h.total, h.windowEnd)
            h.top = page.firstIndex
            if let id = selectedID, let i = h.index(of: id) { h.selected = i } else { h.selected += shift }
        case .top:
            h.window = page.rows; h.windowStart = 0; h.total = page.total
        case .bottom:
            h.window = page.rows; h.windowStart = max(0, page.total - page.rows.count); h.total = page.total
        }
        trimWindow(&h)
        headlines = h
        clampList()
    }

    /// Rows of the "Unread" list that were read in this session and fall inside a reloaded page:
    /// the cache no longer lists them as unread, but they stay where the reader left them (as in
    /// newsboat) so another process's write does not pull the list from under the cursor.
    private static func readHere(in window: [Headline], from: HeadlineCursor, page: HeadlinePage) -> [Headline] {
        let reachesEnd = page.firstIndex + page.rows.count >= page.total
        let last = page.rows.last?.cursor
        let fetched = Set(page.rows.map(\.id))
        return window.filter { row in
            guard row.isRead, !fetched.contains(row.id) else { return false }
            let atOrAfterStart = !listOrder(row.cursor, from)
            let beforeEnd = reachesEnd || last.map { listOrder(row.cursor, $0) } ?? false
            return atOrAfterStart && beforeEnd
        }
    }

    /// Newest first, then higher id first: the order of every headline list.
    static func listOrder(_ a: HeadlineCursor, _ b: HeadlineCursor) -> Bool {
        a.sortDate != b.sortDate ? a.sortDate > b.sortDate : a.id > b.id
    }

    static func listOrder(_ a: Headline, _ b: Headline) -> Bool { listOrder(a.cursor, b.cursor) }

    /// Drops rows far from the viewport so memory stays flat however far one scrolls.
    private func trimWindow(_ h: inout HeadlineListState) {
        guard h.window.count > maxWindow else { return }
        let keepStart = max(h.windowStart, min(h.top - maxWindow / 2, h.windowEnd - maxWindow))
        let dropFront = keepStart - h.windowStart
        if dropFront > 0 { h.window.removeFirst(dropFront); h.windowStart += dropFront }
        if h.window.count > maxWindow { h.window.removeLast(h.window.count - maxWindow) }
    }

    /// Opens the headline list of a scope, starting at the top.
    mutating func openScope(_ scope: ListScope) -> [Effect] {
        let total: Int
        switch scope {
        case .all: total = feedList.totals.total
        case .unread: total = feedList.totals.unread
        case .feed(let id): total = feedList.feeds.first { $0.id == id }?.total ?? 0
        case .search(let query): return startSearch(query)
        }
        if headlines?.scope != scope { reader = nil; zoomed = false }
        headlines = HeadlineListState(scope: scope, title: feedList.title(of: scope), total: total)
        if let row = feedList.rowIndex(of: scope) { feedList.selected = row }
        focus = .list
        clampList()
        return [.loadHeadlines(scope, .top, limit: pageSize)]
    }

    /// `J`/`K` in the list: the next or previous feed's headlines (or row in the feed list).
    /// `J`/`K` (and, with `unreadOnly`, `^N`/`^P`): the next or previous feed. In the feed list
    /// this moves the selection; elsewhere it opens that feed's headlines.
    mutating func stepFeed(by delta: Int, unreadOnly: Bool = false) -> [Effect] {
        guard unreadOnly else {
            guard let h = headlines else { return moveSelection(by: delta) }
            let next = (feedList.rowIndex(of: h.scope) ?? 0) + delta
            guard feedList.rows.indices.contains(next) else {
                message = StatusMessage(delta > 0 ? "This is the last feed." : "This is the first feed.")
                return []
            }
            return openScope(feedList.rows[next].scope)
        }
        let current = headlines.flatMap { feedList.rowIndex(of: $0.scope) } ?? feedList.selected
        let rows = feedList.rows
        // Real feeds only: "All articles", "Unread" and saved searches are not feeds to step through.
        let candidates = stride(from: current + delta, to: delta > 0 ? rows.count : -1, by: delta > 0 ? 1 : -1)
            .filter { $0 >= feedList.firstFeedRow && rows[$0].unread > 0 }
        guard let next = candidates.first else {
            message = StatusMessage(delta > 0 ? "No feed with unread articles below this one." : "No feed with unread articles above this one.")
            return []
        }
        guard headlines != nil else { return selectAbsolute(next) }
        return openScope(rows[next].scope)
    }
}
