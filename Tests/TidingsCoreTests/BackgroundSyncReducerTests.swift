import Foundation
import Testing
@testable import TidingsCore

/// With `[sync]`, `R` syncs with the server in the background before refreshing the local-only
/// feeds; the status bar shows how far it has come, every key keeps working, and what it wrote
/// is reloaded in place.
@Suite struct BackgroundSyncReducerTests {
    func synced(_ s: AppState = Fixture.alphaList()) -> AppState {
        var s = s
        s.syncEnabled = true
        return s
    }

    @Test func withoutSyncRStillRefreshesEveryFeed() {
        var s = Fixture.alphaList()
        #expect(reduce(&s, .key(.char("R"))) == [.refresh(nil)])
    }

    @Test func withSyncRSyncsFirstAndSaysSo() {
        var s = synced()
        #expect(reduce(&s, .key(.char("R"))) == [.sync(refreshAfter: true)])
        #expect(s.message?.text == "Syncing with the server…")
        _ = reduce(&s, .syncStarted(refreshAfter: true))
        #expect(s.message == nil)
        #expect(s.sync == SyncActivity(refreshAfter: true))
        #expect(s.sync?.text == "Syncing…")
    }

    @Test func rOutsideOneFeedSyncsToo() {
        var s = synced(Fixture.feedList(selected: 0))
        #expect(reduce(&s, .key(.char("r"))) == [.sync(refreshAfter: true)])
    }

    @Test func rOnOneFeedRefreshesThatFeed() {
        var s = synced()
        #expect(reduce(&s, .key(.char("r"))) == [.refresh([1])])
    }

    @Test func progressIsShownStepByStep() {
        var s = synced()
        _ = reduce(&s, .syncStarted(refreshAfter: false))
        _ = reduce(&s, .syncProgress("120 new articles"))
        #expect(s.sync?.text == "Syncing… 120 new articles")
        #expect(s.sync?.refreshAfter == false)
    }

    @Test func keysKeepWorkingWhileASyncRuns() {
        var s = synced()
        _ = reduce(&s, .syncStarted(refreshAfter: false))
        _ = reduce(&s, .syncProgress("subscriptions"))
        _ = reduce(&s, .key(.char("j")))
        #expect(s.headlines?.selected == 1)
        let effects = reduce(&s, .key(.enter))
        #expect(effects.contains(.loadArticle(Fixture.alpha[1].id)))
        #expect(s.sync?.step == "subscriptions")
    }

    @Test func rDuringAnAutomaticSyncQueuesTheLocalRefreshInsteadOfASecondSync() {
        var s = synced()
        _ = reduce(&s, .syncStarted(refreshAfter: false))
        #expect(reduce(&s, .key(.char("R"))) == [])
        #expect(s.message?.text.hasPrefix("Already syncing") == true)
        #expect(s.sync?.refreshAfter == true)
        // A progress step does not forget it.
        _ = reduce(&s, .syncProgress("read and starred states"))
        let effects = reduce(&s, .syncFinished("Synced: 1 feeds"))
        #expect(effects.last == .refreshAfterSync)
    }

    @Test func theEndReportsAndReloadsInPlace() {
        var s = synced()
        _ = reduce(&s, .syncStarted(refreshAfter: false))
        _ = reduce(&s, .key(.char("j")))
        let effects = reduce(&s, .syncFinished("Synced: 2 feeds (+2 −0), 12 new articles"))
        #expect(s.sync == nil)
        #expect(s.message == StatusMessage("Synced: 2 feeds (+2 −0), 12 new articles"))
        #expect(effects == [.loadFeeds, .loadHeadlines(.feed(1), .reload(Fixture.alpha[0].cursor), limit: s.pageSize)])
        #expect(s.headlines?.selected == 1)
    }

    @Test func afterRTheLocalFeedsAreRefreshedOnceTheSyncEnds() {
        var s = synced()
        _ = reduce(&s, .key(.char("R")))
        _ = reduce(&s, .syncStarted(refreshAfter: true))
        let effects = reduce(&s, .syncFinished("Synced"))
        #expect(effects.first == .loadFeeds)
        #expect(effects.last == .refreshAfterSync)
    }

    @Test func theSyncLineStaysThroughTheLocalRefreshAfterR() {
        var s = synced()
        _ = reduce(&s, .key(.char("R")))
        _ = reduce(&s, .syncStarted(refreshAfter: true))
        _ = reduce(&s, .syncFinished("Synced: 2 feeds (+0 −0), 0 new articles, 1 mark sent, 1 received in 0.4 s"))
        _ = reduce(&s, .refreshStarted(total: 5))
        #expect(s.message?.text.hasPrefix("Synced: 2 feeds") == true)
        // The local refresh brought nothing: its summary is empty and the sync's line stays.
        _ = reduce(&s, .refreshFinished(""))
        #expect(s.message?.text.hasPrefix("Synced: 2 feeds") == true)
        // A later refresh of its own takes over as before.
        _ = reduce(&s, .key(.char("j")))
        _ = reduce(&s, .refreshStarted(total: 1))
        _ = reduce(&s, .refreshFinished("Refreshed 1 feed: 2 new"))
        #expect(s.message == StatusMessage("Refreshed 1 feed: 2 new"))
    }

    @Test func aQuietAutomaticSyncLeavesTheMessageAlone() {
        var s = synced()
        _ = reduce(&s, .syncStarted(refreshAfter: false))
        s.message = StatusMessage("Saved to /tmp/a.txt")
        _ = reduce(&s, .syncFinished(""))
        #expect(s.message == StatusMessage("Saved to /tmp/a.txt"))
        #expect(s.sync == nil)
    }

    @Test func aFailureIsOneErrorLineAndTheLocalFeedsStillRefresh() {
        var s = synced()
        _ = reduce(&s, .key(.char("R")))
        _ = reduce(&s, .syncStarted(refreshAfter: true))
        let effects = reduce(&s, .syncFailed("sync: cannot reach the server: connection refused"))
        #expect(s.sync == nil)
        #expect(s.message == StatusMessage("sync: cannot reach the server: connection refused", isError: true))
        #expect(effects.last == .refreshAfterSync)
    }

    @Test func anErrorIsNotHiddenByTheProgressLine() {
        var s = synced()
        s.message = StatusMessage("Could not open link", isError: true)
        _ = reduce(&s, .syncStarted(refreshAfter: false))
        #expect(s.message == StatusMessage("Could not open link", isError: true))
    }

    @Test func marksMadeWhileASyncRunsAreWrittenAtOnce() {
        var s = synced()
        _ = reduce(&s, .syncStarted(refreshAfter: false))
        let effects = reduce(&s, .key(.char("N")))
        #expect(effects.contains(.setRead([Fixture.alpha[0].id], true)))
    }
}
