import Foundation
import Testing
@testable import TidingsCore

@Suite struct HeadlineReducerTests {
    @Test func enterOnAnUnreadHeadlineOpensItAndReturnsTheReadFlag() {
        var s = Fixture.alphaList()
        let effects = reduce(&s, .key(.enter))
        #expect(effects == [.loadArticle(10), .setRead([10], true)])
        #expect(s.focus == .reader)
        #expect(s.reader?.headline.id == 10)
        #expect(s.reader?.headline.isRead == true)
        #expect(s.headlines?.window[0].isRead == true)
        #expect(s.feedList.feeds[0].unread == 1)
        #expect(s.feedList.totals.unread == 2)
    }

    @Test func enterOnAReadHeadlineOnlyLoadsIt() {
        var s = Fixture.alphaList()
        _ = reduce(&s, .key(.char("G")))
        let before = s.feedList
        #expect(reduce(&s, .key(.enter)) == [.loadArticle(12)])
        #expect(s.feedList == before)
    }

    @Test func toggleReadFlipsTheSelectedRowAndTheCounters() {
        var s = Fixture.alphaList()
        #expect(reduce(&s, .key(.char("N"))) == [.setRead([10], true)])
        #expect(s.headlines?.window[0].isRead == true)
        #expect(s.feedList.feeds[0].unread == 1)
        #expect(reduce(&s, .key(.char("N"))) == [.setRead([10], false)])
        #expect(s.feedList.feeds[0].unread == 2)
        #expect(s.message == StatusMessage("Marked unread."))
    }

    @Test func markFeedReadMarksLoadedRowsAndTheFeed() {
        var s = Fixture.alphaList()
        #expect(reduce(&s, .key(.char("A"))) == [.markAllRead(.feed(1))])
        #expect(s.headlines?.window.allSatisfy(\.isRead) == true)
        #expect(s.feedList.feeds[0].unread == 0)
        #expect(s.feedList.totals.unread == 1)
    }

    @Test func qGoesBackToTheFeedListWithTheFeedSelected() {
        var s = Fixture.alphaList()
        // Back on the feed list, the reader pane previews Alpha (its rows are read again: they may have changed).
        #expect(reduce(&s, .key(.char("q"))) == [.loadPreview(.feed(1), limit: 10)])
        #expect(s.headlines == nil)
        #expect(s.feedList.selected == 2)
    }

    @Test func nOnAnUnreadSelectedRowOpensIt() {
        var s = Fixture.alphaList()
        #expect(reduce(&s, .key(.char("n"))) == [.loadArticle(10), .setRead([10], true)])
    }

