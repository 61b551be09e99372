import Testing
import TidingsText
@testable import TidingsCore

@Suite struct ReaderReducerTests {
    @Test func articleLoadedLaysOutHeaderAndBody() throws {
        let s = Fixture.reading()
        let r = try #require(s.reader)
        #expect(r.lines.first?.plainText == "Article 10")
        #expect(r.lines.contains { $0.plainText.hasPrefix("Feed: Alpha") })
        #expect(r.lines.contains { $0.plainText.hasPrefix("Link: https://example.org/10") })
        #expect(r.lines.contains { $0.plainText.contains("Paragraph 80") })
        #expect(r.lines.allSatisfy { TextWidth.of($0.plainText) <= s.readerTextWidth })
        #expect(r.scroll == 0)
    }

    @Test func anArticleForAnotherSelectionIsIgnored() {
        var s = Fixture.reading()
        let before = s
        _ = reduce(&s, .articleLoaded(Fixture.article(Fixture.alpha[2])))
        #expect(s == before)
    }

    @Test(arguments: [
        (Key.char("j"), 1), (.down, 1), (.char(" "), -1), (.pageDown, -1), (.char("G"), -2),
    ])
    func scrollingKeysMoveTheReader(key: Key, expected: Int) {
        var s = Fixture.reading()
        #expect(reduce(&s, .key(key)) == [])
        let page = s.readerViewport - 1
        let maxScroll = s.reader!.lines.count - s.readerViewport
        let want = expected == -1 ? page : (expected == -2 ? maxScroll : expected)
        #expect(s.reader?.scroll == want)
        _ = reduce(&s, .key(.char("g")))
        #expect(s.reader?.scroll == 0)
        _ = reduce(&s, .key(.char("k")))
        #expect(s.reader?.scroll == 0)
    }

    @Test func qLeavesTheReaderThenTheList() {
        var s = Fixture.reading()
        _ = reduce(&s, .key(.char("q")))
        #expect(s.focus == .list)
        #expect(s.reader != nil)
        _ = reduce(&s, .key(.char("q")))
        #expect(s.headlines == nil)
    }

    @Test func tabMovesFocusBothWays() {
        var s = Fixture.reading()
        _ = reduce(&s, .key(.tab))
        #expect(s.focus == .list)
        _ = reduce(&s, .key(.tab))
        #expect(s.focus == .reader)
        var empty = Fixture.alphaList()
        _ = reduce(&empty, .key(.tab))
        #expect(empty.focus == .list)
        #expect(empty.message == StatusMessage("No article is open."))
    }

    @Test func zoomGivesTheReaderTheWholeBodyAndBack() {
        var s = Fixture.reading()
        let narrow = s.readerViewport
        _ = reduce(&s, .key(.char("z")))
        #expect(s.zoomed)
        #expect(s.layout.list.isEmpty)
        #expect(s.readerViewport > narrow)
        _ = reduce(&s, .key(.char("z")))
        #expect(!s.zoomed)
        #expect(s.readerViewport == narrow)
    }

    @Test func swapLayoutAlternates() {
        var s = Fixture.reading()
        #expect(!s.layout.isSideBySide)
        _ = reduce(&s, .key(.char("v")))
        #expect(s.layout.isSideBySide)
        #expect(s.reader?.layoutWidth == s.readerTextWidth)
        _ = reduce(&s, .key(.char("v")))
        #expect(!s.layout.isSideBySide)
    }

    @Test func resizeRelaysOutAndRedraws() {
        var s = Fixture.reading()
        let effects = reduce(&s, .resized(Size(width: 140, height: 40)))
        #expect(effects == [.redraw])
        #expect(s.layout.isSideBySide)
        #expect(s.reader?.layoutWidth == s.readerTextWidth)
        #expect(s.reader!.lines.allSatisfy { TextWidth.of($0.plainText) <= s.readerTextWidth })
    }

    @Test(arguments: [(20, 5), (1, 1), (0, 0), (3, 2), (40, 10)])
    func tinySizesNeverTrap(width: Int, height: Int) {
        var s = Fixture.reading()
        _ = reduce(&s, .resized(Size(width: width, height: height)))
        for key in [Key.char("j"), .char("G"), .char("z"), .char("v"), .tab, .char("q"), .char("j"), .char("G"), .enter] {
            _ = reduce(&s, .key(key))
        }
        #expect(s.size == Size(width: width, height: height))
    }

