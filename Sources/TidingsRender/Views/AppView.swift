import TidingsCore

/// Draws the whole screen from the state. Pure: the same state always gives the same cells.
public enum AppView {
    public static func render(_ state: AppState) -> Screen {
        var screen = Screen(size: state.size)
        render(state, into: &screen)
        return screen
    }

    public static func render(_ state: AppState, into screen: inout Screen) {
        let layout = state.layout
        screen.fill(Rect(x: 0, y: 0, width: screen.width, height: screen.height), role: .empty)
        TitleBarView.render(state, into: &screen, in: layout.titleBar)
        if !layout.list.isEmpty {
            if state.headlines != nil {
                HeadlineListView.render(state, into: &screen, in: layout.list)
            } else {
                FeedListView.render(state, into: &screen, in: layout.list)
            }
        }
        DividerView.render(layout, into: &screen)
        ReaderView.render(state, into: &screen, in: layout.reader)
        StatusBarView.render(state, into: &screen, in: layout.statusBar)
        if let selected = state.linkSelection, let links = state.reader?.document.links {
            LinkListOverlayView.render(links: links, selected: selected, into: &screen)
        }
        if let selected = state.tagSelection { TagChooserView.render(state, selected: selected, into: &screen) }
        if let scroll = state.helpScroll {
            HelpOverlayView.render(keymap: state.keymap, scroll: scroll, into: &screen)
        }
    }
}

/// The line between the panes.
enum DividerView {
    static func render(_ layout: ScreenLayout, into screen: inout Screen) {
        let d = layout.divider
        guard !d.isEmpty else { return }
        if layout.isSideBySide {
            for y in d.y..<(d.y + d.height) { screen.put("│", x: d.x, y: y, role: .divider) }
        } else {
            screen.put(String(repeating: "─", count: d.width), x: d.x, y: d.y, role: .divider)
        }
    }
}
