/// The newest headlines of the feed selected in the feed list, shown in the reader pane so the
/// first screen already has something to read.
public struct FeedPreview: Hashable, Sendable {
    public var scope: ListScope
    /// Newest first; empty until `.previewLoaded` arrives.
    public var rows: [Headline]
    /// Rows asked for: a taller pane asks again.
    public var limit: Int
    /// False until the first page for this scope arrived.
    public var isLoaded: Bool
    /// False once the preview was out of sight: the rows may have changed meanwhile (read there).
    public var isCurrent = true

    public init(scope: ListScope, rows: [Headline] = [], limit: Int, isLoaded: Bool = false) {
        self.scope = scope; self.rows = rows; self.limit = limit; self.isLoaded = isLoaded
    }
}

extension AppState {
    /// Rows of headlines the preview has room for under its two header lines.
    var previewLimit: Int { max(1, readerViewport - 3) }

    /// The feed-list row whose preview the reader pane should show, if any.
    public var previewScope: ListScope? {
        guard headlines == nil, reader == nil, !layout.reader.isEmpty,
              feedList.rows.indices.contains(feedList.selected) else { return nil }
        let scope = feedList.rows[feedList.selected].scope
        return scope.isPaged ? scope : nil
    }

    /// Asks for the preview when the selection, the pane height or (after `.cacheChanged`) the cache moved on.
    mutating func previewEffects(after action: Action) -> [Effect] {
        guard let scope = previewScope else {
            preview?.isCurrent = false
            return []
        }
        let limit = previewLimit
        var stale = false
        if case .cacheChanged = action { stale = true }
        if let current = preview, current.scope == scope, current.limit >= limit, current.isCurrent, !stale { return [] }
        let kept = preview?.scope == scope ? preview : nil
        preview = FeedPreview(scope: scope, rows: kept?.rows ?? [], limit: limit, isLoaded: kept?.isLoaded ?? false)
        return [.loadPreview(scope, limit: limit)]
    }

    /// Takes a preview page if it is still the one wanted.
    mutating func previewLoaded(_ page: HeadlinePage) {
        guard var current = preview, current.scope == page.scope else { return }
        current.rows = page.rows
        current.isLoaded = true
        preview = current
    }
}
