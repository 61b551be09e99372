import Foundation

/// `[general]` settings for fetching: how many requests at once, how long one may take, how
/// often feeds are refreshed and whether the reader does it by itself.
public struct FetchConfig: Hashable, Sendable {
    /// `fetch-concurrency`: requests in flight over all hosts (one per host at a time).
    public var concurrency = 6
    /// `fetch-timeout`: the total deadline of one request, in seconds.
    public var timeout: TimeInterval = 60
    /// `refresh-interval`: how often a feed is fetched, at least 15 minutes.
    public var interval: TimeInterval = 3600
    /// `auto-refresh`: the reader refreshes due feeds at start and every `refresh-interval`.
    public var autoRefresh = true

    public init() {}

    static let keys: Set<String> = ["fetch-concurrency", "fetch-timeout", "refresh-interval", "auto-refresh"]

    mutating func read(_ key: String, _ value: TOMLValue, line: Int) throws(ConfigError) {
        switch key {
        case "fetch-concurrency":
            guard case .integer(let n) = value, (1...32).contains(n) else {
                throw .badValue(key: key, expected: "a whole number from 1 to 32", line: line)
            }
            concurrency = n
        case "fetch-timeout":
            guard let seconds = Self.duration(value, bareUnit: 1), seconds >= 1, seconds <= 3600 else {
                throw .badValue(key: key, expected: "a duration from 1s to 1h, e.g. \"60s\" (a bare number is seconds)", line: line)
            }
            timeout = seconds
        case "refresh-interval":
            guard let seconds = Self.duration(value, bareUnit: 60), seconds >= 15 * 60, seconds <= 7 * 86_400 else {
                throw .badValue(key: key, expected: "a duration from 15m to 7d, e.g. \"60m\" (a bare number is minutes)", line: line)
            }
            interval = seconds
        case "auto-refresh":
            guard case .bool(let on) = value else { throw .badValue(key: key, expected: "true or false", line: line) }
            autoRefresh = on
        default:
            throw .unknownKey(key, line: line)
        }
    }

    /// "90s", "60m", "2h", "1d", or a bare integer counted in `bareUnit` seconds.
    static func duration(_ value: TOMLValue, bareUnit: TimeInterval) -> TimeInterval? {
        switch value {
        case .integer(let n): return n > 0 ? TimeInterval(n) * bareUnit : nil
        case .string(let text):
            let t = text.trimmingCharacters(in: .whitespaces).lowercased()
            guard let unit = t.last, let amount = Double(t.dropLast().trimmingCharacters(in: .whitespaces)),
                  amount.isFinite, amount > 0 else {
                return Double(t).flatMap { $0 > 0 && $0.isFinite ? $0 * bareUnit : nil }
            }
            switch unit {
            case "s": return amount
            case "m": return amount * 60
            case "h": return amount * 3600
            case "d": return amount * 86_400
            default: return nil
            }
        default: return nil
        }
    }
}
