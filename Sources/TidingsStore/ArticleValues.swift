import Foundation
import TidingsCore

/// The column values of one article as imported from a feed item, computed outside the
/// write transaction so the lock is held only for the SQL.
struct ArticleValues {
    var guid: String
    var title: String?
    var author: String?
    var link: String?
    var published: Int64?
    var updated: Int64?
    var summary: String?
    var content: String?
    var contentType: String
    var categories: String?
    var enclosures: String?
    var hash: Int64
    /// Text for the search index, prepared ahead when the item is known to need indexing.
    var search: SearchIndex.Text?

    init(_ item: FeedItem) {
        guid = item.id
        title = item.title
        author = item.author
        link = item.link
        published = UnixTime.seconds(item.published)
        updated = UnixTime.seconds(item.updated)
        summary = item.summary
        content = item.content
        // RSS bodies are HTML by convention, so an unknown type is read as HTML.
        contentType = (item.contentType ?? .html).rawValue
        categories = Self.json(item.categories)
        enclosures = Self.json(item.enclosures)

        var hasher = ContentHasher()
        for text in [title, author, link, summary, content, contentType, categories, enclosures] {
            hasher.add(text)
        }
        hasher.add(published)
        hasher.add(updated)
        hash = hasher.value
    }

    private static func json<T: Encodable & Collection>(_ value: T) -> String? {
        guard !value.isEmpty else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Items keyed by guid where the last occurrence wins, kept in the order of those occurrences.
    static func deduplicated(_ items: [FeedItem]) -> [ArticleValues] {
        var lastIndex: [String: Int] = [:]
        for (index, item) in items.enumerated() { lastIndex[item.id] = index }
        return items.indices.filter { lastIndex[items[$0].id] == $0 }.map { ArticleValues(items[$0]) }
    }
}
