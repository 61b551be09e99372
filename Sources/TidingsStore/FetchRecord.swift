import Foundation

/// The outcome of one fetch attempt as the cache keeps it. The caller passes every value to
/// store (validators it did not get this time are the previous ones), so the rule "keep what the
/// response lacks" lives in one place, the refresh code.
public struct FetchRecord: Sendable, Equatable {
    public var at: Date
    public var httpStatus: Int?
    public var etag: String?
    /// Last-Modified exactly as received (for HTTP), or a file's size/mtime stamp (local files).
    public var lastModified: String?
    public var contentHash: Int64?
    /// Nil for a good answer; else what went wrong, in words a user can act on.
    public var error: String?
    /// Errors in a row (0 after a good answer): the exponent of the backoff.
    public var failures: Int
    public var nextFetch: Date?
    public var gone: Bool
    public var rateLimitedUntil: Date?
    /// The new URL after permanent redirects, to store in place of the source.
    public var movedTo: String?

    public init(at: Date, httpStatus: Int? = nil, etag: String? = nil, lastModified: String? = nil,
                contentHash: Int64? = nil, error: String? = nil, failures: Int = 0, nextFetch: Date? = nil,
                gone: Bool = false, rateLimitedUntil: Date? = nil, movedTo: String? = nil) {
        self.at = at; self.httpStatus = httpStatus; self.etag = etag; self.lastModified = lastModified
        self.contentHash = contentHash; self.error = error; self.failures = failures; self.nextFetch = nextFetch
        self.gone = gone; self.rateLimitedUntil = rateLimitedUntil; self.movedTo = movedTo
    }
}

/// How a feed stands, as `tidings feeds` and the feed list show it.
public enum FeedHealth: String, Sendable, CaseIterable {
    case ok
    /// The last attempt failed and the next one may run now.
    case error
    /// The last attempts failed; the next one waits until `nextFetch`.
    case backoff
    /// The server asked (429/503) to wait until `rateLimitedUntil`.
    case rateLimited = "rate-limited"
    /// 410 Gone: never fetched again until the user re-enables it.
    case gone
}
