import TidingsCore

/// The open article's links, numbered as its footnotes; the selected one is highlighted.
enum LinkListOverlayView {
    static func render(links: [String], selected: Int, into screen: inout Screen) {
        ListOverlayView.render(title: " Links — Enter opens, Esc closes ",
                               lines: links.enumerated().map { "[\($0.offset + 1)] \($0.element)" }, selected: selected, into: &screen)
    }
}