    @Test func nFromTheReaderSearchesAfterTheOpenArticle() {
        var s = Fixture.reading()
        let effects = reduce(&s, .key(.char("n")))
        #expect(effects == [.findUnread(UnreadSearch(scope: .feed(1), from: Fixture.alpha[0].cursor, direction: .older),
                                        windowLimit: s.pageSize)])
        let p = reduce(&s, .key(.char("p")))
        #expect(p == [.findUnread(UnreadSearch(scope: .feed(1), from: Fixture.alpha[0].cursor, direction: .newer),
                                  windowLimit: s.pageSize)])
    }

    @Test func unreadFoundOpensTheMatchAndCentresIt() {
        var s = Fixture.reading()
        let search = UnreadSearch(scope: .feed(1), from: Fixture.alpha[0].cursor, direction: .older)
        let match = UnreadMatch(target: Fixture.alpha[1], window: Fixture.alpha, firstIndex: 0, total: 3)
        let effects = reduce(&s, .unreadFound(search, match))
        #expect(effects == [.loadArticle(11), .setRead([11], true)])
        #expect(s.headlines?.selected == 1)
        #expect(s.reader?.headline.id == 11)
        #expect(s.feedList.feeds[0].unread == 0)
    }

    @Test func noMoreUnreadInAFeedMovesToTheNextFeedWithUnread() {
        var s = Fixture.reading()
        let search = UnreadSearch(scope: .feed(1), from: Fixture.alpha[0].cursor, direction: .older)
        let effects = reduce(&s, .unreadFound(search, nil))
        // Beta has nothing unread, so Gamma is next.
        #expect(effects == [.findUnread(UnreadSearch(scope: .feed(3), from: nil, direction: .older, isRetry: true),
                                        windowLimit: s.pageSize)])
    }

    @Test func anUnreadMatchInAnotherFeedSwitchesTheList() {
        var s = Fixture.reading()
        let gamma = Fixture.headline(30, feed: 3)
        let search = UnreadSearch(scope: .feed(3), from: nil, direction: .older, isRetry: true)
        _ = reduce(&s, .unreadFound(search, UnreadMatch(target: gamma, window: [gamma], firstIndex: 0, total: 2)))
        #expect(s.headlines?.scope == .feed(3))
        #expect(s.headlines?.title == "Gamma")
        #expect(s.feedList.selected == 4)
        #expect(s.reader?.headline.id == 30)
    }

    @Test func aRetryThatFindsNothingSaysSo() {
        var s = Fixture.reading()
        let search = UnreadSearch(scope: .feed(3), from: nil, direction: .older, isRetry: true)
        #expect(reduce(&s, .unreadFound(search, nil)) == [])
        #expect(s.message == StatusMessage("No unread articles."))
    }

    @Test func noUnreadAnywhereElseWrapsWithinTheScopeOnce() {
        var s = Fixture.alphaList()
        s.feedList.feeds[2].unread = 0
        let search = UnreadSearch(scope: .all, from: Fixture.alpha[1].cursor, direction: .older)
        #expect(reduce(&s, .unreadFound(search, nil)) ==
                [.findUnread(UnreadSearch(scope: .all, from: nil, direction: .older, isRetry: true), windowLimit: s.pageSize)])
    }

    @Test func jKeepsTheSelectionInsideTheList() {
        var s = Fixture.alphaList()
        for _ in 0..<5 { _ = reduce(&s, .key(.char("j"))) }
        #expect(s.headlines?.selected == 2)
        for _ in 0..<5 { _ = reduce(&s, .key(.char("k"))) }
        #expect(s.headlines?.selected == 0)
    }

    @Test func openingANextFeedWithJ() {
        var s = Fixture.alphaList()
        let effects = reduce(&s, .key(.char("J")))
        #expect(effects == [.loadHeadlines(.feed(2), .top, limit: s.pageSize)])
        #expect(s.headlines?.title == "Beta")
    }
}

/// Paging over a large scope: only a window is loaded, and moving past it asks for more.
@Suite struct HeadlinePagingTests {
    static func big(total: Int = 10_000, loaded: Int = 60) -> AppState {
        var s = Fixture.feedList()
        _ = reduce(&s, .key(.enter))
        let rows = (0..<loaded).map { Fixture.headline(ArticleID(1000 + $0)) }
        _ = reduce(&s, .headlinesLoaded(HeadlinePage(scope: .all, anchor: .top, rows: rows, firstIndex: 0, total: total)))
        return s
    }

    @Test func movingPastTheWindowAsksForTheNextPage() {
        var s = Self.big()
        var effects: [Effect] = []
        for _ in 0..<60 { effects = reduce(&s, .key(.char("j"))) }
        #expect(effects == [.loadHeadlines(.all, .after(Fixture.headline(1059).cursor), limit: s.pageSize)])
    }

    @Test func anAfterPageIsAppended() {
        var s = Self.big()
        let more = (60..<120).map { Fixture.headline(ArticleID(1000 + $0)) }
        _ = reduce(&s, .headlinesLoaded(HeadlinePage(scope: .all, anchor: .after(Fixture.headline(1059).cursor),
                                                     rows: more, firstIndex: 60, total: 10_000)))
        #expect(s.headlines?.window.count == 120)
        #expect(s.headlines?.row(at: 119)?.id == 1119)
    }

    @Test func bottomJumpsWithABottomPage() {
        var s = Self.big()
        let effects = reduce(&s, .key(.char("G")))
        #expect(effects == [.loadHeadlines(.all, .bottom, limit: s.pageSize)])
        #expect(s.headlines?.selected == 9_999)
        let rows = (0..<50).map { Fixture.headline(ArticleID(20_000 + $0)) }
        _ = reduce(&s, .headlinesLoaded(HeadlinePage(scope: .all, anchor: .bottom, rows: rows, firstIndex: 9_950, total: 10_000)))
        #expect(s.headlines?.windowStart == 9_950)
        #expect(s.headlines?.selectedRow?.id == 20_049)
        #expect(reduce(&s, .key(.char("k"))) == [])
    }

