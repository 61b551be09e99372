import Foundation
import TidingsFetch

/// Why a sync could not do its work, as one line a user can act on. No case carries a password.
public enum SyncError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `[sync]` is missing or incomplete, or no password could be found.
    case notConfigured(String)
    /// The password command failed.
    case passwordCommand(String)
    /// The server could not be reached or the exchange broke.
    case network(FetchError)
    /// An HTTP status other than 200.
    case http(status: Int, url: String)
    /// The server refused the user name or password.
    case loginFailed(user: String)
    /// The account exists but its API access is off.
    case apiDisabled(user: String)
    /// The server speaks an API level this client does not know.
    case unsupportedAPI(String)
    /// The server answered with an error code.
    case server(op: String, error: String)
    /// The server answered something that is not its API.
    case badAnswer(op: String, why: String)

    public var description: String {
        switch self {
        case .notConfigured(let why): return "sync is not configured: \(why)"
        case .passwordCommand(let why): return "sync: password-command failed: \(why)"
        case .network(let error): return "sync: cannot reach the server: \(error)"
        case .http(let status, let url): return "sync: the server answered HTTP \(status) at \(url) (is url the tt-rss folder?)"
        case .loginFailed(let user): return "sync: the server refused the login of \(user) (wrong user or password)"
        case .apiDisabled(let user):
            return "sync: API access is off for \(user) on the server (tt-rss: Preferences → Enable API access)"
        case .unsupportedAPI(let what): return "sync: unsupported server: \(what)"
        case .server(let op, let error): return "sync: the server refused \(op): \(error)"
        case .badAnswer(let op, let why): return "sync: the server's answer to \(op) is not its API (\(why))"
        }
    }

    /// True when nothing could be done at all (exit status 1 rather than 2).
    public var isConnection: Bool {
        switch self {
        case .network, .http, .loginFailed, .apiDisabled, .unsupportedAPI, .notConfigured, .passwordCommand: return true
        case .server, .badAnswer: return false
        }
    }
}
