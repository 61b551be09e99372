import TidingsCore

/// `t`: every tag with how many feeds carry it; the first line shows every feed again.
enum TagChooserView {
    static func render(_ state: AppState, selected: Int, into screen: inout Screen) {
        let feeds = state.feedList.feeds
        let lines = ["Every feed (\(feeds.count))"] + state.feedList.allTags.map { tag in
            let n = feeds.filter { $0.tags.contains(tag) }.count
            return "\(tag) (\(n) feed\(n == 1 ? "" : "s"))"
        }
        ListOverlayView.render(title: " Tags — Enter shows their feeds, Esc closes ", lines: lines, selected: selected, into: &screen)
    }
}
