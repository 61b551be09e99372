import Foundation

/// Why a request produced no usable response. Every case reads as one line a user can act on,
/// and none of them ever carries credentials (URLs in them are censored).
public enum FetchError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The whole request took longer than the deadline Tidings enforces itself.
    case timedOut(seconds: Int)
    /// Nothing came back (not even headers) within the connect/idle timeout.
    case noAnswer(host: String, seconds: Int)
    /// The host name does not resolve.
    case dns(host: String)
    /// Nothing accepted the connection.
    case connect(host: String, reason: String)
    /// The TLS handshake or certificate check failed.
    case tls(host: String, reason: String)
    /// The body is larger than the cap (after decompression), or its Content-Length says it would be.
    case tooLarge(limit: Int)
    /// More redirects than the limit, or a loop.
    case tooManyRedirects(limit: Int)
    /// A redirect to something other than http or https.
    case redirectScheme(String)
    /// A redirect without a usable Location header.
    case badRedirect(status: Int)
    /// A public address redirected to a loopback, private or link-local one.
    case redirectToPrivate(host: String)
    /// The connection broke or the body was cut short.
    case transfer(String)
    /// Stopped because the user quit or a newer request replaced this one.
    case cancelled
    /// A URL Tidings cannot request.
    case invalidURL(String)

    public var description: String {
        switch self {
        case .timedOut(let s): return "timeout: no complete answer within \(s) s (fetch-timeout in the config)"
        case .noAnswer(let host, let s): return "timeout: \(host) sent no answer within \(s) s of connecting"
        case .dns(let host): return "DNS: the host name \(host) does not resolve; check the URL and your connection"
        case .connect(let host, let reason): return "connect: cannot connect to \(host) (\(reason))"
        case .tls(let host, let reason): return "TLS: secure connection to \(host) failed (\(reason))"
        case .tooLarge(let limit): return "size limit: the response is larger than \(Self.size(limit)); it was not read"
        case .tooManyRedirects(let limit): return "redirect: more than \(limit) redirects (a loop?)"
        case .redirectScheme(let scheme): return "redirect: refused a redirect to a \(scheme): URL (only http and https are followed)"
        case .badRedirect(let status): return "redirect: HTTP \(status) without a usable Location header"
        case .redirectToPrivate(let host): return "redirect: refused a redirect from a public address to the private address \(host)"
        case .transfer(let why): return "transfer: \(why)"
        case .cancelled: return "cancelled"
        case .invalidURL(let url): return "not a URL Tidings can fetch: \(url)"
        }
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : (bytes >= 1 << 10 ? "\(bytes >> 10) KiB" : "\(bytes) bytes")
    }
}
