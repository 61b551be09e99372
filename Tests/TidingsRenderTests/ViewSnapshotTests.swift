import Foundation
import Testing
import TidingsCore
import TidingsRender

/// The screen as a user sees it, at the sizes people use, with the titles feeds really send.
@Suite struct ViewSnapshotTests {
    static let feeds = [
        FeedSummary(id: 1, title: "The Kestrel Bay Harbor Gazette", source: "/gazette.rss", unread: 3, total: 5),
        FeedSummary(id: 2, title: "北海道ニュース 🗞️", source: "/hokkaido.atom", unread: 1, total: 1),
        FeedSummary(id: 3, title: "أخبار المدينة", source: "/city.json", unread: 0, total: 2),
        FeedSummary(id: 4, title: "Evil\u{1B}]0;pwned\u{7}\u{1B}[2J Feed", source: "/evil.rss", unread: 1, total: 1),
    ]

    static func headline(_ id: ArticleID, _ feed: FeedID, _ title: String, read: Bool = false, starred: Bool = false, day: Int) -> Headline {
        let date = Int64(1_638_439_200 + day * 86_400)
        let feedTitle = feeds.first { $0.id == feed }!.title
        var row = Headline(id: id, feedID: feed, feedTitle: feedTitle, title: title, author: "Mara Lindqvist",
                           published: Date(timeIntervalSince1970: TimeInterval(date)), sortDate: date, isRead: read)
        row.isStarred = starred
        return row
    }

    static let rows = [
        headline(1, 1, "Tidal power pilot lights up the harbour for a whole winter", day: 9),
        headline(2, 2, "霧見湾の海氷、観測史上最も遅い結氷", day: 8),
        headline(3, 1, "Three generations at one stove 👩‍🍳 and a family 👨‍👩‍👧‍👦 of cooks", read: true, day: 7),
        headline(4, 3, "أمسية شعر على ضوء الفوانيس", read: true, day: 6),
        headline(5, 4, "\u{1B}[31mRED ALERT\u{1B}[0m\u{7} click \u{9B}6n here\u{202E}txt.exe", day: 5),
        headline(6, 1, "Swing bridge closes after 112 years", read: true, starred: true, day: 4),
        headline(7, 1, "Café owners agree on “quiet hours” — and a new ferry timetable", starred: true, day: 3),
    ]

    static func state(_ width: Int, _ height: Int) -> AppState {
        var s = AppState(size: Size(width: width, height: height))
        _ = reduce(&s, .feedsLoaded(feeds, Totals(unread: 5, total: 9)))
        return s
    }

    static func headlines(_ width: Int, _ height: Int) -> AppState {
        var s = state(width, height)
        _ = reduce(&s, .key(.enter))
        _ = reduce(&s, .headlinesLoaded(HeadlinePage(scope: .all, anchor: .top, rows: rows, firstIndex: 0, total: rows.count)))
        _ = reduce(&s, .key(.char("j")))
        return s
    }

    static let body = """
    <p><strong>Kestrel Bay</strong> switched on its <em>tidal</em> turbines on Thursday, and the lights stayed on.</p>
    <h2>How it works</h2>
    <p>Two turbines sit in the channel; see <a href="https://example.org/tides">the tide tables</a>.</p>
    <blockquote><p>It was the quietest launch we have ever had.</p></blockquote>
    <ul><li>Capacity: 2 MW</li><li>Homes: about 1,400</li></ul>
    <p>地元の漁師は「潮の音が変わらない」と話した。 🌊</p>
    """

    static func reading(_ width: Int, _ height: Int) -> AppState {
        var s = headlines(width, height)
        _ = reduce(&s, .key(.char("k")))
        _ = reduce(&s, .key(.enter))
        let article = Article(headline: rows[0], link: "https://example.org/2021/12/11/tidal-power-pilot", body: body, contentType: .html)
        _ = reduce(&s, .articleLoaded(article))
        return s
    }

    @Test(arguments: [(80, 24), (120, 40), (40, 10)])
    func feedList(width: Int, height: Int) {
        Snapshot.assert(AppView.render(Self.state(width, height)), named: "feeds-\(width)x\(height)")
    }

    /// The first screen: the feed list, and in the reader pane the newest headlines of the selected row.
    @Test(arguments: [(80, 24), (120, 40), (40, 10)])
    func feedListWithPreview(width: Int, height: Int) {
        var s = Self.state(width, height)
        _ = reduce(&s, .previewLoaded(HeadlinePage(scope: .all, anchor: .top, rows: Self.rows, firstIndex: 0, total: Self.rows.count)))
        Snapshot.assert(AppView.render(s), named: "feeds-preview-\(width)x\(height)")
    }

    @Test(arguments: [(80, 24), (120, 40), (40, 10)])
    func headlineList(width: Int, height: Int) {
        Snapshot.assert(AppView.render(Self.headlines(width, height)), named: "headlines-\(width)x\(height)")
    }

    @Test(arguments: [(80, 24), (120, 40), (40, 10)])
    func readerOpen(width: Int, height: Int) {
        Snapshot.assert(AppView.render(Self.reading(width, height)), named: "reader-\(width)x\(height)")
    }

    @Test func zoomedReader() {
        var s = Self.reading(80, 24)
        _ = reduce(&s, .key(.char("z")))
        Snapshot.assert(AppView.render(s), named: "reader-zoomed-80x24")
    }

