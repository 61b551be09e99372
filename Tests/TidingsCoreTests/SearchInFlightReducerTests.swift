import Testing
@testable import TidingsCore

/// Searches run off the UI loop: every key updates the prompt at once, a newer query replaces
/// the one in flight, and Esc leaves at once, cancelling it.
@Suite struct SearchInFlightReducerTests {
    static func typing(_ text: String) -> (AppState, [Effect]) {
        var s = Fixture.alphaList()
        _ = reduce(&s, .key(.char("/")))
        var last: [Effect] = []
        for c in text { last = reduce(&s, .key(.char(c))) }
        return (s, last)
    }

    @Test func eachKeyAsksForItsQueryAndShowsItInFlight() {
        let (s, effects) = Self.typing("of")
        #expect(effects == [.search("of", limit: AppState.searchLimit)])
        #expect(s.prompt?.text == "of")
        #expect(s.searchInFlight == "of")
    }

    @Test func aStaleAnswerIsDroppedAndTheCurrentOneEndsTheWait() {
        var (s, _) = Self.typing("of")
        _ = reduce(&s, .searchResults("o", [Fixture.alpha[0]]))
        #expect(s.headlines?.total == 0)
        #expect(s.searchInFlight == "of")
        _ = reduce(&s, .searchResults("of", [Fixture.alpha[1], Fixture.alpha[2]]))
        #expect(s.headlines?.total == 2)
        #expect(s.searchInFlight == nil)
    }

    @Test func escapeDuringASlowQueryLeavesAtOnceAndCancelsIt() {
        var (s, _) = Self.typing("the river")
        let effects = reduce(&s, .key(.escape))
        #expect(effects == [.cancelSearch])
        #expect(s.prompt == nil)
        #expect(s.headlines?.scope == .feed(1))
        #expect(s.searchInFlight == nil)
        // The answer that arrives afterwards changes nothing.
        let before = s
        _ = reduce(&s, .searchResults("the river", [Fixture.alpha[0]]))
        #expect(s == before)
    }

    @Test func erasingTheQueryCancelsTheSearch() {
        var (s, _) = Self.typing("x")
        #expect(reduce(&s, .key(.backspace)) == [.cancelSearch])
        #expect(s.searchInFlight == nil)
    }

    @Test func enterBeforeTheAnswerWaitsThenReportsNoMatch() {
        var (s, _) = Self.typing("zz")
        _ = reduce(&s, .key(.enter))
        #expect(s.message == nil)
        #expect(s.searchInFlight == "zz")
        _ = reduce(&s, .searchResults("zz", []))
        #expect(s.message == StatusMessage("No articles match zz."))
    }
}
