/// The only place state changes: applies an action and returns the work the runtime must do.
public func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
    let effects = reduceAction(&state, action)
    return effects + state.previewEffects(after: action)
}

private func reduceAction(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .resized(let size):
        state.size = size
        state.relayoutReader()
        state.clampList()
        return state.ensureHeadlineWindow() + [.redraw]

    case .key(let key):
        state.message = nil
        if state.prompt != nil { return state.handlePromptKey(key) }
        if state.confirmation != nil { return state.answerConfirmation(key) }
        if state.helpScroll != nil { return state.handleHelpKey(key) }
        if state.linkSelection != nil { return state.handleLinkListKey(key) }
        if state.tagSelection != nil { return state.handleTagListKey(key) }
        guard let command = state.keymap.command(for: key, in: state.keyContext) else {
            state.message = StatusMessage("Key \(key.name) is not bound. Press ? for help.")
            return []
        }
        // Esc goes back like q but never quits: it is pressed by reflex to dismiss things.
        if key == .escape && command == .back { return state.goBack(canQuit: false) }
        // 1–9 open links 1–9 and 0 opens link 10, as in newsboat.
        if command == .openLink, case .char(let c) = key, let n = c.wholeNumberValue { return state.openFootnote(n == 0 ? 10 : n) }
        return state.run(command)

    case .feedsLoaded(let feeds, let totals):
        state.isLoading = false
        let selectedScope = state.feedList.rows.indices.contains(state.feedList.selected)
            ? state.feedList.rows[state.feedList.selected].scope : nil
        state.feedList.feeds = feeds
        state.feedList.totals = totals
        if let scope = selectedScope, let row = state.feedList.rowIndex(of: scope) { state.feedList.selected = row }
        state.clampList()
        if let h = state.headlines, case .feed(let id) = h.scope, !feeds.contains(where: { $0.id == id }) {
            state.headlines = nil
        }
        return []

    case .savedSearchesLoaded(let searches):
        let selectedScope = state.feedList.rows.indices.contains(state.feedList.selected)
            ? state.feedList.rows[state.feedList.selected].scope : nil
        state.feedList.savedSearches = searches
        if let scope = selectedScope, let row = state.feedList.rowIndex(of: scope) { state.feedList.selected = row }
        state.clampList()
        return []

    case .headlinesLoaded(let page):
        state.mergePage(page)
        return []

    case .previewLoaded(let page):
        state.previewLoaded(page)
        return []

    case .unreadFound(let search, let match):
        return state.unreadFound(search, match)

    case .articleLoaded(let article):
        guard var reader = state.reader, reader.headline.id == article.headline.id else { return [] }
        reader.article = article
        reader.document = article.document
        // Keep the list's view of the read flag, which may be ahead of what the cache returned.
        let flags = reader.headline
        reader.headline = article.headline
        reader.headline.isRead = flags.isRead
        reader.headline.isStarred = flags.isStarred
        state.reader = reader
        state.relayoutReader(force: true)
        return state.fullArticleOnOpen()

    case .articleMissing(let id):
        if state.reader?.headline.id == id { state.reader = nil; state.focus = .list; state.zoomed = false }
        state.message = StatusMessage("That article is no longer in the cache.", isError: true)
        return []

    case .fullArticleLoaded(let id, let page):
        state.fullArticleLoaded(id, page)
        return []

    case .fullArticleFailed(let id, let reason):
        state.fullArticleFailed(id, reason)
        return []

    case .fullArticlePolicies(let policies, let fallback):
        state.fullArticlePolicies = policies
        state.defaultFullArticlePolicy = fallback
        return []

    case .searchResults(let query, let rows):
        state.searchResults(query, SearchPage(rows: rows, next: nil), after: nil)
        return []

    case .searchPage(let query, let page, let after):
        state.searchResults(query, page, after: after)
        return state.ensureHeadlineWindow()

    case .searchCounted(let query, let count):
        if state.headlines?.scope == .search(query) { state.headlines?.searchCount = count }
        return []

    case .refreshStarted(let total):
        // The progress line takes over from "Reloading…", not from what `R`'s sync reported.
        state.refresh = RefreshProgress(total: total)
        if state.message?.isError == false, state.message != state.syncReport { state.message = nil }
        return []

    case .refreshProgress(let done, let total, let failed):
        state.refresh = RefreshProgress(done: done, total: total, failed: failed)
        return []

    case .refreshFinished(let summary):
        state.refresh = nil
        state.syncReport = nil
        if !summary.isEmpty { state.message = StatusMessage(summary) }
        return reduce(&state, .cacheChanged)

    case .syncStarted(let refreshAfter):
        state.syncStarted(refreshAfter: refreshAfter)
        return []

    case .syncProgress(let step):
        state.syncProgress(step)
        return []

    case .syncFinished(let summary):
        return state.syncEnded(StatusMessage(summary))

    case .syncFailed(let reason):
        return state.syncEnded(StatusMessage(reason, isError: true))

    case .cacheChanged:
        var effects: [Effect] = [.loadFeeds]
        if let h = state.headlines, h.scope.isPaged {
            if let top = h.row(at: h.top) {
                effects.append(.loadHeadlines(h.scope, .reload(top.cursor), limit: state.pageSize))
            } else {
                effects.append(.loadHeadlines(h.scope, .top, limit: state.pageSize))
            }
        }
        return effects

    case .notice(let text):
        state.message = StatusMessage(text)
        return []

    case .failed(let text):
        state.message = StatusMessage(text, isError: true)
        return []
    }
}

