/// `t` and `^T`: the feed list narrowed to one tag, as in newsboat.
extension AppState {
    mutating func openTagChooser() -> [Effect] {
        let tags = feedList.allTags
        guard !tags.isEmpty else {
            message = StatusMessage("No feed has a tag yet: give them with tidings add --tag, or in a urls or OPML file.")
            return []
        }
        tagSelection = feedList.tagFilter.flatMap { tags.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
        return []
    }

    /// Keys while the tag chooser is open: move, Enter picks, anything else closes.
    mutating func handleTagListKey(_ key: Key) -> [Effect] {
        let tags = feedList.allTags
        guard var selected = tagSelection, !tags.isEmpty else { tagSelection = nil; return [] }
        let count = tags.count + 1
        switch keymap.command(for: key, in: .global) {
        case .down?: selected += 1
        case .up?: selected -= 1
        case .pageDown?: selected += max(1, size.height - 4)
        case .pageUp?: selected -= max(1, size.height - 4)
        case .top?: selected = 0
        case .bottom?: selected = count - 1
        case .open?:
            tagSelection = nil
            return applyTagFilter(selected == 0 ? nil : tags[selected - 1])
        case .redraw?: return [.redraw]
        default:
            tagSelection = nil
            return []
        }
        tagSelection = min(max(0, selected), count - 1)
        return []
    }

    /// Shows the feed list narrowed to `tag` (nil: every feed), leaving any open feed or article.
    mutating func applyTagFilter(_ tag: String?) -> [Effect] {
        let selectedScope = feedList.rows.indices.contains(feedList.selected) ? feedList.rows[feedList.selected].scope : nil
        feedList.tagFilter = tag
        if headlines != nil {
            headlines = nil
            reader = nil
            zoomed = false
            focus = .list
        }
        feedList.selected = selectedScope.flatMap { feedList.rowIndex(of: $0) } ?? feedList.firstFeedRow
        clampList()
        let shown = feedList.visibleFeeds.count
        message = StatusMessage(tag.map { "Feeds tagged \($0): \(shown)" } ?? "Every feed is shown.")
        return []
    }
}
