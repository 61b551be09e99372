import Foundation

/// A summary of the whole cache for `tidings stats`.
public struct CacheStats: Hashable, Sendable {
    public var feeds: Int
    public var articles: Int
    public var unread: Int
    public var starred: Int
    public var savedSearches: Int
    /// Size of the database in bytes (its pages; a pending write-ahead log not counted).
    public var fileBytes: Int64
    /// Sort dates (published, else updated, else first seen) of the oldest and newest article.
    public var oldest: Date?
    public var newest: Date?

    public init(feeds: Int, articles: Int, unread: Int, starred: Int, savedSearches: Int,
                fileBytes: Int64, oldest: Date?, newest: Date?) {
        self.feeds = feeds; self.articles = articles; self.unread = unread; self.starred = starred
        self.savedSearches = savedSearches; self.fileBytes = fileBytes; self.oldest = oldest; self.newest = newest
    }
}

/// What `cleanup` removed.
public struct CleanupReport: Hashable, Sendable {
    /// Articles deleted (never starred ones).
    public var deleted: Int
    /// Database size in bytes before and after (pages, as in `CacheStats.fileBytes`).
    public var bytesBefore: Int64
    public var bytesAfter: Int64
    /// Per-feed retention keys that named no feed in the cache (a typo, or a removed feed).
    public var unmatchedFeeds: [String]

    public init(deleted: Int, bytesBefore: Int64, bytesAfter: Int64, unmatchedFeeds: [String] = []) {
        self.deleted = deleted; self.bytesBefore = bytesBefore; self.bytesAfter = bytesAfter
        self.unmatchedFeeds = unmatchedFeeds
    }
}