extension AppState {
    /// Runs one command from the table in the current context.
    mutating func run(_ command: Command) -> [Effect] {
        switch command {
        case .up: return focus == .reader ? scrollReader(by: -1) : moveSelection(by: -1)
        case .down: return focus == .reader ? scrollReader(by: 1) : moveSelection(by: 1)
        case .pageUp: return focus == .reader ? scrollReader(by: -max(1, readerViewport - 1)) : moveSelection(by: -listViewport)
        case .pageDown: return focus == .reader ? scrollReader(by: max(1, readerViewport - 1)) : moveSelection(by: listViewport)
        case .halfPageUp: return focus == .reader ? scrollReader(by: -max(1, readerViewport / 2)) : moveSelection(by: -max(1, listViewport / 2))
        case .halfPageDown: return focus == .reader ? scrollReader(by: max(1, readerViewport / 2)) : moveSelection(by: max(1, listViewport / 2))
        case .top: return focus == .reader ? scrollReader(to: 0) : selectAbsolute(0)
        case .bottom: return focus == .reader ? scrollReader(to: Int.max) : selectAbsolute(Int.max)
        case .open: return openSelected()
        case .back: return goBack(canQuit: true)
        case .quit: return [.quit]
        case .nextUnread: return startUnreadSearch(direction: .older)
        case .prevUnread: return startUnreadSearch(direction: .newer)
        case .nextArticle: return stepArticle(by: 1)
        case .prevArticle: return stepArticle(by: -1)
        case .nextFeed: return stepFeed(by: 1)
        case .prevFeed: return stepFeed(by: -1)
        case .nextUnreadFeed: return stepFeed(by: 1, unreadOnly: true)
        case .prevUnreadFeed: return stepFeed(by: -1, unreadOnly: true)
        case .toggleRead: return toggleRead()
        case .markFeedRead: return markFeedRead()
        case .openInBrowser: return openInBrowser(markRead: false)
        case .openInBrowserAndMarkRead: return openInBrowser(markRead: true)
        case .toggleFocus:
            if zoomed { return [] }
            if focus == .list {
                guard reader != nil else { message = StatusMessage("No article is open."); return [] }
                focus = .reader
            } else { focus = .list }
            return []
        case .zoom:
            guard reader != nil else { message = StatusMessage("No article is open."); return [] }
            zoomed.toggle()
            if zoomed { focus = .reader }
            relayoutReader()
            clampList()
            return ensureHeadlineWindow()
        case .swapLayout:
            let sideBySide = layout.isSideBySide
            layoutPreference = sideBySide ? .stacked : .sideBySide
            zoomed = false
            relayoutReader()
            clampList()
            message = StatusMessage(sideBySide ? "Stacked layout" : "Side-by-side layout")
            return ensureHeadlineWindow()
        case .help:
            helpScroll = 0
            return []
        case .redraw:
            return [.redraw]
        case .search:
            prompt = PromptState(kind: .search, text: "", previous: headlines, previousFocus: focus)
            return []
        case .reload:
            let scope = headlines?.scope ?? (feedList.rows.indices.contains(feedList.selected) ? feedList.rows[feedList.selected].scope : .all)
            guard case .feed(let id) = scope else { return reloadEverything() }
            if let running = refresh { message = StatusMessage("Already refreshing (\(running.done)/\(running.total)); wait for it to finish."); return [] }
            message = StatusMessage("Reloading \(feedList.title(of: scope))…")
            return [.refresh([id])]
        case .reloadAll:
            return reloadEverything()
        case .markAllRead:
            guard feedList.totals.unread > 0 else { message = StatusMessage("No unread articles."); return [] }
            confirmation = .markAllRead
            return []
        case .openLink:
            return openFootnote(1)
        case .save:
            return startLinePrompt(.saveTo)
        case .toggleStar:
            return toggleStar()
        case .listLinks:
            guard let r = reader, r.article != nil else { message = StatusMessage("Open an article first."); return [] }
            guard !r.document.links.isEmpty else { message = StatusMessage("This article has no links."); return [] }
            linkSelection = 0
            return []
        case .pipe:
            return startLinePrompt(.pipeTo)
        case .selectTag:
            return openTagChooser()
        case .clearTag:
            guard feedList.tagFilter != nil else { message = StatusMessage("Every feed is shown already."); return [] }
            return applyTagFilter(nil)
        case .toggleFullArticle:
            return toggleFullArticle()
        }
    }

    /// `q`/`Esc`: close the reader, then the headline list, then quit (only `q` quits).
    mutating func goBack(canQuit: Bool) -> [Effect] {
        if zoomed { zoomed = false; focus = .list; relayoutReader(); return ensureHeadlineWindow() }
        if focus == .reader { focus = .list; return [] }
        if let h = headlines {
            headlines = nil
            // The article belongs to the list just left; the feed list's reader pane is the preview.
            reader = nil
            if let row = feedList.rowIndex(of: h.scope) { feedList.selected = row }
            clampList()
            return []
        }
        return canQuit ? [.quit] : []
    }

    mutating func handleHelpKey(_ key: Key) -> [Effect] {
        let lines = HelpContent.lines(keymap: keymap).count
        let page = max(1, size.height - 3)
        let maxScroll = max(0, lines - page)
        var scroll = helpScroll ?? 0
        switch keymap.command(for: key, in: .global) {
        case .down?: scroll += 1
        case .up?: scroll -= 1
        case .pageDown?, .halfPageDown?: scroll += page
        case .pageUp?, .halfPageUp?: scroll -= page
        case .top?: scroll = 0
        case .bottom?: scroll = maxScroll
        case .quit?: return [.quit]
        case .redraw?: return [.redraw]
        default: helpScroll = nil; return []
        }
        helpScroll = min(max(0, scroll), maxScroll)
        return []
    }
}
