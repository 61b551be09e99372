import Foundation
import TidingsCore

/// `user:password@` in a feed URL: sent as Basic auth to the URL's own origin and nowhere else,
/// and never shown (the UI, logs, errors and `tidings feeds` print the censored form).
public struct URLCredentials: Sendable, Equatable {
    public var user: String
    public var password: String
    /// scheme://host:port the credentials belong to.
    public var origin: String

    /// Splits a URL into the credentials it carries and the same URL without them.
    public static func split(_ url: URL) -> (URL, URLCredentials?) {
        guard var parts = URLComponents(url: url, resolvingAgainstBaseURL: false),
              parts.user != nil || parts.password != nil else { return (url, nil) }
        let credentials = URLCredentials(user: parts.user ?? "", password: parts.password ?? "", origin: origin(of: url))
        parts.user = nil
        parts.password = nil
        return (parts.url ?? url, credentials)
    }

    public var authorization: String {
        "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }

    public static func origin(of url: URL) -> String {
        let scheme = url.scheme?.lowercased() ?? ""
        let port = url.port ?? (scheme == "https" ? 443 : 80)
        return "\(scheme)://\(url.host?.lowercased() ?? ""):\(port)"
    }

    /// A URL string fit to show: any userinfo becomes `***`. Works on text that is not a valid URL too.
    public static func censor(_ text: String) -> String { Userinfo.censor(text) }
}