    @Test func aPageForAnotherScopeIsIgnored() {
        var s = Self.big()
        let before = s
        _ = reduce(&s, .headlinesLoaded(HeadlinePage(scope: .unread, anchor: .top, rows: [], firstIndex: 0, total: 0)))
        #expect(s == before)
    }

    @Test func theWindowNeverGrowsWithoutBound() {
        var s = Self.big(total: 100_000, loaded: 50)
        var next = 1050
        for _ in 0..<400 {
            let effects = reduce(&s, .key(.pageDown))
            for case .loadHeadlines(_, .after, let limit) in effects {
                let rows = (0..<limit).map { Fixture.headline(ArticleID(next + $0)) }
                next += limit
                _ = reduce(&s, .headlinesLoaded(HeadlinePage(scope: .all, anchor: .after(s.headlines!.window.last!.cursor),
                                                             rows: rows, firstIndex: s.headlines!.windowEnd, total: 100_000)))
            }
        }
        let h = try! #require(s.headlines)
        #expect(h.window.count <= s.maxWindow)
        #expect(h.selectedRow != nil)
        #expect(h.top >= h.windowStart && h.top + s.listViewport <= h.windowEnd)
    }
}

@Suite struct SearchPromptTests {
    @Test func typingSearchesAsYouTypeAndEscRestoresTheList() {
        var s = Fixture.alphaList()
        let before = s.headlines
        #expect(reduce(&s, .key(.char("/"))) == [])
        #expect(s.prompt?.text == "")
        #expect(reduce(&s, .key(.char("t"))) == [.search("t", limit: AppState.searchLimit)])
        #expect(reduce(&s, .key(.char("i"))) == [.search("ti", limit: AppState.searchLimit)])
        #expect(s.headlines?.scope == .search("ti"))
        _ = reduce(&s, .searchResults("ti", [Fixture.alpha[1]]))
        #expect(s.headlines?.total == 1)
        _ = reduce(&s, .searchResults("t", Fixture.alpha))  // a stale answer is ignored
        #expect(s.headlines?.total == 1)
        #expect(reduce(&s, .key(.escape)) == [])
        #expect(s.prompt == nil)
        #expect(s.headlines == before)
    }

    @Test func enterKeepsTheResultsAndOpeningHighlightsTheWords() {
        var s = Fixture.alphaList()
        _ = reduce(&s, .key(.char("/")))
        for c in "title:Hello world" { _ = reduce(&s, .key(.char(c))) }
        _ = reduce(&s, .searchResults("title:Hello world", [Fixture.alpha[0]]))
        #expect(reduce(&s, .key(.enter)) == [])
        #expect(s.prompt == nil)
        #expect(reduce(&s, .key(.enter)) == [.loadArticle(10), .setRead([10], true)])
        _ = reduce(&s, .articleLoaded(Fixture.article(Fixture.alpha[0])))
        #expect(s.reader?.highlights == ["Hello", "world"])
        let marked = s.reader!.lines.flatMap(\.runs).filter { $0.role == .highlight }.map(\.text)
        #expect(marked == ["Hello", "world"])
    }

    @Test func backspaceToEmptyShowsThePreviousList() {
        var s = Fixture.alphaList()
        _ = reduce(&s, .key(.char("/")))
        _ = reduce(&s, .key(.char("x")))
        #expect(reduce(&s, .key(.backspace)) == [.cancelSearch], "the query for x is still running: it is dropped")
        #expect(s.headlines?.scope == .feed(1))
        #expect(s.prompt != nil)
    }

    @Test func markAllReadInSearchResultsMarksThoseIds() {
        var s = Fixture.alphaList()
        _ = reduce(&s, .key(.char("/")))
        _ = reduce(&s, .key(.char("a")))
        _ = reduce(&s, .searchResults("a", Fixture.alpha))
        _ = reduce(&s, .key(.enter))
        #expect(reduce(&s, .key(.char("A"))) == [.setRead([10, 11], true)])
        #expect(s.feedList.feeds[0].unread == 0)
    }

