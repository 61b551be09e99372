/// What one `apply` did to the articles of a feed.
public struct ImportReport: Hashable, Sendable {
    /// Items seen for the first time.
    public var inserted: Int
    /// Known items whose title, body, dates or links changed.
    public var updated: Int
    /// Known items that were left as they were.
    public var unchanged: Int
    /// New-looking items left out because retention (`cleanup`) already removed them once.
    public var skipped: Int

    public init(inserted: Int = 0, updated: Int = 0, unchanged: Int = 0, skipped: Int = 0) {
        self.inserted = inserted
        self.updated = updated
        self.unchanged = unchanged
        self.skipped = skipped
    }
}
