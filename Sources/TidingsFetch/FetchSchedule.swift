import Foundation

/// When to fetch a feed next: the politeness rules in one place, pure so they can be tested.
public struct FetchSchedule: Sendable, Equatable {
    public static let minimumInterval: TimeInterval = 15 * 60
    public static let defaultInterval: TimeInterval = 60 * 60
    /// Server and feed hints never push the next fetch further than this.
    public static let maximumHint: TimeInterval = 24 * 3600
    /// Error backoff never waits longer than this.
    public static let maximumBackoff: TimeInterval = 24 * 3600
    /// A Retry-After is obeyed up to this.
    public static let maximumRetryAfter: TimeInterval = 7 * 24 * 3600

    /// The configured interval, never below the floor.
    public var interval: TimeInterval

    public init(interval: TimeInterval = FetchSchedule.defaultInterval) {
        self.interval = max(Self.minimumInterval, interval)
    }

    /// After a good answer: the largest of the interval and the hints (each hint capped at 24 h),
    /// with ±10 % jitter so that feeds added together spread out, but never before a hint says.
    /// `feedHint` is RSS `<ttl>` or `sy:updatePeriod`/`sy:updateFrequency`, in seconds.
    public func next(after now: Date, cache: CacheHints, feedHint: TimeInterval?,
                     random: Double = Double.random(in: 0...1)) -> Date {
        let hint = max(cache.freshFor ?? 0, feedHint ?? 0)
        let cappedHint = min(hint, Self.maximumHint)
        let base = max(interval, cappedHint)
        let jittered = base * (0.9 + 0.2 * random)
        return now.addingTimeInterval(max(jittered, cappedHint))
    }

    /// After the `failures`-th error in a row: the interval doubled per failure, with the same
    /// jitter, capped at 24 h (after the jitter, so the cap is never exceeded).
    public func backoff(after now: Date, failures: Int, random: Double = Double.random(in: 0...1)) -> Date {
        let exponent = Double(min(max(failures, 1) - 1, 16))
        let delay = min(Self.maximumBackoff, interval * pow(2, exponent))
        return now.addingTimeInterval(min(Self.maximumBackoff, delay * (0.9 + 0.2 * random)))
    }

    /// A 429 or 503: exactly what Retry-After says (capped at 7 days), else the error backoff.
    public func rateLimit(after now: Date, retryAfter: TimeInterval?, failures: Int) -> Date {
        if let retryAfter { return now.addingTimeInterval(min(retryAfter, Self.maximumRetryAfter)) }
        return backoff(after: now, failures: failures, random: 0.5)
    }

    /// RSS `<ttl>` minutes, or syndication module period and frequency, as seconds.
    public static func feedHint(ttlMinutes: Int?, updatePeriod: String?, updateFrequency: Int?) -> TimeInterval? {
        var hints: [TimeInterval] = []
        if let ttl = ttlMinutes, ttl > 0 { hints.append(TimeInterval(ttl) * 60) }
        if let period = updatePeriod?.trimmingCharacters(in: .whitespaces).lowercased() {
            let length: TimeInterval? = switch period {
            case "hourly": 3600
            case "daily": 86_400
            case "weekly": 7 * 86_400
            case "monthly": 30 * 86_400
            case "yearly": 365 * 86_400
            default: nil
            }
            let frequency = max(1, updateFrequency ?? 1)
            if let length { hints.append(length / TimeInterval(frequency)) }
        }
        return hints.max()
    }
}
