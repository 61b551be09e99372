/// What reading a subscription list produced, plus everything that was left out and why.
public struct SubscriptionImport: Hashable, Sendable {
    /// The kind of file the content turned out to be.
    public enum Format: String, Hashable, Sendable, Codable {
        case opml1, opml2, newsboatURLs
    }

    /// The detected format.
    public var format: Format
    /// Subscriptions in file order, without duplicates.
    public var subscriptions: [Subscription]
    /// Where each subscription was found, in the order of `subscriptions`.
    public var locations: [ImportLocation] = []
    /// Saved searches (newsboat `query:` lines) in file order.
    public var queries: [SavedQuery]
    /// Where each saved search was found, in the order of `queries`.
    public var queryLocations: [ImportLocation] = []
    /// Entries that were understood but not taken, such as a second line with the same URL.
    public var skipped: [ImportNote]
    /// Entries that could not be read, with the text and why.
    public var notUnderstood: [ImportNote]

    /// Creates an import result.
    public init(format: Format, subscriptions: [Subscription] = [], queries: [SavedQuery] = [],
                skipped: [ImportNote] = [], notUnderstood: [ImportNote] = []) {
        self.format = format
        self.subscriptions = subscriptions
        self.queries = queries
        self.skipped = skipped
        self.notUnderstood = notUnderstood
    }
}

/// Where in the imported file something was found.
public enum ImportLocation: Hashable, Sendable, CustomStringConvertible {
    /// A 1-based line of a urls file.
    case line(Int)
    /// An OPML outline as 1-based positions from `<body>`, such as `[2, 5]` for the fifth outline in the second.
    case outline([Int])

    public var description: String {
        switch self {
        case .line(let n): return "line \(n)"
        case .outline(let path): return "outline " + path.map(String.init).joined(separator: ".")
        }
    }
}

/// One entry of an import report: where, what was there, and why it was not taken.
public struct ImportNote: Hashable, Sendable, CustomStringConvertible {
    /// Where the entry is.
    public var location: ImportLocation
    /// The line, or the outline's feed URL or title, shortened for display.
    public var text: String
    /// Why it was skipped or not understood.
    public var reason: String

    /// Creates a note; long text is shortened so a hostile file cannot flood a report.
    public init(location: ImportLocation, text: String, reason: String) {
        self.location = location
        self.text = text.count > 200 ? String(text.prefix(199)) + "…" : text
        self.reason = reason
    }

    public var description: String { "\(location): \(reason): \(text)" }
}
