import Foundation

/// What a response says about how soon to ask again.
public struct CacheHints: Sendable, Equatable {
    /// Seconds the response stays fresh (max-age minus Age, or Expires minus Date), nil when unsaid.
    public var freshFor: TimeInterval?

    public init(freshFor: TimeInterval? = nil) { self.freshFor = freshFor }

    /// Reads Cache-Control (max-age, no-cache, no-store), Age and Expires. `Expires` counts only
    /// without max-age (RFC 9111 §5.3), measured against the server's own Date when present.
    public init(headers: [String: String], now: Date) {
        let control = (headers["cache-control"] ?? "").lowercased()
        var maxAge: TimeInterval?
        var noCache = false
        for directive in control.split(separator: ",") {
            let parts = directive.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            switch parts.first {
            case "no-cache", "no-store": noCache = true
            case "max-age" where parts.count == 2:
                if let seconds = Double(parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))), seconds >= 0 {
                    maxAge = seconds
                }
            default: break
            }
        }
        if noCache { self.init(); return }
        if let maxAge {
            let age = headers["age"].flatMap { Double($0.trimmingCharacters(in: .whitespaces)) } ?? 0
            self.init(freshFor: max(0, maxAge - max(0, age)))
            return
        }
        if let expires = headers["expires"] {
            // An invalid Expires (often "0" or "-1") means already expired.
            guard let date = HTTPDate.parse(expires) else { self.init(freshFor: 0); return }
            let serverNow = headers["date"].flatMap(HTTPDate.parse) ?? now
            self.init(freshFor: max(0, date.timeIntervalSince(serverNow)))
            return
        }
        self.init()
    }

    /// Retry-After as seconds or an HTTP date, relative to now; nil when absent or unreadable.
    public static func retryAfter(_ value: String?, now: Date) -> TimeInterval? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Int(value) { return TimeInterval(max(0, seconds)) }
        return HTTPDate.parse(value).map { max(0, $0.timeIntervalSince(now)) }
    }
}
