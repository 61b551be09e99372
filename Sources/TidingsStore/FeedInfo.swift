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
    /// The status of the last HTTP answer (http(s) feeds only).
    public var httpStatus: Int?
    /// When the feed is due again (interval, server hints, backoff).
    public var nextFetch: Date?
    /// Failed attempts in a row.
    public var failures: Int
    /// 410 Gone: not fetched again until re-enabled.
    public var gone: Bool
    /// The server's Retry-After for this feed's host.
    public var rateLimitedUntil: Date?

    public init(id: FeedID, title: String, customTitle: String?, source: String, kind: FeedKind, filter: String?,
                tags: [String], hidden: Bool, siteLink: String?, unread: Int, total: Int,
                lastUpdated: Date?, lastChecked: Date?, lastError: String?, httpStatus: Int? = nil,
                nextFetch: Date? = nil, failures: Int = 0, gone: Bool = false, rateLimitedUntil: Date? = nil) {
        self.id = id; self.title = title; self.customTitle = customTitle; self.source = source
        self.kind = kind; self.filter = filter; self.tags = tags; self.hidden = hidden; self.siteLink = siteLink
        self.unread = unread; self.total = total
        self.lastUpdated = lastUpdated; self.lastChecked = lastChecked; self.lastError = lastError
        self.httpStatus = httpStatus; self.nextFetch = nextFetch; self.failures = failures; self.gone = gone
        self.rateLimitedUntil = rateLimitedUntil
    }

    /// How the feed stands at `now`: gone, waiting for the server, backing off after errors, failing, or fine.
    public func health(at now: Date) -> FeedHealth {
        if gone { return .gone }
        if let until = rateLimitedUntil, until > now { return .rateLimited }
        if failures > 0 || lastError != nil {
            if let next = nextFetch, next > now, failures > 0 { return .backoff }
            return .error
        }
        return .ok
    }

    /// True when a scheduled refresh (`--due`, the reader's automatic one) should fetch it now.
    public func isDue(at now: Date) -> Bool {
        guard !gone else { return false }
        if let until = rateLimitedUntil, until > now { return false }
        guard let next = nextFetch else { return true }
        return next <= now
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
    public var httpStatus: Int?
    public var failures: Int
    public var nextFetch: Date?
    public var gone: Bool
    public var rateLimitedUntil: Date?

    public init(etag: String? = nil, lastModified: String? = nil, contentHash: Int64? = nil,
                lastChecked: Date? = nil, lastUpdated: Date? = nil, lastError: String? = nil,
                httpStatus: Int? = nil, failures: Int = 0, nextFetch: Date? = nil, gone: Bool = false,
                rateLimitedUntil: Date? = nil) {
        self.etag = etag; self.lastModified = lastModified; self.contentHash = contentHash
        self.lastChecked = lastChecked; self.lastUpdated = lastUpdated; self.lastError = lastError
        self.httpStatus = httpStatus; self.failures = failures; self.nextFetch = nextFetch; self.gone = gone
        self.rateLimitedUntil = rateLimitedUntil
    }
}

/// A named query shown as a virtual feed.
public struct SavedSearch: Hashable, Sendable {
    public var name: String
    public var query: String
    public init(name: String, query: String) { self.name = name; self.query = query }
}
