import TidingsCore
import TidingsText

/// The article pane: the laid-out lines from the scroll offset, with a left margin.
enum ReaderView {
    static func render(_ state: AppState, into screen: inout Screen, in rect: Rect) {
        guard !rect.isEmpty else { return }
        guard let reader = state.reader else {
            if FeedPreviewView.render(state, into: &screen, in: rect) { return }
            let hint: String
            if state.feedList.feeds.isEmpty && !state.isLoading {
                hint = "No feeds yet. Subscribe from a shell with `tidings add URL|FILE|FOLDER` or `tidings import urls|feeds.opml`, then `tidings refresh`."
            } else if let h = state.headlines {
                hint = h.total == 0 ? "" : "Press Enter to read the selected article."
            } else {
                hint = "Choose a feed with Enter, or press n for the next unread article."
            }
            for (i, line) in ReaderLayout.wrap(hint, width: max(1, rect.width - 2)).enumerated() where i < rect.height {
                screen.put(line, x: rect.x + (rect.width > 2 ? 1 : 0), y: rect.y + i, role: .readerPlaceholder, maxWidth: rect.width)
            }
            return
        }
        let textWidth = state.readerTextWidth
        let margin = rect.width > textWidth ? min(2, (rect.width - textWidth + 1) / 2) : 0
        for i in 0..<rect.height {
            let index = reader.scroll + i
            guard reader.lines.indices.contains(index) else { break }
            var x = rect.x + margin
            let right = rect.x + rect.width
            for run in reader.lines[index].runs {
                guard x < right else { break }
                x += screen.put(run.text, x: x, y: rect.y + i, role: role(for: run.role), maxWidth: right - x)
            }
        }
    }

    /// Maps the text layer's semantic line roles onto theme roles.
    static func role(for role: LineRole) -> Role {
        switch role {
        case .title: return .readerTitle
        case .metaLabel: return .readerMetaLabel
        case .metaValue: return .readerMeta
        case .body: return .readerText
        case .strong: return .readerStrong
        case .emphasis: return .readerEmphasis
        case .strongEmphasis: return .readerStrong
        case .code: return .readerCode
        case .link: return .readerLink
        case .heading: return .readerHeading
        case .quote: return .readerQuote
        case .quoteMarker: return .readerQuoteMarker
        case .listMarker: return .readerListMarker
        case .codeBlock: return .readerCodeBlock
        case .tableBorder: return .readerTableBorder
        case .tableHeader: return .readerTableHeader
        case .rule: return .readerRule
        case .image: return .readerImage
        case .caption: return .readerCaption
        case .footnoteHeading: return .readerHeading
        case .footnote: return .readerFootnote
        case .highlight: return .readerHighlight
        case .strike: return .readerStrike
        case .footnoteMark: return .readerFootnoteMark
        }
    }
}