    @Test func toggleReadInTheReaderActsOnTheOpenArticle() {
        var s = Fixture.reading()
        #expect(reduce(&s, .key(.char("N"))) == [.setRead([10], false)])
        #expect(s.reader?.headline.isRead == false)
        #expect(s.headlines?.window[0].isRead == false)
        #expect(s.feedList.feeds[0].unread == 2)
    }

    @Test func openInBrowserWithAndWithoutMarkingRead() {
        var s = Fixture.alphaList()
        #expect(reduce(&s, .key(.char("o"))) == [.openLink(10)])
        #expect(reduce(&s, .key(.char("O"))) == [.openLink(10), .setRead([10], true)])
        #expect(s.feedList.feeds[0].unread == 1)
    }

    @Test func nextArticleInTheReaderWalksTheList() {
        var s = Fixture.reading()
        #expect(reduce(&s, .key(.char("J"))) == [.loadArticle(11), .setRead([11], true)])
        #expect(reduce(&s, .key(.char("J"))) == [.loadArticle(12)])
        #expect(reduce(&s, .key(.char("J"))) == [])
        #expect(s.message == StatusMessage("This is the last article."))
    }

    @Test func aMissingArticleClosesTheReader() {
        var s = Fixture.reading()
        _ = reduce(&s, .articleMissing(10))
        #expect(s.reader == nil)
        #expect(s.focus == .list)
    }
}

@Suite struct ReloadConfirmAndLinkTests {
    @Test func rReloadsTheFeedInViewAndRReloadsAll() {
        var s = Fixture.alphaList()
        #expect(reduce(&s, .key(.char("r"))) == [.refresh([1])])
        #expect(s.message == StatusMessage("Reloading Alpha…"))
        #expect(reduce(&s, .key(.char("R"))) == [.refresh(nil)])
        var f = Fixture.feedList()
        #expect(reduce(&f, .key(.char("r"))) == [.refresh(nil)])  // "All articles" row
    }

    @Test func aFinishedRefreshReportsAndReloadsInPlace() {
        var s = Fixture.alphaList()
        let effects = reduce(&s, .refreshFinished("Refreshed 1 feed: 2 new"))
        #expect(effects == [.loadFeeds, .loadHeadlines(.feed(1), .reload(Fixture.alpha[0].cursor), limit: s.pageSize)])
        #expect(s.message == StatusMessage("Refreshed 1 feed: 2 new"))
    }

    @Test func capitalCAsksFirstAndOnlyYMarksEverythingRead() {
        var s = Fixture.alphaList()
        #expect(reduce(&s, .key(.char("C"))) == [])
        #expect(s.confirmation == .markAllRead)
        #expect(reduce(&s, .key(.char("n"))) == [])
        #expect(s.confirmation == nil)
        #expect(s.message == StatusMessage("Cancelled."))
        #expect(s.feedList.totals.unread == 3)
        _ = reduce(&s, .key(.char("C")))
        #expect(reduce(&s, .key(.char("y"))) == [.markAllRead(.all)])
        #expect(s.feedList.totals.unread == 0)
        #expect(s.headlines?.window.allSatisfy(\.isRead) == true)
    }

