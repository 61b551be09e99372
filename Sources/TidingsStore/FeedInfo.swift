import Foundation
import TidingsCore

/// Where a feed's bytes come from.
public enum FeedKind: String, Sendable, Codable, CaseIterable {
    /// An http(s) URL.
    case url
    /// A local feed file.
    case file
    /// A folder of Markdown or HTML articles.
    case folder
    /// `exec:COMMAND`: the command's standard output is the feed.
    case exec

    /// The kind a source string implies: a URL scheme, `exec:`, an existing folder, else a file.
    public static func infer(source: String) -> FeedKind {
        let lower = source.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return .url }
        if lower.hasPrefix("exec:") { return .exec }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory), isDirectory.boolValue { return .folder }
        return .file
    }
}

/// Everything `tidings feeds` shows about one feed.
public struct FeedInfo: Hashable, Sendable {
    public var id: FeedID
    /// The title shown: custom, else the document's, else the source.
    public var title: String
    /// The title the user registered, if any.
    public var customTitle: String?
    public var source: String
    public var kind: FeedKind
    /// Command the fetched bytes are piped through before parsing (newsboat `filter:`).
    public var filter: String?
    /// Sorted tags.
    public var tags: [String]
    /// Hidden feeds are not listed in the reader's feed list; their articles stay searchable.
    public var hidden: Bool
    public var siteLink: String?
    public var unread: Int
    public var total: Int
    /// When a document was last imported into this feed.
    public var lastUpdated: Date?
    /// When the source was last fetched, successfully or not.
    public var lastChecked: Date?
    /// Why the last fetch failed; nil once a fetch succeeds.
    public var lastError: String?

    public init(id: FeedID, title: String, customTitle: String?, source: String, kind: FeedKind, filter: String?,
                tags: [String], hidden: Bool, siteLink: String?, unread: Int, total: Int,
                lastUpdated: Date?, lastChecked: Date?, lastError: String?) {
        self.id = id; self.title = title; self.customTitle = customTitle; self.source = source
        self.kind = kind; self.filter = filter; self.tags = tags; self.hidden = hidden; self.siteLink = siteLink
        self.unread = unread; self.total = total
        self.lastUpdated = lastUpdated; self.lastChecked = lastChecked; self.lastError = lastError
    }
}

/// What a fetcher needs to skip an unchanged source: validators from the last response and a
/// hash of the last bytes parsed.
public struct FetchState: Hashable, Sendable {
    public var etag: String?
    public var lastModified: String?
    public var contentHash: Int64?
    public var lastChecked: Date?
    public var lastUpdated: Date?
    public var lastError: String?

    public init(etag: String? = nil, lastModified: String? = nil, contentHash: Int64? = nil,
                lastChecked: Date? = nil, lastUpdated: Date? = nil, lastError: String? = nil) {
        self.etag = etag; self.lastModified = lastModified; self.contentHash = contentHash
        self.lastChecked = lastChecked; self.lastUpdated = lastUpdated; self.lastError = lastError
    }
}

/// A named query shown as a virtual feed.
public struct SavedSearch: Hashable, Sendable {
    public var name: String
    public var query: String
    public init(name: String, query: String) { self.name = name; self.query = query }
}
