import Foundation

/// `[sync]`: the user's own feed server. The password is never in the file: it comes from
/// `password-command` (its first output line) or the environment variable `TIDINGS_SYNC_PASSWORD`.
public struct SyncConfig: Hashable, Sendable {
    /// `service`: which API the server speaks. Only "ttrss" so far.
    public var service: String
    /// `url`: the server's base URL (tt-rss: the folder holding `api/`).
    public var url: String
    public var user: String
    /// `password-command`: run through `/bin/sh -c`, first line of its output.
    public var passwordCommand: String?
    /// `interval`: how often the reader syncs by itself (at least 5 minutes).
    public var interval: TimeInterval = 1800

    public init(service: String = "ttrss", url: String, user: String, passwordCommand: String? = nil, interval: TimeInterval = 1800) {
        self.service = service; self.url = url; self.user = user; self.passwordCommand = passwordCommand; self.interval = interval
    }

    public static let services: Set<String> = ["ttrss"]

    /// Parses the `[sync]` table; nil when the table is absent.
    static func read(_ fields: [String: TOMLValue], lines: (String) -> Int) throws(ConfigError) -> SyncConfig {
        var service = "ttrss", url: String?, user: String?, command: String?, interval: TimeInterval = 1800
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            let line = lines(key)
            switch key {
            case "service":
                guard case .string(let s) = value, services.contains(s) else {
                    throw .badValue(key: key, expected: "\"ttrss\" (the services Tidings can sync with)", line: line)
                }
                service = s
            case "url":
                guard case .string(let s) = value, let parsed = URL(string: s), let scheme = parsed.scheme?.lowercased(),
                      scheme == "http" || scheme == "https", parsed.host != nil else {
                    throw .badValue(key: key, expected: "the server's http(s) URL in quotes", line: line)
                }
                url = s
            case "user":
                guard case .string(let s) = value, !s.isEmpty else { throw .badValue(key: key, expected: "a user name in quotes", line: line) }
                user = s
            case "password-command":
                guard case .string(let s) = value, !s.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw .badValue(key: key, expected: "a command in quotes, e.g. \"pass show ttrss\"", line: line)
                }
                command = s
            case "password":
                throw .badValue(key: key, expected: "left out: use password-command or TIDINGS_SYNC_PASSWORD", line: line)
            case "interval":
                guard let seconds = FetchConfig.duration(value, bareUnit: 60), seconds >= 300, seconds <= 7 * 86_400 else {
                    throw .badValue(key: key, expected: "a duration from 5m to 7d, e.g. \"30m\" (a bare number is minutes)", line: line)
                }
                interval = seconds
            default:
                throw .unknownKey("sync.\(key)", line: line)
            }
        }
        guard let url else { throw .badValue(key: "url", expected: "set in [sync] (the server's URL)", line: lines("")) }
        guard let user else { throw .badValue(key: "user", expected: "set in [sync] (your user on the server)", line: lines("")) }
        return SyncConfig(service: service, url: url, user: user, passwordCommand: command, interval: interval)
    }
}
