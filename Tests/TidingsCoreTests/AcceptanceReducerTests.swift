import Foundation
import Testing
import TidingsText
@testable import TidingsCore

/// Bugs found by driving the real reader on SampleFeeds, each pinned by the state it should have led to.
@Suite struct AcceptanceReducerTests {
    @Test(arguments: [20, 12, 5, 1])
    func anEmptyBodyNoteWrapsToThePane(width: Int) throws {
        let headline = Fixture.headline(10)
        let article = Article(headline: headline, link: "https://example.org/10", body: "", contentType: .html)
        let lines = ReaderLayout.lines(headline: headline, article: article, document: .html("", baseURL: article.link),
                                       width: width, timeZone: TimeZone(identifier: "UTC")!)
        #expect(lines.allSatisfy { TextWidth.of($0.plainText) <= width })
        let note = lines.drop { !$0.plainText.hasPrefix("(This") }.map(\.plainText).joined(separator: " ")
        if width >= 12 { #expect(note.contains("Press o to open its link.")) }
    }

    /// Back in the feed list the reader pane previews the selected feed (README), not the last article.
    @Test func backToTheFeedListClosesTheArticleSoThePreviewShows() {
        var s = Fixture.reading()
        _ = reduce(&s, .key(.char("q")))
        #expect(s.reader != nil)  // the list of the article is still up: the article stays beside it
        let effects = reduce(&s, .key(.char("q")))
        #expect(s.headlines == nil)
        #expect(s.reader == nil)
        #expect(s.previewScope == .feed(1))
        #expect(effects == [.loadPreview(.feed(1), limit: s.previewLimit)])
    }

    @Test func escBackToTheFeedListClosesTheArticleToo() {
        var s = Fixture.reading()
        _ = reduce(&s, .key(.escape))
        _ = reduce(&s, .key(.escape))
        #expect(s.headlines == nil)
        #expect(s.reader == nil)
        #expect(reduce(&s, .key(.escape)) == [])  // and Esc never quits
    }

    /// J/K to another feed's headlines: an article of the old feed must not stay on screen.
    @Test func steppingToAnotherFeedClosesTheArticleOfTheOldOne() {
        var s = Fixture.alphaList()
        _ = reduce(&s, .key(.enter))
        _ = reduce(&s, .key(.tab))
        #expect(s.focus == .list)
        let effects = reduce(&s, .key(.char("J")))
        #expect(s.headlines?.scope == .feed(2))
        #expect(s.reader == nil)
        #expect(effects == [.loadHeadlines(.feed(2), .top, limit: s.pageSize)])
    }

    /// n that leaves the feed says where it went, so the title change is not a surprise.
    @Test func nIntoTheNextFeedSaysSo() {
        var s = Fixture.reading()
        let gamma = Fixture.headline(30, feed: 3)
        let search = UnreadSearch(scope: .feed(3), from: nil, direction: .older, isRetry: true)
        _ = reduce(&s, .unreadFound(search, UnreadMatch(target: gamma, window: [gamma], firstIndex: 0, total: 2)))
        #expect(s.reader?.headline.id == 30)
        #expect(s.message == StatusMessage("No more unread in Alpha: on to Gamma."))
    }

    /// n past the last unread of the only feed with any wraps to the top, and says so (newsboat wraps silently).
    @Test(arguments: [(PageDirection.older, "Wrapped around to the first unread article."),
                      (.newer, "Wrapped around to the last unread article.")])
    func aWrapIsAnnounced(direction: PageDirection, message: String) {
        var s = Fixture.reading()
        let search = UnreadSearch(scope: .feed(1), from: nil, direction: direction, isRetry: true)
        let match = UnreadMatch(target: Fixture.alpha[1], window: Fixture.alpha, firstIndex: 0, total: 3)
        _ = reduce(&s, .unreadFound(search, match))
        #expect(s.reader?.headline.id == 11)
        #expect(s.message == StatusMessage(message))
    }

    @Test func anOrdinaryNextUnreadSaysNothing() {
        var s = Fixture.reading()
        let search = UnreadSearch(scope: .feed(1), from: Fixture.alpha[0].cursor, direction: .older)
        _ = reduce(&s, .unreadFound(search, UnreadMatch(target: Fixture.alpha[1], window: Fixture.alpha, firstIndex: 0, total: 3)))
        #expect(s.message == nil)
    }

    /// A on "All articles" (the row selected at start) is C by another name: it asks first, like C.
    @Test(arguments: [0, 1])
    func aOnAVirtualRowOfEverythingAsksFirst(row: Int) {
        var s = Fixture.feedList(selected: row)
        #expect(reduce(&s, .key(.char("A"))) == [])
        #expect(s.confirmation == .markAllRead)
        #expect(s.feedList.totals.unread == 3)
        #expect(reduce(&s, .key(.char("y"))) == [.markAllRead(.all)])
        #expect(s.feedList.totals.unread == 0)
    }

    @Test func aInTheAllArticlesListAsksFirstToo() {
        var s = Fixture.feedList(selected: 0)
        _ = reduce(&s, .key(.enter))
        _ = reduce(&s, .headlinesLoaded(HeadlinePage(scope: .all, anchor: .top, rows: Fixture.alpha, firstIndex: 0, total: 6)))
        #expect(reduce(&s, .key(.char("A"))) == [])
        #expect(reduce(&s, .key(.char("n"))) == [])
        #expect(s.feedList.totals.unread == 3)
        #expect(s.headlines?.window.filter { !$0.isRead }.count == 2)
    }
}
