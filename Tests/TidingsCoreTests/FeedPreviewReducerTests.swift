import Testing
@testable import TidingsCore

/// The reader pane previews the selected feed while the feed list is up.
@Suite struct FeedPreviewReducerTests {
    static func page(_ scope: ListScope, _ rows: [Headline]) -> HeadlinePage {
        HeadlinePage(scope: scope, anchor: .top, rows: rows, firstIndex: 0, total: rows.count)
    }

    @Test func aPageForTheSelectedRowIsShownAndALateOneForAnotherRowIsDropped() {
        var s = Fixture.feedList(selected: 2)
        #expect(reduce(&s, .previewLoaded(Self.page(.all, Fixture.alpha))) == [])
        #expect(s.preview == FeedPreview(scope: .feed(1), limit: 10))
        #expect(reduce(&s, .previewLoaded(Self.page(.feed(1), Fixture.alpha))) == [])
        #expect(s.preview == FeedPreview(scope: .feed(1), rows: Fixture.alpha, limit: 10, isLoaded: true))
    }

    @Test func movingKeepsNothingOfThePreviousFeed() {
        var s = Fixture.feedList(selected: 2)
        _ = reduce(&s, .previewLoaded(Self.page(.feed(1), Fixture.alpha)))
        #expect(reduce(&s, .key(.char("j"))) == [.loadPreview(.feed(2), limit: 10)])
        #expect(s.preview == FeedPreview(scope: .feed(2), limit: 10))
    }

    @Test func anotherProcessWritingReloadsThePreviewKeepingItsRowsMeanwhile() {
        var s = Fixture.feedList(selected: 2)
        _ = reduce(&s, .previewLoaded(Self.page(.feed(1), Fixture.alpha)))
        #expect(reduce(&s, .cacheChanged) == [.loadFeeds, .loadPreview(.feed(1), limit: 10)])
        #expect(s.preview?.rows == Fixture.alpha)
        #expect(s.preview?.isLoaded == true)
    }

    @Test func aTallerPaneAsksForMoreRowsAndAShorterOneDoesNot() {
        var s = Fixture.feedList()
        #expect(reduce(&s, .resized(Size(width: 80, height: 40))) == [.redraw, .loadPreview(.all, limit: 19)])
        #expect(reduce(&s, .resized(Size(width: 80, height: 30))) == [.redraw])
    }

    @Test func noPreviewWhileHeadlinesOrAnArticleFillThePanesOrForSavedSearches() {
        var s = Fixture.alphaList()
        #expect(reduce(&s, .key(.char("j"))) == [])
        #expect(!reduce(&s, .key(.enter)).contains { if case .loadPreview = $0 { return true } else { return false } })
        var t = Fixture.feedList()
        _ = reduce(&t, .savedSearchesLoaded([SavedSearchSummary(name: "Tides", query: "tide", unread: 1, total: 2)]))
        #expect(reduce(&t, .key(.char("j"))) == [.loadPreview(.unread, limit: 10)])
        #expect(reduce(&t, .key(.char("j"))) == [])  // the saved search row
        #expect(t.previewScope == nil)
    }
}
