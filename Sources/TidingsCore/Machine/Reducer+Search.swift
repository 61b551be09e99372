/// The `/` prompt: results replace the list as you type; Enter keeps them, Esc puts the old list back.
extension AppState {
    /// Matches shown at most; search results are ranked, so the best ones come first.
    static let searchLimit = 500

    mutating func handlePromptKey(_ key: Key) -> [Effect] {
        guard var p = prompt else { return [] }
        switch key {
        case .escape:
            prompt = nil
            headlines = p.previous
            focus = p.previousFocus == .reader && reader != nil ? .reader : .list
            clampList()
            return []
        case .enter:
            prompt = nil
            focus = .list
            if p.text.trimmingCharacters(in: .whitespaces).isEmpty { headlines = p.previous; clampList() }
            else if headlines?.total == 0 { message = StatusMessage("No articles match \(p.text).") }
            return []
        case .backspace, .delete:
            guard !p.text.isEmpty else { return [] }
            p.text.removeLast()
        case .ctrl("u"):
            p.text = ""
        case .ctrl("l"):
            return [.redraw]
        case .char(let c):
            guard p.text.count < 200 else { return [] }
            p.text.append(c)
        default:
            return []
        }
        prompt = p
        if p.text.trimmingCharacters(in: .whitespaces).isEmpty {
            headlines = p.previous
            clampList()
            return []
        }
        return startSearch(p.text)
    }

    /// Shows an (empty until answered) result list for the query and asks for matches.
    mutating func startSearch(_ query: String) -> [Effect] {
        headlines = HeadlineListState(scope: .search(query), title: feedList.title(of: .search(query)), total: 0)
        focus = .list
        return [.search(query, limit: Self.searchLimit)]
    }

    mutating func searchResults(_ query: String, _ rows: [Headline]) {
        guard var h = headlines, h.scope == .search(query) else { return }
        h.window = rows
        h.windowStart = 0
        h.total = rows.count
        h.selected = 0
        h.top = 0
        headlines = h
        clampList()
    }

    /// n/p over a list that is loaded whole.
    mutating func nextUnreadInWindow(direction: PageDirection) -> [Effect] {
        guard let h = headlines else { return [] }
        let from = reader.flatMap { h.index(of: $0.headline.id) } ?? h.selected
        let order = direction == .older ? Array((from + 1)..<max(from + 1, h.windowEnd)) : Array((h.windowStart..<from).reversed())
        guard let i = order.first(where: { h.row(at: $0)?.isRead == false }), let row = h.row(at: i) else {
            message = StatusMessage("No more unread results.")
            return []
        }
        headlines?.selected = i
        clampList()
        return openArticle(row)
    }
}
