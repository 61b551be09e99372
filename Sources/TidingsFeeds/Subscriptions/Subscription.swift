/// One subscription as users write them in OPML or newsboat's urls file.
public struct Subscription: Hashable, Sendable, Codable {
    /// An http(s) URL, a local path, or `exec:COMMAND`; for a newsboat `filter:SCRIPT:URL` line, the URL.
    public var source: String
    /// `"~Title"` in a urls file, the `title`/`text` attribute in OPML.
    public var title: String?
    /// urls tags; the titles of enclosing OPML folders, outermost first, then its `category` parts.
    public var tags: [String]
    /// newsboat's `!` marker: kept and refreshed, but not listed.
    public var hidden: Bool
    /// The script of a newsboat `filter:SCRIPT:URL` line: it rewrites the downloaded feed.
    public var filter: String?
    /// The OPML `htmlUrl`: the site the feed belongs to.
    public var siteLink: String?

    /// Creates a subscription; only the source is required.
    public init(source: String, title: String? = nil, tags: [String] = [], hidden: Bool = false,
                filter: String? = nil, siteLink: String? = nil) {
        self.source = source
        self.title = title
        self.tags = tags
        self.hidden = hidden
        self.filter = filter
        self.siteLink = siteLink
    }
}

/// A saved search, from a newsboat `query:Name:expression` line.
public struct SavedQuery: Hashable, Sendable, Codable {
    /// What the virtual feed is called.
    public var name: String
    /// The expression, kept verbatim (newsboat's filter language).
    public var query: String

    /// Creates a saved query.
    public init(name: String, query: String) {
        self.name = name
        self.query = query
    }
}
