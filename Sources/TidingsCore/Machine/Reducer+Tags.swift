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
        guard let selected = tagSelection, !tags.isEmpty else { tagSelection = nil; return [] }
        let command = keymap.command(for: key, in: .global)
        if let moved = movedChoice(selected, count: tags.count + 1, command: command) {
            tagSelection = moved
            return []
        }
        switch command {
        case .open?:
            tagSelection = nil
            return applyTagFilter(selected == 0 ? nil : tags[selected - 1])
        case .redraw?: return [.redraw]
        default:
            tagSelection = nil
            return []
        }
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
