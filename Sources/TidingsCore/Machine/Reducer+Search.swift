import Foundation

/// The `/` prompt: results replace the list as you type; Enter keeps them, Esc puts the old list back.
extension AppState {
    /// Matches per page: the first page shows while the rest is read as the list scrolls.
    public static let searchLimit = 100
    /// Matches counted at most; past it the title says "more than".
    public static let searchCountLimit = 10_000

    mutating func handlePromptKey(_ key: Key) -> [Effect] {
        guard var p = prompt else { return [] }
        if p.kind != .search { return handleLinePromptKey(key, &p) }
        switch key {
        case .escape:
            prompt = nil
            headlines = p.previous
            focus = p.previousFocus == .reader && reader != nil ? .reader : .list
            clampList()
            return stopSearch()
        case .enter:
            prompt = nil
            focus = .list
            if p.text.trimmingCharacters(in: .whitespaces).isEmpty { headlines = p.previous; clampList(); return stopSearch() }
            // A search still running answers later; only a finished empty one means nothing matched.
            if searchInFlight == nil, headlines?.total == 0 { message = StatusMessage("No articles match \(p.text).") }
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
            return stopSearch()
        }
        return startSearch(p.text)
    }

    /// Drops the search in flight, if any: its results would land on a list no longer shown.
    private mutating func stopSearch() -> [Effect] {
        guard searchInFlight != nil else { return [] }
        searchInFlight = nil
        return [.cancelSearch]
    }

    /// Shows an (empty until answered) result list for the query and asks for matches.
    mutating func startSearch(_ query: String) -> [Effect] {
        headlines = HeadlineListState(scope: .search(query), title: feedList.title(of: .search(query)), total: 0)
        focus = .list
        searchInFlight = query
        return [.search(query, limit: Self.searchLimit)]
    }

    /// A page of results: the first replaces the list, a later one (the answer to the cursor the
    /// list asked with) is appended; anything else is stale and dropped.
    mutating func searchResults(_ query: String, _ page: SearchPage, after: SearchCursor?) {
        guard var h = headlines, h.scope == .search(query) else {
            if searchInFlight == query, after == nil { searchInFlight = nil }
            return
        }
        if let after {
            guard h.searchNextAsked, h.searchNext == after else { return }
            h.window += page.rows
        } else {
            guard searchInFlight == query else { return }
            searchInFlight = nil
            // Enter was pressed before the answer came: say so now if nothing matched.
            if prompt == nil, page.rows.isEmpty { message = StatusMessage("No articles match \(query).") }
            h.window = page.rows
            h.windowStart = 0
            h.selected = 0
            h.top = 0
        }
        h.total = h.window.count
        h.searchNext = page.next
        h.searchNextAsked = false
        headlines = h
        clampList()
    }

    /// Asks for the next page once the viewport comes within a screen of the loaded rows' end.
    mutating func moreSearchResults(_ query: String) -> [Effect] {
        guard var h = headlines, let next = h.searchNext, !h.searchNextAsked,
              h.top + 2 * listViewport >= h.windowEnd else { return [] }
        h.searchNextAsked = true
        headlines = h
        return [.searchMore(query, after: next, limit: Self.searchLimit)]
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

    /// Save and pipe prompts: plain line editing; Enter acts on the article in the reader.
    private mutating func handleLinePromptKey(_ key: Key, _ p: inout PromptState) -> [Effect] {
        switch key {
        case .escape:
            prompt = nil
            message = StatusMessage("Cancelled.")
            return []
        case .enter:
            prompt = nil
            let text = p.text.trimmingCharacters(in: .whitespaces)
            guard let reader, reader.article != nil else { return [] }
            let body = reader.lines.map(\.plainText).joined(separator: "\n") + "\n"
            if p.kind == .saveTo {
                guard !text.isEmpty else { message = StatusMessage("Cancelled."); return [] }
                return [.saveText(body, path: text)]
            }
            return [.pipeText(body, command: text)]
        case .backspace, .delete:
            if !p.text.isEmpty { p.text.removeLast() }
        case .ctrl("u"):
            p.text = ""
        case .char(let c):
            guard p.text.count < 1000 else { return [] }
            p.text.append(c)
        default:
            return []
        }
        prompt = p
        return []
    }

    /// `s` / `|`: asks where to save, or what to pipe the open article into.
    mutating func startLinePrompt(_ kind: PromptKind) -> [Effect] {
        guard let r = reader, r.article != nil else { message = StatusMessage("Open an article first."); return [] }
        let suggestion = kind == .saveTo ? Self.fileName(for: r.headline.title) : ""
        prompt = PromptState(kind: kind, text: suggestion, previous: headlines, previousFocus: focus)
        return []
    }

    /// A file name from a title: lower-case ASCII letters and digits joined by dashes.
    static func fileName(for title: String) -> String {
        var out = ""
        for scalar in title.lowercased().unicodeScalars {
            if scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar)) { out.unicodeScalars.append(scalar) }
            else if !out.isEmpty && !out.hasSuffix("-") { out.append("-") }
            if out.count >= 60 { break }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return (out.isEmpty ? "article" : out) + ".txt"
    }
}
