import Foundation
@testable import TidingsCore

/// Small, fully known worlds for reducer tests.
enum Fixture {
    static let feeds = [
        FeedSummary(id: 1, title: "Alpha", source: "/a.rss", unread: 2, total: 3),
        FeedSummary(id: 2, title: "Beta", source: "/b.rss", unread: 0, total: 1),
        FeedSummary(id: 3, title: "Gamma", source: "/c.rss", unread: 1, total: 2),
    ]
    static let totals = Totals(unread: 3, total: 6)

    static func headline(_ id: ArticleID, feed: FeedID = 1, read: Bool = false, date: Int64? = nil) -> Headline {
        let d = date ?? (1_700_000_000 - id * 60)
        return Headline(id: id, feedID: feed, feedTitle: feeds.first { $0.id == feed }?.title ?? "?",
                        title: "Article \(id)", published: Date(timeIntervalSince1970: TimeInterval(d)),
                        sortDate: d, isRead: read)
    }

    /// Alpha's three articles: 10 and 11 unread, 12 read.
    static let alpha = [headline(10), headline(11), headline(12, read: true)]

    /// 80x24, feeds loaded, feed list showing with row `selected` chosen and its preview requested.
    static func feedList(selected: Int = 0) -> AppState {
        var s = AppState(size: Size(width: 80, height: 24))
        _ = reduce(&s, .feedsLoaded(feeds, totals))
        s.feedList.selected = selected
        s.preview = FeedPreview(scope: s.feedList.rows[selected].scope, limit: s.previewLimit)
        return s
    }

    /// Alpha's headlines loaded, first row selected.
    static func alphaList() -> AppState {
        var s = feedList(selected: 2)
        _ = reduce(&s, .key(.enter))
        _ = reduce(&s, .headlinesLoaded(HeadlinePage(scope: .feed(1), anchor: .top, rows: alpha, firstIndex: 0, total: 3)))
        return s
    }

    static func article(_ h: Headline, body: String = "<p>Hello <b>world</b>.</p>") -> Article {
        Article(headline: h, link: "https://example.org/\(h.id)", body: body, contentType: .html)
    }

    /// Article 10 open in the reader with a long body.
    static func reading() -> AppState {
        var s = alphaList()
        _ = reduce(&s, .key(.enter))
        let body = (1...80).map { "<p>Paragraph \($0) of a long article about tides and harbours.</p>" }.joined()
        _ = reduce(&s, .articleLoaded(article(alpha[0], body: body)))
        return s
    }
}
