import Foundation
import TidingsStore

/// What refreshing one feed did.
public enum RefreshStatus: Sendable, Equatable {
    /// Written; `warnings` are what the parser recovered from (shown, never fatal).
    case updated(ImportReport, warnings: [String])
    /// Nothing new: a 304, or the same bytes as last time (nothing was parsed or written).
    case unchanged
    /// Not fetched, and why.
    case skipped(SkipReason)
    /// The fetch or the parse failed; the feed keeps its articles and validators.
    case failed(String)
    /// The server said 429 or 503: this feed and its host wait until then.
    case rateLimited(until: Date)
    /// 410 Gone: the feed is no longer fetched until the user re-enables it.
    case gone

    public var isFailure: Bool {
        if case .failed = self { return true }
        return false
    }
}

/// Why a feed was not fetched in a refresh.
public enum SkipReason: Sendable, Equatable, Hashable {
    case gone
    case rateLimited(until: Date)
    case backoff(until: Date, failures: Int)
    case notDue(until: Date)
    /// The rest of a host's queue after it answered 429/503 during this refresh.
    case hostRateLimited(until: Date)

    /// The same words for every feed with the same reason, so a summary can count them.
    public var category: String {
        switch self {
        case .gone: return "gone (HTTP 410); `tidings refresh --force FEED` or `tidings add URL` re-enables it"
        case .rateLimited, .hostRateLimited: return "rate-limited by the server"
        case .backoff: return "backing off after errors (`tidings feeds` shows each error; --force retries now)"
        case .notDue: return "not due yet"
        }
    }

    public var description: String {
        switch self {
        case .gone: return category
        case .rateLimited(let until), .hostRateLimited(let until): return "rate-limited until \(Clock.short(until))"
        case .backoff(let until, let failures):
            return "backing off after \(failures) error\(failures == 1 ? "" : "s") until \(Clock.short(until))"
        case .notDue(let until): return "not due until \(Clock.short(until))"
        }
    }
}

/// Times as people read them in a status line: 19:40 today, else with the day.
public enum Clock {
    public static func short(_ date: Date, now: Date = Date(), timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = calendar.isDate(date, inSameDayAs: now) ? "HH:mm" : "MMM d HH:mm"
        return formatter.string(from: date)
    }
}
