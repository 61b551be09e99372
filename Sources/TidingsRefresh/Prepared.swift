import Foundation
import TidingsStore

/// A source read (and parsed) but not yet written: the slow half of a refresh, which runs
/// off the writer so downloads and parsing overlap with the single database writer.
public enum Prepared: @unchecked Sendable {
    case document(PreparedDocument, record: FetchRecord, warnings: [String])
    case unchanged(record: FetchRecord)
    case skipped(SkipReason)
    /// `record` nil: nothing can be recorded (the feed is unknown).
    case failed(String, record: FetchRecord?)
    case rateLimited(until: Date, record: FetchRecord)
    case gone(record: FetchRecord)
    /// `tidings add` of a web page: the feeds it links to (the caller picks one).
    case page([DiscoveredLink])
}

/// A feed link found on a page, as `add` reports it.
public struct DiscoveredLink: Sendable, Equatable {
    public var url: String
    public var title: String?
    public init(url: String, title: String?) { self.url = url; self.title = title }
}

extension FetchState {
    /// The record of a failed attempt: validators and hash kept, one more failure, backoff scheduled.
    func failure(_ message: String, at now: Date, status: Int? = nil, nextFetch: Date?) -> FetchRecord {
        FetchRecord(at: now, httpStatus: status ?? httpStatus, etag: etag, lastModified: lastModified,
                    contentHash: contentHash, error: message, failures: failures + 1, nextFetch: nextFetch,
                    gone: false, rateLimitedUntil: nil)
    }

    /// A previous successful fetch that produced the bytes now stored.
    var isHealthy: Bool { contentHash != nil && lastError == nil }
}
