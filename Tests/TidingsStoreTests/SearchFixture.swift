import Foundation
import TidingsCore
@testable import TidingsStore

/// A small two-feed corpus with English, accented, Japanese and plain-text bodies.
enum SearchFixture {
    static func item(_ id: String, _ title: String, author: String? = nil, body: String,
                     type: ContentType = .html, minutesAgo: Double) -> FeedItem {
        FeedItem(id: id, title: title, link: "https://example.org/\(id)", author: author,
                 published: Fixture.base.addingTimeInterval(-60 * minutesAgo), content: body, contentType: type)
    }

    static let harborItems = [
        item("h1", "Ferry timetable changes", author: "Ana Lima", body: "<p>The <b>ferry</b> leaves at noon.</p>", minutesAgo: 0),
        item("h2", "Market day", author: "Bo Chen", body: "<p>Fresh fish &amp; bread. A ferry was mentioned once.</p>", minutesAgo: 1),
        item("h3", "Café reopens", body: "<p>Tea and <i>cakes</i></p>", minutesAgo: 2),
    ]
    static let valleyItems = [
        item("v1", "東京の天気", body: "<p>今日は晴れです</p>", minutesAgo: 0.5),
        item("v2", "Harvest festival", author: "Ana Lima", body: "The timetable of the festival", type: .text, minutesAgo: 1.5),
    ]

    /// The store, Harbor Gazette (tags news, local) and Valley Bulletin (tag local).
    static func store() throws -> (ArticleStore, harbor: FeedID, valley: FeedID) {
        let store = try ArticleStore.inMemory()
        let harbor = try store.registerFeed(source: "https://harbor.example/rss", title: "Harbor Gazette", tags: ["news", "Local"])
        let valley = try store.registerFeed(source: "/feeds/valley.xml", title: "Valley Bulletin", tags: ["local"])
        _ = try store.apply(FeedDocument(format: .rss20, items: harborItems), toFeed: harbor, seenAt: Fixture.base)
        _ = try store.apply(FeedDocument(format: .rss20, items: valleyItems), toFeed: valley, seenAt: Fixture.base)
        return (store, harbor, valley)
    }
}