    @Test func searchWordsDropFiltersAndOperators() {
        #expect(SearchTerms.words(in: #"tide "harbour lights" feed:Gazette tag:local unread author:Mara power*"#)
                == ["tide", "harbour", "lights", "Mara", "power"])
    }

    /// Results never contain an excluded term, so it must not be highlighted.
    @Test(arguments: [
        ("ferry -tidal", ["ferry"]),
        ("ferry NOT tidal lights", ["ferry", "lights"]),
        (#"ferry -"tidal power" bridge"#, ["ferry", "bridge"]),
        ("ferry OR lighthouse", ["ferry", "lighthouse"]),
        ("-title:ferry harbour -unread", ["harbour"]),
        (#""not a filter: or operator""#, ["not", "a", "filter", "or", "operator"]),
        ("🏮 market", ["🏮", "market"]),
        // A saved search in newsboat's filter language highlights its words, not "yes" or "title".
        (#"unread = "yes" and (title =~ "ferry" or content =~ "tidal power")"#, ["ferry", "tidal", "power"]),
        (#"title !~ "sponsored" and author = "Mara""#, ["Mara"]),
    ])
    func excludedTermsAreNotHighlighted(query: String, words: [String]) {
        #expect(SearchTerms.words(in: query) == words)
    }
}

@Suite struct CacheChangeTests {
    @Test func anotherWriterReloadsFeedsAndTheVisibleRowsInPlace() {
        var s = HeadlinePagingTests.big()
        for _ in 0..<20 { _ = reduce(&s, .key(.char("j"))) }
        let top = s.headlines!.row(at: s.headlines!.top)!
        let selected = s.headlines!.selectedRow!
        let effects = reduce(&s, .cacheChanged)
        #expect(effects == [.loadFeeds, .loadHeadlines(.all, .reload(top.cursor), limit: s.pageSize)])
        // Two new articles arrived above: the same rows come back two positions lower.
        let fresh = (0..<60).map { Fixture.headline(ArticleID(1000 + $0 + s.headlines!.top)) }
        _ = reduce(&s, .headlinesLoaded(HeadlinePage(scope: .all, anchor: .reload(top.cursor), rows: fresh,
                                                     firstIndex: s.headlines!.top + 2, total: 10_002)))
        #expect(s.headlines?.selectedRow?.id == selected.id)
        #expect(s.headlines?.row(at: s.headlines!.top)?.id == top.id)
        #expect(s.headlines?.total == 10_002)
    }

    /// In "Unread", what was read here stays in place when a cron refresh makes the list reload.
    @Test func articlesReadHereStayInTheUnreadListWhenAnotherProcessWrites() {
        var s = Fixture.feedList(selected: 1)
        _ = reduce(&s, .key(.enter))
        let rows = (10...14).map { Fixture.headline(ArticleID($0)) }
        _ = reduce(&s, .headlinesLoaded(HeadlinePage(scope: .unread, anchor: .top, rows: rows, firstIndex: 0, total: 5)))
        // Read 10 (top) and 12, then come back to the list on 12.
        _ = reduce(&s, .key(.enter))
        _ = reduce(&s, .key(.char("q")))
        _ = reduce(&s, .key(.char("j")))
        _ = reduce(&s, .key(.char("j")))
        _ = reduce(&s, .key(.enter))
        _ = reduce(&s, .key(.char("q")))
        #expect(s.headlines?.selectedRow?.id == 12)
        let top = s.headlines!.row(at: s.headlines!.top)!
        #expect(reduce(&s, .cacheChanged).contains(.loadHeadlines(.unread, .reload(top.cursor), limit: s.pageSize)))
        // The cache now lists only the unread ones, plus a newer article that arrived above.
        let fresh = [11, 13, 14].map { Fixture.headline(ArticleID($0)) }
        _ = reduce(&s, .headlinesLoaded(HeadlinePage(scope: .unread, anchor: .reload(top.cursor), rows: fresh,
                                                     firstIndex: 1, total: 4)))
        #expect(s.headlines?.window.map(\.id) == [10, 11, 12, 13, 14])
        #expect(s.headlines?.window.filter(\.isRead).map(\.id) == [10, 12])
        #expect(s.headlines?.selectedRow?.id == 12)
        #expect(s.headlines?.total == 6)
        // Elsewhere than "Unread", a reload shows what the cache says.
        var t = Fixture.alphaList()
        let alphaTop = t.headlines!.row(at: 0)!
        _ = reduce(&t, .headlinesLoaded(HeadlinePage(scope: .feed(1), anchor: .reload(alphaTop.cursor),
                                                     rows: [Fixture.alpha[0]], firstIndex: 0, total: 1)))
        #expect(t.headlines?.window.map(\.id) == [10])
    }
}
