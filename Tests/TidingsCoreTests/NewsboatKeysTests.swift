import Testing
@testable import TidingsCore

/// Keys a newsboat user reaches for: ^N/^P between feeds with unread articles, 0 for link 10.
@Suite struct NewsboatKeysTests {
    // Fixture feeds: Alpha (2 unread), Beta (0), Gamma (1); rows: All, Unread, Alpha, Beta, Gamma.

    @Test func ctrlNAndCtrlPMoveTheFeedListSelectionToFeedsWithUnread() {
        var s = Fixture.feedList()
        #expect(reduce(&s, .key(.ctrl("n"))) == [.loadPreview(.feed(1), limit: 10)])
        #expect(s.feedList.selected == 2)
        _ = reduce(&s, .key(.ctrl("n")))
        #expect(s.feedList.selected == 4)  // Beta has nothing unread: skipped
        _ = reduce(&s, .key(.ctrl("n")))
        #expect(s.feedList.selected == 4)
        #expect(s.message == StatusMessage("No feed with unread articles below this one."))
        _ = reduce(&s, .key(.ctrl("p")))
        #expect(s.feedList.selected == 2)
        _ = reduce(&s, .key(.ctrl("p")))
        #expect(s.feedList.selected == 2)  // the virtual rows above are not feeds
    }

    @Test func ctrlNFromAFeedsHeadlinesOpensTheNextFeedWithUnread() {
        var s = Fixture.alphaList()
        #expect(reduce(&s, .key(.ctrl("n"))) == [.loadHeadlines(.feed(3), .top, limit: s.pageSize)])
        #expect(s.headlines?.scope == .feed(3))
    }

    @Test func zeroOpensTheTenthLink() {
        var s = Fixture.alphaList()
        _ = reduce(&s, .key(.enter))
        let links = (1...10).map { #"<a href="https://example.org/\#($0)">l\#($0)</a>"# }.joined(separator: " ")
        _ = reduce(&s, .articleLoaded(Fixture.article(Fixture.alpha[0], body: "<p>\(links)</p>")))
        #expect(reduce(&s, .key(.char("0"))) == [.openURL("https://example.org/10")])
        #expect(reduce(&s, .key(.char("1"))) == [.openURL("https://example.org/1")])
        // The same inside the link list.
        _ = reduce(&s, .key(.char("u")))
        #expect(reduce(&s, .key(.char("0"))) == [.openURL("https://example.org/10")])
        #expect(s.linkSelection == nil)
    }
}
