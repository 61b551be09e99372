import Foundation
import TidingsCore
@testable import TidingsStore
internal import GRDB

/// Feeds big enough for a body dictionary: bodies of one feed share their markup, as real feeds do.
enum DictionaryFixture {
    private static let words = ["harbour", "lantern", "orchard", "ferry", "market", "council", "river", "bridge",
                                "meadow", "station", "library", "festival", "weather", "timber", "quay", "signal"]

    /// A body of about 3 KB: the feed's boilerplate around item-specific sentences.
    static func body(_ n: Int, feed: String = "Harbor Gazette") -> String {
        var text = "<div class=\"entry-content\"><p class=\"byline\">By the \(feed) newsroom</p>\n"
        for sentence in 0..<12 {
            let picked = (0..<9).map { words[(n * 7 + sentence * 5 + $0 * 3 + n / 3) % words.count] }
            text += "<p>Item \(n) paragraph \(sentence): the \(picked.joined(separator: " ")) went on.</p>\n"
        }
        text += "<p>Read more at <a href=\"https://example.org/posts/\(n)\">\(feed)</a>. Share: "
        text += "<a href=\"https://example.org/share?u=\(n)\">mail</a></p>\n<footer>© \(feed) — all rights reserved.</footer></div>"
        return text
    }

    /// `count` items from `start`, with bodies from `body`.
    static func document(count: Int, start: Int = 0, title: String = "Harbor Gazette") -> FeedDocument {
        let items = (start..<(start + count)).map { n in
            FeedItem(id: "big-\(n)", title: "Story \(n)", link: "https://example.org/posts/\(n)", author: "Desk",
                     published: Fixture.base.addingTimeInterval(-60 * Double(n)), summary: nil,
                     content: body(n, feed: title) + (n == 7 ? " <p>A zeppelin was sighted.</p>" : ""), contentType: .html)
        }
        return FeedDocument(format: .rss20, feed: FeedMeta(title: title), items: items)
    }

    /// Dictionary ids of a feed, oldest first.
    static func dictionaries(_ store: ArticleStore, feed: FeedID) throws -> [Int64] {
        try store.writer.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM body_dictionary WHERE feed_id = ? ORDER BY id", arguments: [feed])
        }
    }

    /// The stored content of one article by guid.
    static func storedContent(_ store: ArticleStore, guid: String) throws -> DatabaseValue {
        try store.writer.read { db in
            try DatabaseValue.fetchOne(db, sql: "SELECT content FROM article WHERE guid = ?", arguments: [guid]) ?? .null
        }
    }

    /// The dictionary id in a stored body's header, or nil when it has none.
    static func dictionaryID(_ value: DatabaseValue) -> Int64? {
        guard case let .blob(data) = value.storage else { return nil }
        return data.withUnsafeBytes { BodyDictionary.parseHeader($0)?.id }
    }
}
