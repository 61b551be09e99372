import Foundation
import TidingsCore
internal import GRDB

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
    /// Bodies as stored (see `BodyCodec`), set by `pack()` off the write lock.
    private var packed: (content: PackedBody, summary: PackedBody)?

    /// The stored bodies; `dictionaryID` is the id of the dictionary `pack(with:)` was given
    /// (nil when it could not be written: the bodies are then packed without one).
    func storedContent(dictionaryID: Int64?) -> DatabaseValue {
        packed?.content.stored(dictionaryID: dictionaryID, text: content) ?? BodyCodec.pack(content)
    }

    func storedSummary(dictionaryID: Int64?) -> DatabaseValue {
        packed?.summary.stored(dictionaryID: dictionaryID, text: summary) ?? BodyCodec.pack(summary)
    }

    /// Whether a body was packed with the document's dictionary (which must then be written first).
    var usesDictionary: Bool {
        guard let packed else { return false }
        for body in [packed.content, packed.summary] {
            if case .withDictionary = body { return true }
        }
        return false
    }

    mutating func pack(with packer: BodyPacker?) {
        guard let packer else { return }
        packed = (packer.prepare(content), packer.prepare(summary))
    }

    init(_ item: FeedItem) {
        guid = item.id
        // NUL ends a C string: text holding one would not read back from SQLite as written, and
        // the search index must be able to recompute exactly what it indexed from the row.
        title = Self.withoutNUL(item.title)
        author = Self.withoutNUL(item.author)
        link = item.link
        published = UnixTime.seconds(item.published)
        updated = UnixTime.seconds(item.updated)
        summary = Self.withoutNUL(item.summary)
        content = Self.withoutNUL(item.content)
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

    private static func withoutNUL(_ text: String?) -> String? {
        // memchr: a generic byte search over every body showed in the import's profile.
        guard var text, text.withUTF8({ $0.count > 0 && memchr($0.baseAddress!, 0, $0.count) != nil }) else { return text }
        return text.replacingOccurrences(of: "\0", with: "")
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
