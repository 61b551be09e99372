import Foundation

/// The syndication format a document was recognised as.
public enum FeedFormat: String, Sendable, Codable, Equatable, CaseIterable {
    case rss090, rss091, rss092, rss093, rss094, rss10, rss20
    case atom03, atom10
    case jsonfeed10, jsonfeed11
    case markdown
}

/// How an item's body is to be read.
public enum ContentType: String, Sendable, Codable, Equatable {
    case html, text
}

/// A media file attached to an item (podcast audio, an image).
public struct FeedEnclosure: Sendable, Codable, Equatable, Hashable {
    public var url: String
    public var type: String?
    public var length: Int64?
    public init(url: String, type: String? = nil, length: Int64? = nil) {
        self.url = url; self.type = type; self.length = length
    }
}

/// Channel-level metadata of a parsed feed.
public struct FeedMeta: Sendable, Codable, Equatable {
    public var title: String?
    public var link: String?
    public var description: String?
    public var language: String?
    public var updated: Date?
    public var author: String?
    /// RSS `<ttl>`: minutes the channel may be cached (a polling hint).
    public var ttlMinutes: Int?
    /// Syndication module `sy:updatePeriod` (hourly, daily, …) and `sy:updateFrequency`.
    public var updatePeriod: String?
    public var updateFrequency: Int?
    public init(title: String? = nil, link: String? = nil, description: String? = nil,
                language: String? = nil, updated: Date? = nil, author: String? = nil,
                ttlMinutes: Int? = nil, updatePeriod: String? = nil, updateFrequency: Int? = nil) {
        self.title = title; self.link = link; self.description = description
        self.language = language; self.updated = updated; self.author = author
        self.ttlMinutes = ttlMinutes; self.updatePeriod = updatePeriod; self.updateFrequency = updateFrequency
    }
}

/// One entry of a parsed feed. `id` is always set by the parser: the feed's own
/// identifier when present, otherwise a stable fallback derived from link and title.
public struct FeedItem: Sendable, Codable, Equatable {
    public var id: String
    public var title: String?
    public var link: String?
    public var author: String?
    public var published: Date?
    public var updated: Date?
    public var summary: String?
    public var content: String?
    public var contentType: ContentType?
    public var categories: [String]
    public var enclosures: [FeedEnclosure]
    public init(id: String, title: String? = nil, link: String? = nil, author: String? = nil,
                published: Date? = nil, updated: Date? = nil, summary: String? = nil,
                content: String? = nil, contentType: ContentType? = nil,
                categories: [String] = [], enclosures: [FeedEnclosure] = []) {
        self.id = id; self.title = title; self.link = link; self.author = author
        self.published = published; self.updated = updated; self.summary = summary
        self.content = content; self.contentType = contentType
        self.categories = categories; self.enclosures = enclosures
    }

    /// The body to show: full content when present, else the summary.
    public var body: String? { content ?? summary }
}

/// Everything a parser recovered from one source, plus what was wrong with it.
public struct FeedDocument: Sendable, Codable, Equatable {
    public var format: FeedFormat
    public var feed: FeedMeta
    public var items: [FeedItem]
    public var warnings: [String]
    public init(format: FeedFormat, feed: FeedMeta = FeedMeta(), items: [FeedItem] = [], warnings: [String] = []) {
        self.format = format; self.feed = feed; self.items = items; self.warnings = warnings
    }
}
