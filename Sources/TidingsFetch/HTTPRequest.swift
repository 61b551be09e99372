import Foundation

/// One conditional GET of a feed or a page.
public struct HTTPRequest: Sendable, Equatable {
    /// May carry `user:password@` (sent as Basic auth to that origin only, never shown).
    public var url: URL
    /// Validators exactly as the server last sent them; nil sends none (never invented).
    public var etag: String?
    public var lastModified: String?
    public var accept: String
    /// The whole request, redirects included, must finish within this many seconds.
    public var deadline: TimeInterval
    /// Cap on the body after decompression.
    public var maxBytes: Int

    public init(url: URL, etag: String? = nil, lastModified: String? = nil, accept: String = HTTPRequest.feedAccept,
                deadline: TimeInterval = 60, maxBytes: Int = 15 << 20) {
        self.url = url; self.etag = etag; self.lastModified = lastModified; self.accept = accept
        self.deadline = deadline; self.maxBytes = maxBytes
    }

    /// Feed types first, then the generic XML and HTML a misconfigured server may use, so that
    /// content negotiation picks a feed and autodiscovery still gets a page.
    public static let feedAccept = "application/rss+xml, application/atom+xml, application/feed+json, "
        + "application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, application/json;q=0.7, "
        + "text/html;q=0.5, */*;q=0.1"
    /// For an article page (the reader view).
    public static let pageAccept = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
}

/// Who Tidings says it is: a name a server operator can look up.
public enum UserAgent {
    public static let projectURL = "https://github.com/tidings-reader/tidings"
    public static func string(version: String) -> String { "Tidings/\(version) (+\(projectURL))" }
}
