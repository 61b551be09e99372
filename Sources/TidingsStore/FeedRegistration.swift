/// A subscription to write: what `registerFeed` takes, as a value so an import can pass many.
public struct FeedRegistration: Hashable, Sendable {
    public var source: String
    public var title: String?
    public var tags: [String]
    public var hidden: Bool
    /// Nil infers the kind from the source (URL, `exec:`, file or folder).
    public var kind: FeedKind?
    public var filter: String?

    public init(source: String, title: String? = nil, tags: [String] = [], hidden: Bool = false,
                kind: FeedKind? = nil, filter: String? = nil) {
        self.source = source; self.title = title; self.tags = tags; self.hidden = hidden; self.kind = kind; self.filter = filter
    }
}
