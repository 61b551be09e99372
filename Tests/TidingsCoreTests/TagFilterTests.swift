import Testing
@testable import TidingsCore

/// `t` narrows the feed list to one tag and `^T` shows every feed again, as in newsboat.
@Suite struct TagFilterTests {
    static func tagged() -> AppState {
        var s = AppState(size: Size(width: 80, height: 24))
        var feeds = Fixture.feeds
        feeds[0].tags = ["news", "local"]
        feeds[1].tags = ["tech"]
        feeds[2].tags = ["local"]
        _ = reduce(&s, .feedsLoaded(feeds, Fixture.totals))
        return s
    }

    @Test func chooseATagThenShowEveryFeedAgain() {
        var s = Self.tagged()
        #expect(s.feedList.allTags == ["local", "news", "tech"])
        #expect(reduce(&s, .key(.char("t"))) == [])
        #expect(s.tagSelection == 0)
        _ = reduce(&s, .key(.char("j")))
        let effects = reduce(&s, .key(.enter))
        #expect(s.tagSelection == nil)
        #expect(s.feedList.tagFilter == "local")
        #expect(s.feedList.rows.map(\.title) == ["All articles", "Unread", "Alpha", "Gamma"])
        #expect(s.message == StatusMessage("Feeds tagged local: 2"))
        #expect(effects.allSatisfy { if case .loadPreview = $0 { return true } else { return false } })
        // Reopening the chooser starts on the current tag; ^T clears it.
        _ = reduce(&s, .key(.char("t")))
        #expect(s.tagSelection == 1)
        _ = reduce(&s, .key(.escape))
        #expect(s.tagSelection == nil && s.feedList.tagFilter == "local")
        _ = reduce(&s, .key(.ctrl("t")))
        #expect(s.feedList.tagFilter == nil)
        #expect(s.feedList.rows.count == 5)
        _ = reduce(&s, .key(.ctrl("t")))
        #expect(s.message == StatusMessage("Every feed is shown already."))
    }

    @Test func choosingATagFromAFeedsHeadlinesReturnsToTheFeedList() {
        var s = Self.tagged()
        s.feedList.selected = 3  // Beta
        _ = reduce(&s, .key(.enter))
        #expect(s.headlines?.scope == .feed(2))
        _ = reduce(&s, .key(.char("t")))
        _ = reduce(&s, .key(.char("G")))
        _ = reduce(&s, .key(.enter))
        #expect(s.headlines == nil && s.feedList.tagFilter == "tech")
        #expect(s.feedList.rows[s.feedList.selected].scope == .feed(2))
    }

    @Test func withoutTagsTheKeySaysHowToGetSome() {
        var s = Fixture.feedList()
        #expect(reduce(&s, .key(.char("t"))) == [])
        #expect(s.tagSelection == nil)
        #expect(s.message?.text.hasPrefix("No feed has a tag yet") == true)
    }
}
