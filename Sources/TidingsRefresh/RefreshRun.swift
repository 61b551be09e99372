import Foundation
import TidingsCore
import TidingsStore

/// What a refresh did, summed up for the status bar, the CLI's line and `--json`.
public struct RefreshRun: Sendable {
    public struct Outcome: Sendable {
        public var feed: FeedInfo
        public var status: RefreshStatus
    }

    public var outcomes: [Outcome] = []
    public var inserted = 0, updated = 0, unchanged = 0, skipped = 0, failed = 0, warned = 0, rateLimited = 0, gone = 0
    /// Articles removed by retention limits after the refresh.
    public var purged = 0
    /// Web pages extracted for feeds set to `full-article = "always"`.
    public var fullArticles = 0
    /// Lines for stderr: one per failed feed, per warning, and one per skip reason.
    public var problems: [String] = []
    private var skipCounts: [String: Int] = [:]

    public init() {}

    mutating func add(_ feed: FeedInfo, _ status: RefreshStatus) {
        outcomes.append(Outcome(feed: feed, status: status))
        switch status {
        case .updated(let r, let warnings):
            inserted += r.inserted
            updated += r.updated
            if let first = warnings.first {
                warned += 1
                let more = warnings.count > 1 ? " (and \(warnings.count - 1) more)" : ""
                problems.append("\(feed.displaySource): warning: \(first)\(more)")
            }
        case .unchanged: unchanged += 1
        case .skipped(let why):
            skipped += 1
            skipCounts[why.category, default: 0] += 1
        case .failed(let why):
            failed += 1
            problems.append("\(feed.displayName): \(why)")
        case .rateLimited(let until):
            rateLimited += 1
            problems.append("\(feed.displayName): rate-limited by the server until \(Clock.short(until))")
        case .gone:
            gone += 1
            problems.append("\(feed.displayName): the feed is gone (HTTP 410); it will not be fetched again")
        }
    }

    /// One line per skip reason, not per feed: 300 feeds in backoff must not mean 300 lines from cron.
    mutating func finish() {
        for (why, count) in skipCounts.sorted(by: { $0.key < $1.key }) {
            problems.append("skipped \(count) feed\(count == 1 ? "" : "s"): \(why)")
        }
        skipCounts = [:]
    }

    /// Feeds that could not be read (errors, 410, 429) — what the exit status counts.
    public var unsuccessful: Int { failed + gone + rateLimited }

    public var line: String {
        "Refreshed \(outcomes.count) feed\(outcomes.count == 1 ? "" : "s"): \(inserted) new, \(updated) updated articles; "
            + "\(unchanged) unchanged, \(skipped) skipped, \(unsuccessful) failed" + (warned > 0 ? ", \(warned) with warnings" : "")
            + (fullArticles > 0 ? "; \(fullArticles) full articles fetched" : "")
            + (purged > 0 ? "; \(purged) old articles removed by retention limits" : "")
    }
}

extension FeedInfo {
    /// The source fit to show: credentials in a URL are censored.
    public var displaySource: String { kind == .url ? Userinfo.censor(source) : source }
    /// The title, else the censored source.
    public var displayName: String { title == source ? displaySource : title }
}
