/// Where the next page of a search starts. A search is read a page at a time, each page asking
/// only for the rows after the last one shown (keyset paging), so the first page costs the same
/// whether a query matches ten articles or a million.
public enum SearchCursor: Hashable, Sendable {
    /// Best match first: after this row, in the order (rank, then newest). `windowStart` is the
    /// lowest article id the ranking covers (nil: every match); it stays the same for every
    /// page of one search, so pages never overlap or skip.
    case ranked(rank: Double, sortDate: Int64, id: ArticleID, windowStart: Int64?)
    /// The matches older than the ranked window, most recently added first: after this id.
    case older(id: ArticleID)
    /// Newest first (queries of filters only, and very short prefixes): after this row.
    case dated(HeadlineCursor)
}

/// One page of search results and where the next one starts (nil when there is no more).
public struct SearchPage: Hashable, Sendable {
    public var rows: [Headline]
    public var next: SearchCursor?
    public init(rows: [Headline], next: SearchCursor?) { self.rows = rows; self.next = next }
}

/// How many articles a search matches, counted up to a limit: past it only "more than" is known.
public struct SearchCount: Hashable, Sendable {
    public var total: Int
    /// False when `total` is a lower bound ("more than 10,000").
    public var isExact: Bool
    public init(total: Int, isExact: Bool) { self.total = total; self.isExact = isExact }

    /// "42" or "more than 10,000".
    public var text: String {
        var digits = String(total)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return (isExact ? "" : "more than ") + digits + grouped
    }
}
