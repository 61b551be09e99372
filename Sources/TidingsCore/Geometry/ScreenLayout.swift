/// How the list and reader panes share the screen.
public enum LayoutPreference: Hashable, Sendable {
    /// Side by side from `sideBySideMinWidth` columns, stacked below.
    case automatic
    case sideBySide
    case stacked
}

/// Where every part of the screen goes at a given size; computed, never stored.
public struct ScreenLayout: Hashable, Sendable {
    /// Columns from which the automatic layout puts the panes side by side.
    public static let sideBySideMinWidth = 120

    public var titleBar: Rect
    public var list: Rect
    public var reader: Rect
    /// The line between the panes: a column when side by side, a row when stacked.
    public var divider: Rect
    public var isSideBySide: Bool
    public var statusBar: Rect

    /// Splits `size` for the given preference; `zoomed` gives the reader everything but the bars.
    public init(size: Size, preference: LayoutPreference, zoomed: Bool) {
        let w = size.width, h = size.height
        titleBar = Rect(x: 0, y: 0, width: w, height: h >= 3 ? 1 : 0)
        statusBar = Rect(x: 0, y: max(0, h - 1), width: w, height: h >= 2 ? 1 : 0)
        let bodyTop = titleBar.height
        let bodyHeight = max(0, h - titleBar.height - statusBar.height)
        let body = Rect(x: 0, y: bodyTop, width: w, height: bodyHeight)
        switch preference {
        case .automatic: isSideBySide = w >= ScreenLayout.sideBySideMinWidth
        case .sideBySide: isSideBySide = true
        case .stacked: isSideBySide = false
        }
        if zoomed {
            list = .zero; divider = .zero; reader = body
            return
        }
        if isSideBySide {
            // The list gets about two fifths, enough for a date and a title, the reader the rest.
            let listWidth = min(max(w * 2 / 5, min(w, 20)), max(0, w - 2))
            list = Rect(x: 0, y: bodyTop, width: listWidth, height: bodyHeight)
            divider = Rect(x: listWidth, y: bodyTop, width: w > listWidth ? 1 : 0, height: bodyHeight)
            reader = Rect(x: listWidth + 1, y: bodyTop, width: w - listWidth - 1, height: bodyHeight)
        } else {
            // Stacked: about two fifths of the rows for the list, a divider row, then the reader.
            let listHeight = bodyHeight >= 3 ? max(1, bodyHeight * 2 / 5) : bodyHeight
            list = Rect(x: 0, y: bodyTop, width: w, height: listHeight)
            let rest = bodyHeight - listHeight
            divider = Rect(x: 0, y: bodyTop + listHeight, width: w, height: rest > 1 ? 1 : 0)
            reader = Rect(x: 0, y: bodyTop + listHeight + divider.height, width: w, height: rest - divider.height)
        }
    }
}