    @Test func linkListOverlay() {
        var s = Self.reading(80, 24)
        _ = reduce(&s, .key(.char("u")))
        Snapshot.assert(AppView.render(s), named: "links-80x24")
    }

    @Test func tagChooserAndTaggedFeedList() {
        var s = AppState(size: Size(width: 80, height: 24))
        var feeds = Self.feeds
        feeds[0].tags = ["local", "news"]
        feeds[1].tags = ["日本"]
        feeds[3].tags = ["news"]
        _ = reduce(&s, .feedsLoaded(feeds, Totals(unread: 5, total: 9)))
        _ = reduce(&s, .key(.char("t")))
        _ = reduce(&s, .key(.char("j")))
        _ = reduce(&s, .key(.char("j")))
        Snapshot.assert(AppView.render(s), named: "tags-chooser-80x24")
        _ = reduce(&s, .key(.enter))
        Snapshot.assert(AppView.render(s), named: "tags-filtered-80x24")
    }

    @Test func helpOverlay() {
        var s = Self.state(80, 24)
        _ = reduce(&s, .key(.char("?")))
        Snapshot.assert(AppView.render(s), named: "help-80x24")
    }

    @Test func loadingScreen() {
        Snapshot.assert(AppView.render(AppState(size: Size(width: 40, height: 10))), named: "loading-40x10")
    }

    @Test(arguments: [(80, 24), (120, 40), (40, 10), (20, 5), (1, 1), (0, 0), (7, 3)])
    func noControlCharacterEverReachesACell(width: Int, height: Int) {
        var preview = Self.state(width, height)
        _ = reduce(&preview, .previewLoaded(HeadlinePage(scope: .all, anchor: .top, rows: Self.rows, firstIndex: 0, total: Self.rows.count)))
        for state in [Self.state(width, height), preview, Self.headlines(width, height), Self.reading(width, height)] {
            let screen = AppView.render(state)
            #expect(screen.cells.count == width * height)
            for cell in screen.cells {
                for scalar in cell.text.unicodeScalars {
                    #expect(scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value), "control U+\(String(scalar.value, radix: 16))")
                    #expect(!(0x202A...0x202E).contains(scalar.value) && !(0x2066...0x2069).contains(scalar.value))
                }
            }
        }
    }
}

@Suite struct EmptyCacheViewTests {
    @Test func anEmptyCacheTellsANewUserWhatToDo() {
        var s = AppState(size: Size(width: 80, height: 12))
        _ = reduce(&s, .feedsLoaded([], Totals(unread: 0, total: 0)))
        let text = AppView.render(s).rows.joined(separator: "\n")
        #expect(text.contains("No feeds yet"))
        #expect(text.contains("tidings add"))
    }
}

/// Every size from nothing to a large terminal: drawing the feed preview never traps.
@Suite struct PreviewSizeSweepTests {
    @Test func everySizeDraws() {
        for width in stride(from: 0, through: 130, by: 1) {
            for height in [0, 1, 2, 3, 4, 5, 6, 8, 12, 24, 41] {
                var s = ViewSnapshotTests.state(width, height)
                _ = reduce(&s, .previewLoaded(HeadlinePage(scope: .all, anchor: .top, rows: ViewSnapshotTests.rows,
                                                           firstIndex: 0, total: ViewSnapshotTests.rows.count)))
                let screen = AppView.render(s)
                #expect(screen.rows.count == height)
            }
        }
    }
}

/// The status line during a background refresh, and a failing feed marked in the list.
@Suite struct RefreshStatusViewTests {
    static func state() -> AppState {
        var feeds = ViewSnapshotTests.feeds
        feeds[0].problem = FeedProblem(kind: .backoff, message: "timeout: no complete answer within 60 s (fetch-timeout in the config)",
                                       nextAttempt: Date(timeIntervalSince1970: 1_638_470_400))
        feeds[2].problem = FeedProblem(kind: .rateLimited, message: "The server asked Tidings to wait.",
                                       nextAttempt: Date(timeIntervalSince1970: 1_638_470_400))
        var s = AppState(size: Size(width: 120, height: 12))
        _ = reduce(&s, .feedsLoaded(feeds, Totals(unread: 5, total: 9)))
        return s
    }

    @Test func progressAndAFailingFeed() {
        var s = Self.state()
        _ = reduce(&s, .refreshStarted(total: 300))
        _ = reduce(&s, .refreshProgress(done: 37, total: 300, failed: 2))
        _ = reduce(&s, .key(.char("j")))
        _ = reduce(&s, .key(.char("j")))
        Snapshot.assert(AppView.render(s), named: "refresh-progress-120x12")
        let status = AppView.render(s).rows.last ?? ""
        #expect(status.contains("Refreshing 37/300 · 2 failed"))
        #expect(status.contains("timeout: no complete answer"))
    }

    @Test func theSelectedFeedsErrorAndNextAttemptAreShown() {
        var s = Self.state()
        _ = reduce(&s, .key(.char("j")))
        _ = reduce(&s, .key(.char("j")))
        let rows = AppView.render(s).rows
        #expect(rows.last?.contains("! timeout: no complete answer within 60 s") == true)
        #expect(rows.last?.contains("next attempt") == true)
        #expect(rows.contains { $0.hasPrefix("!") && $0.contains("The Kestrel Bay Harbor Gazette") })
    }
}
