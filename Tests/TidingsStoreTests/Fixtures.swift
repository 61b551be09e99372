import Foundation
import TidingsCore
@testable import TidingsStore

/// Builders shared by the store tests.
enum Fixture {
    static let base = Date(timeIntervalSince1970: 1_700_000_000)

    static func item(_ n: Int, published: Date? = nil, title: String? = nil, content: String? = nil) -> FeedItem {
        FeedItem(id: "guid-\(n)", title: title ?? "Title \(n)", link: "https://example.org/\(n)",
                 author: "Author", published: published, summary: "Summary \(n)", content: content,
                 contentType: .html)
    }

    /// `count` items, newest first, published in groups of `tie` sharing the same minute.
    static func document(count: Int, tie: Int = 1, title: String? = "Example feed", start: Int = 0) -> FeedDocument {
        let items = (start..<(start + count)).map { n in
            item(n, published: base.addingTimeInterval(-60 * Double(n / tie)))
        }
        return FeedDocument(format: .rss20, feed: FeedMeta(title: title), items: items)
    }

    /// A fresh store with one registered feed.
    static func storeWithFeed(_ source: String = "https://example.org/feed") throws -> (ArticleStore, FeedID) {
        let store = try ArticleStore.inMemory()
        return (store, try store.registerFeed(source: source, title: nil))
    }

    /// Every headline of a scope, from one big page.
    static func everything(_ store: ArticleStore, _ scope: ListScope) throws -> [Headline] {
        try store.headlines(HeadlinePageRequest(scope: scope, cursor: nil, direction: .older, limit: 1_000_000))
    }

    /// A new empty directory under the system temp directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tidings-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
