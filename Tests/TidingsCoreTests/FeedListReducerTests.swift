import Testing
@testable import TidingsCore

@Suite struct FeedListReducerTests {
    @Test func feedsLoadedEndsLoadingAndListsVirtualFeedsFirst() {
        var s = AppState(size: Size(width: 80, height: 24))
        let effects = reduce(&s, .feedsLoaded(Fixture.feeds, Fixture.totals))
        // The reader pane previews the selected row, "All articles".
        #expect(effects == [.loadPreview(.all, limit: 10)])
        #expect(!s.isLoading)
        #expect(s.feedList.rows.map(\.title) == ["All articles", "Unread", "Alpha", "Beta", "Gamma"])
        #expect(s.feedList.rows.map(\.unread) == [3, 3, 2, 0, 1])
    }

    @Test(arguments: [
        (Key.char("j"), 1), (.down, 1), (.char("k"), 0), (.up, 0), (.char("G"), 4), (.end, 4), (.char("g"), 0),
        (.pageDown, 4), (.char(" "), 4),
    ])
    func movementKeysMoveTheSelection(key: Key, expected: Int) {
        var s = Fixture.feedList()
        var expectedState = s
        expectedState.feedList.selected = expected
        let scope = s.feedList.rows[expected].scope
        expectedState.preview = FeedPreview(scope: scope, limit: 10)
        let effects = reduce(&s, .key(key))
        #expect(effects == (expected == 0 ? [] : [.loadPreview(scope, limit: 10)]))
        #expect(s == expectedState)
    }

    @Test func enterOnAFeedOpensItsHeadlinesAtTheTop() {
        var s = Fixture.feedList(selected: 2)
        let effects = reduce(&s, .key(.enter))
        #expect(effects == [.loadHeadlines(.feed(1), .top, limit: s.pageSize)])
        #expect(s.headlines == HeadlineListState(scope: .feed(1), title: "Alpha", total: 3))
        #expect(s.focus == .list)
    }

    @Test func enterOnAllArticlesUsesTheTotals() {
        var s = Fixture.feedList()
        _ = reduce(&s, .key(.enter))
        #expect(s.headlines?.scope == .all)
        #expect(s.headlines?.total == 6)
        _ = reduce(&s, .key(.char("q")))
        _ = reduce(&s, .key(.char("j")))
        _ = reduce(&s, .key(.enter))
        #expect(s.headlines?.scope == .unread)
        #expect(s.headlines?.total == 3)
    }

    @Test func qQuitsFromTheFeedListButEscDoesNot() {
        var s = Fixture.feedList()
        #expect(reduce(&s, .key(.escape)) == [])
        #expect(reduce(&s, .key(.char("q"))) == [.quit])
        var t = Fixture.reading()
        #expect(reduce(&t, .key(.char("Q"))) == [.quit])
    }

    @Test func markFeedReadOnASelectedFeedRow() {
        var s = Fixture.feedList(selected: 2)
        let effects = reduce(&s, .key(.char("A")))
        #expect(effects == [.markAllRead(.feed(1))])
        #expect(s.feedList.feeds[0].unread == 0)
        #expect(s.feedList.totals.unread == 1)
    }

    @Test func markAllOnTheVirtualRowClearsEveryFeed() {
        var s = Fixture.feedList()
        #expect(reduce(&s, .key(.char("A"))) == [])  // everything: asks first, as C does
        let effects = reduce(&s, .key(.char("y")))
        #expect(effects == [.markAllRead(.all)])
        #expect(s.feedList.feeds.allSatisfy { $0.unread == 0 })
        #expect(s.feedList.totals == Totals(unread: 0, total: 6))
    }

    @Test func nFromTheFeedListSearchesTheFirstFeedWithUnread() {
        var s = Fixture.feedList(selected: 3)  // Beta has none unread
        let effects = reduce(&s, .key(.char("n")))
        #expect(effects == [.findUnread(UnreadSearch(scope: .feed(3), from: nil, direction: .older), windowLimit: s.pageSize)])
    }

    @Test func unboundKeySaysSoAndChangesNothingElse() {
        var s = Fixture.feedList()
        var expected = s
        expected.message = StatusMessage("Key X is not bound. Press ? for help.")
        #expect(reduce(&s, .key(.char("X"))) == [])
        #expect(s == expected)
    }

    @Test func helpOpensScrollsAndAnyOtherKeyClosesIt() {
        var s = Fixture.feedList()
        #expect(reduce(&s, .key(.char("?"))) == [])
        #expect(s.helpScroll == 0)
        _ = reduce(&s, .key(.char("j")))
        #expect(s.helpScroll == 1)
        _ = reduce(&s, .key(.escape))
        #expect(s.helpScroll == nil)
        #expect(s.feedList.selected == 0)
    }

    @Test func ctrlLRedraws() {
        var s = Fixture.feedList()
        #expect(reduce(&s, .key(.ctrl("l"))) == [.redraw])
    }

    @Test func aFeedThatDisappearsClosesItsList() {
        var s = Fixture.alphaList()
        _ = reduce(&s, .feedsLoaded(Array(Fixture.feeds.dropFirst()), Totals(unread: 1, total: 3)))
        #expect(s.headlines == nil)
    }
}

@Suite struct SavedSearchRowTests {
    @Test func savedSearchesSitBetweenTheVirtualFeedsAndTheFeedsAndOpenAsSearches() {
        var s = Fixture.feedList()
        s.feedList.selected = 2  // Alpha
        _ = reduce(&s, .savedSearchesLoaded([SavedSearchSummary(name: "Tides", query: "tide", unread: 2, total: 5)]))
        #expect(s.feedList.rows.map(\.title) == ["All articles", "Unread", "Tides", "Alpha", "Beta", "Gamma"])
        #expect(s.feedList.selected == 3)  // still Alpha
        s.feedList.selected = 2
        #expect(reduce(&s, .key(.enter)) == [.search("tide", limit: AppState.searchLimit)])
        #expect(s.headlines?.title == "Tides")
        _ = reduce(&s, .key(.char("q")))
        #expect(s.feedList.selected == 2)
    }
}
