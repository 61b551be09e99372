import Foundation
import TidingsCore
import TidingsFetch

/// The knobs of a refresh, from the config file (`fetch-concurrency`, `fetch-timeout`,
/// `refresh-interval`) and the retention limits applied after it.
public struct RefreshSettings: Sendable {
    /// Requests in flight at once, over all hosts (one per host at any time).
    public var concurrency: Int
    /// The total deadline of one request, redirects included.
    public var timeout: TimeInterval
    /// Body cap after decompression.
    public var maxBytes: Int
    public var schedule: FetchSchedule
    public var retention: RetentionPolicy
    /// Parse and write at a lower CPU priority (the reader: its keys come first).
    public var background = false
    /// Which feeds get their new articles' web pages extracted during a refresh.
    public var fullArticle = FullArticleConfig()
    /// At most this many pages are extracted in one refresh (the rest wait for the next one).
    public var fullArticleLimit = 50

    public init(concurrency: Int = 6, timeout: TimeInterval = 60, maxBytes: Int = 15 << 20,
                interval: TimeInterval = FetchSchedule.defaultInterval, retention: RetentionPolicy = RetentionPolicy()) {
        self.concurrency = min(max(1, concurrency), 32)
        self.timeout = max(1, timeout)
        self.maxBytes = maxBytes
        self.schedule = FetchSchedule(interval: interval)
        self.retention = retention
    }
}
