/// A headline list over a scope that may hold 100,000 rows: only a window of them is loaded.
public struct HeadlineListState: Hashable, Sendable {
    public var scope: ListScope
    public var title: String
    /// The loaded rows, contiguous in list order, starting at `windowStart`.
    public var window: [Headline]
    public var windowStart: Int
    /// Rows in the whole scope.
    public var total: Int
    /// Absolute index of the selected row.
    public var selected: Int
    /// Absolute index of the first visible row.
    public var top: Int
    /// Search results only: where the next page starts (nil when every match is loaded), and
    /// whether it has been asked for already.
    public var searchNext: SearchCursor?
    public var searchNextAsked = false
    /// Search results only: how many articles match, once counted.
    public var searchCount: SearchCount?

    public init(scope: ListScope, title: String, total: Int, window: [Headline] = [], windowStart: Int = 0,
                selected: Int = 0, top: Int = 0) {
        self.scope = scope; self.title = title; self.total = total; self.window = window
        self.windowStart = windowStart; self.selected = selected; self.top = top
    }

    /// The total a title shows: the rows, or for a search with pages still to come its count
    /// once known ("more than 10,000"), else the rows loaded so far and a "+".
    public var totalText: String {
        guard searchNext != nil else { return String(total) }
        return searchCount?.text ?? "\(total)+"
    }

    /// One past the last loaded absolute index.
    public var windowEnd: Int { windowStart + window.count }

    /// The row at an absolute index, when it is loaded.
    public func row(at index: Int) -> Headline? {
        let i = index - windowStart
        return window.indices.contains(i) ? window[i] : nil
    }

    public var selectedRow: Headline? { row(at: selected) }

    /// Absolute index of a loaded article.
    public func index(of id: ArticleID) -> Int? {
        window.firstIndex { $0.id == id }.map { $0 + windowStart }
    }

    /// Applies a change to a loaded row; nothing happens when it is not loaded.
    public mutating func update(_ id: ArticleID, _ change: (inout Headline) -> Void) {
        if let i = window.firstIndex(where: { $0.id == id }) { change(&window[i]) }
    }
}
