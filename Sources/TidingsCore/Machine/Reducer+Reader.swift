/// Scrolling and laying out the reader pane.
extension AppState {
    var maxReaderScroll: Int { max(0, (reader?.lines.count ?? 0) - readerViewport) }

    mutating func scrollReader(by delta: Int) -> [Effect] {
        guard let r = reader else { return [] }
        return scrollReader(to: r.scroll + delta)
    }

    mutating func scrollReader(to offset: Int) -> [Effect] {
        guard reader != nil else { return [] }
        let limit = maxReaderScroll
        reader?.scroll = min(max(0, offset), limit)
        return []
    }

    /// Lays the article out again when the text width changed (or always, with `force`).
    mutating func relayoutReader(force: Bool = false) {
        guard var r = reader else { return }
        let width = readerTextWidth
        if force || r.layoutWidth != width {
            // Keep the reading position proportionally when the width changes.
            let fraction = r.lines.isEmpty ? 0 : Double(r.scroll) / Double(max(1, r.lines.count))
            let showing = r.full.flatMap { $0.phase == .idle && $0.shown == .feedText ? nil : $0.label }
            r.lines = ReaderLayout.lines(headline: r.headline, article: r.article, document: r.document,
                                         width: width, timeZone: timeZone, showing: showing)
            if !r.highlights.isEmpty { r.lines = Highlighter.apply(r.highlights, to: r.lines) }
            r.scroll = force && r.layoutWidth == 0 ? 0 : Int(fraction * Double(r.lines.count))
            r.layoutWidth = width
        }
        r.scroll = min(max(0, r.scroll), max(0, r.lines.count - readerViewport))
        reader = r
    }
}
