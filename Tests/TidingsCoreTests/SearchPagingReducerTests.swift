import Testing
@testable import TidingsCore

/// Search results arrive a page at a time: the first page fills the list, the next one is asked
/// for as the selection nears the end of what is loaded, and the count comes on its own.
@Suite struct SearchPagingReducerTests {
    static let rows = (0..<AppState.searchLimit).map { Fixture.headline(ArticleID(1_000 + $0), date: Int64(10_000 - $0)) }
    static let next = SearchCursor.ranked(rank: -1.5, sortDate: 9_901, id: 1_099, windowStart: 7)

    static func searching(_ query: String) -> AppState {
        var s = Fixture.alphaList()
        _ = reduce(&s, .key(.char("/")))
        for c in query { _ = reduce(&s, .key(.char(c))) }
        return s
    }

    @Test func theFirstPageFillsTheListAndRemembersWhereTheNextStarts() {
        var s = Self.searching("river")
        let effects = reduce(&s, .searchPage("river", SearchPage(rows: Self.rows, next: Self.next), after: nil))
        #expect(effects == [])
        #expect(s.searchInFlight == nil)
        #expect(s.headlines?.window == Self.rows)
        #expect(s.headlines?.total == Self.rows.count)
        #expect(s.headlines?.searchNext == Self.next)
        #expect(s.headlines?.totalText == "100+")
        _ = reduce(&s, .searchCounted("river", SearchCount(total: 10_000, isExact: false)))
        #expect(s.headlines?.totalText == "more than 10,000")
    }

    @Test func scrollingNearTheEndAsksForTheNextPageOnceAndAppendsIt() {
        var s = Self.searching("river")
        _ = reduce(&s, .key(.enter))
        _ = reduce(&s, .searchPage("river", SearchPage(rows: Self.rows, next: Self.next), after: nil))
        // Far from the end: nothing to ask
        #expect(reduce(&s, .key(.char("j"))) == [])
        // Near the end: the next page, asked once however many keys follow
        #expect(reduce(&s, .key(.char("G"))) == [.searchMore("river", after: Self.next, limit: AppState.searchLimit)])
        #expect(reduce(&s, .key(.char("k"))) == [])
        // A page for another cursor is stale and dropped
        let other = SearchCursor.older(id: 5)
        _ = reduce(&s, .searchPage("river", SearchPage(rows: [Fixture.headline(1)], next: nil), after: other))
        #expect(s.headlines?.total == Self.rows.count)
        // The answer is appended; the selection stays where it was
        let more = [Fixture.headline(5, date: 1), Fixture.headline(4, date: 1)]
        let selected = s.headlines?.selected
        _ = reduce(&s, .searchPage("river", SearchPage(rows: more, next: nil), after: Self.next))
        #expect(s.headlines?.window == Self.rows + more)
        #expect(s.headlines?.total == Self.rows.count + 2)
        #expect(s.headlines?.selected == selected)
        #expect(s.headlines?.searchNext == nil)
        #expect(s.headlines?.totalText == "102")
        #expect(reduce(&s, .key(.char("G"))) == [])
    }

    @Test func pagesAndCountsOfAnotherQueryChangeNothing() {
        var s = Self.searching("river")
        _ = reduce(&s, .searchPage("river", SearchPage(rows: Self.rows, next: Self.next), after: nil))
        let before = s
        _ = reduce(&s, .searchPage("rive", SearchPage(rows: [Fixture.headline(1)], next: nil), after: nil))
        _ = reduce(&s, .searchCounted("rive", SearchCount(total: 3, isExact: true)))
        _ = reduce(&s, .searchPage("river", SearchPage(rows: [Fixture.headline(1)], next: nil), after: nil))
        #expect(s == before)
    }
}