    @Test func digitsOpenFootnoteLinks() {
        var s = Fixture.alphaList()
        _ = reduce(&s, .key(.enter))
        _ = reduce(&s, .articleLoaded(Fixture.article(Fixture.alpha[0],
            body: #"<p><a href="https://example.org/one">one</a> and <a href="/two">two</a></p>"#)))
        #expect(reduce(&s, .key(.char("2"))) == [.openURL("https://example.org/two")])
        #expect(reduce(&s, .key(.char("1"))) == [.openURL("https://example.org/one")])
        #expect(reduce(&s, .key(.char("3"))) == [])
        #expect(s.message == StatusMessage("This article has links 1–2."))
    }
}

@Suite struct SaveAndPipeTests {
    @Test func sSuggestsAFileNameAndEnterSavesTheLaidOutText() throws {
        var s = Fixture.reading()
        #expect(reduce(&s, .key(.char("s"))) == [])
        #expect(s.prompt?.kind == .saveTo)
        #expect(s.prompt?.text == "article-10.txt")
        _ = reduce(&s, .key(.ctrl("u")))
        for c in "/tmp/x.txt" { _ = reduce(&s, .key(.char(c))) }
        let effects = reduce(&s, .key(.enter))
        let text = s.reader!.lines.map(\.plainText).joined(separator: "\n") + "\n"
        #expect(effects == [.saveText(text, path: "/tmp/x.txt")])
        #expect(s.prompt == nil)
    }

    @Test func pipeTakesACommandAndEscCancels() {
        var s = Fixture.reading()
        _ = reduce(&s, .key(.char("|")))
        #expect(s.prompt?.kind == .pipeTo)
        for c in "wc -l" { _ = reduce(&s, .key(.char(c))) }
        #expect(s.headlines?.scope == .feed(1))  // typing does not search
        let effects = reduce(&s, .key(.enter))
        guard case .pipeText(_, let command)? = effects.first else { Issue.record("no pipe effect"); return }
        #expect(command == "wc -l")
        _ = reduce(&s, .key(.char("|")))
        #expect(reduce(&s, .key(.escape)) == [])
        #expect(s.prompt == nil)
    }

    @Test func withoutAnOpenArticleThereIsNothingToSave() {
        var s = Fixture.alphaList()
        #expect(reduce(&s, .key(.char("s"))) == [])
        #expect(s.prompt == nil)
        #expect(s.message == StatusMessage("Open an article first."))
    }

    @Test(arguments: [("Café & “quiet hours” — 2026!", "caf-quiet-hours-2026.txt"), ("霧見湾", "article.txt"), ("", "article.txt")])
    func fileNamesAreSafeASCII(title: String, expected: String) {
        #expect(AppState.fileName(for: title) == expected)
    }
}

@Suite struct StarTests {
    @Test func starToggleActsOnTheArticleInFocusAndLeavesReadFlagsAlone() {
        var s = Fixture.alphaList()
        let counts = s.feedList
        #expect(reduce(&s, .key(.char("*"))) == [.setStarred([10], true)])
        #expect(s.headlines?.window[0].isStarred == true)
        #expect(s.feedList == counts)
        _ = reduce(&s, .key(.enter))
        #expect(reduce(&s, .key(.char("*"))) == [.setStarred([10], false)])
        #expect(s.reader?.headline.isStarred == false)
        #expect(s.headlines?.window[0].isStarred == false)
    }
}

@Suite struct LinkListTests {
    static func withLinks() -> AppState {
        var s = Fixture.alphaList()
        _ = reduce(&s, .key(.enter))
        _ = reduce(&s, .articleLoaded(Fixture.article(Fixture.alpha[0],
            body: #"<p><a href="https://example.org/one">one</a> <a href="https://example.org/two">two</a> <a href="/three">3</a></p>"#)))
        return s
    }

    @Test func uListsLinksJMovesEnterOpensAndCloses() {
        var s = Self.withLinks()
        #expect(reduce(&s, .key(.char("u"))) == [])
        #expect(s.linkSelection == 0)
        _ = reduce(&s, .key(.char("j")))
        _ = reduce(&s, .key(.char("j")))
        _ = reduce(&s, .key(.char("j")))
        #expect(s.linkSelection == 2)
        #expect(reduce(&s, .key(.enter)) == [.openURL("https://example.org/three")])
        #expect(s.linkSelection == nil)
    }

    @Test func aDigitOpensThatLinkAndEscJustCloses() {
        var s = Self.withLinks()
        _ = reduce(&s, .key(.char("u")))
        #expect(reduce(&s, .key(.char("2"))) == [.openURL("https://example.org/two")])
        _ = reduce(&s, .key(.char("u")))
        #expect(reduce(&s, .key(.escape)) == [])
        #expect(s.linkSelection == nil)
        #expect(s.reader != nil)
    }

    @Test func noLinksNoList() {
        var s = Fixture.reading()
        #expect(reduce(&s, .key(.char("u"))) == [])
        #expect(s.linkSelection == nil)
        #expect(s.message == StatusMessage("This article has no links."))
    }
}
