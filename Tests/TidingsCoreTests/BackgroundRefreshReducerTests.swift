import Foundation
import Testing
@testable import TidingsCore

/// A refresh runs in the background: the reducer shows its progress, keeps every key working,
/// and takes each feed's results without moving the cursor or the open article.
@Suite struct BackgroundRefreshReducerTests {
    @Test func progressIsShownAndReplacesTheReloadingMessage() {
        var s = Fixture.alphaList()
        #expect(reduce(&s, .key(.char("R"))) == [.refresh(nil)])
        #expect(reduce(&s, .refreshStarted(total: 300)) == [])
        #expect(s.message == nil)
        #expect(s.refresh == RefreshProgress(done: 0, total: 300))
        _ = reduce(&s, .refreshProgress(done: 37, total: 300, failed: 2))
        #expect(s.refresh?.text == "Refreshing 37/300 · 2 failed")
    }

    @Test func aSecondReloadWhileOneRunsStartsNothing() {
        var s = Fixture.alphaList()
        _ = reduce(&s, .refreshStarted(total: 3))
        _ = reduce(&s, .refreshProgress(done: 1, total: 3, failed: 0))
        #expect(reduce(&s, .key(.char("R"))) == [])
        #expect(reduce(&s, .key(.char("r"))) == [])
        #expect(s.message?.text.hasPrefix("Already refreshing (1/3)") == true)
    }

    @Test func keysKeepWorkingWhileARefreshRuns() {
        var s = Fixture.alphaList()
        _ = reduce(&s, .refreshStarted(total: 200))
        #expect(s.headlines?.selected == 0)
        _ = reduce(&s, .key(.char("j")))
        #expect(s.headlines?.selected == 1)
        let effects = reduce(&s, .key(.enter))
        #expect(effects.contains(.loadArticle(Fixture.alpha[1].id)))
        #expect(s.refresh?.total == 200)
    }

    @Test func resultsArrivingWhileTheUserMovesReloadInPlace() {
        var s = Fixture.alphaList()
        _ = reduce(&s, .refreshStarted(total: 2))
        _ = reduce(&s, .key(.char("j")))
        // A feed was written: the runtime notices the cache changed.
        let effects = reduce(&s, .cacheChanged)
        #expect(effects == [.loadFeeds, .loadHeadlines(.feed(1), .reload(Fixture.alpha[0].cursor), limit: s.pageSize)])
        #expect(s.headlines?.selected == 1)
        #expect(s.refresh?.total == 2)
    }

    @Test func theEndClearsProgressAndReports() {
        var s = Fixture.alphaList()
        _ = reduce(&s, .refreshStarted(total: 2))
        _ = reduce(&s, .refreshFinished("Refreshed 2 feeds: 3 new"))
        #expect(s.refresh == nil)
        #expect(s.message == StatusMessage("Refreshed 2 feeds: 3 new"))
    }

    @Test func anErrorMessageIsNotHiddenByTheProgressLine() {
        var s = Fixture.alphaList()
        s.message = StatusMessage("Could not open link", isError: true)
        _ = reduce(&s, .refreshStarted(total: 2))
        #expect(s.message == StatusMessage("Could not open link", isError: true))
    }

    @Test func feedProblemsArriveWithTheFeedList() {
        var s = AppState(size: Size(width: 80, height: 24))
        let problem = FeedProblem(kind: .backoff, message: "DNS: the host name feeds.example does not resolve",
                                  nextAttempt: Date(timeIntervalSince1970: 2_000_000_000))
        let feeds = [FeedSummary(id: 1, title: "Broken", source: "https://feeds.example/rss", unread: 0, total: 0, problem: problem)]
        _ = reduce(&s, .feedsLoaded(feeds, Totals(unread: 0, total: 0)))
        guard case .feed(let row) = s.feedList.rows[2] else { Issue.record("no feed row"); return }
        #expect(row.problem == problem)
    }
}
