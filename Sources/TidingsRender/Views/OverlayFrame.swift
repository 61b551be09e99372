import TidingsCore
import TidingsText

/// The box every overlay (help, link list, tag chooser) draws: centred, filled, framed, titled.
enum OverlayFrame {
    /// Draws a `width`×`height` box centred on the screen and returns it; the caller fills the inside.
    static func draw(width: Int, height: Int, title: String, into screen: inout Screen) -> Rect {
        let x0 = (screen.width - width) / 2, y0 = (screen.height - height) / 2
        let box = Rect(x: x0, y: y0, width: width, height: height)
        screen.fill(box, role: .helpText)
        let inner = width - 2
        screen.put("┌" + String(repeating: "─", count: inner) + "┐", x: x0, y: y0, role: .helpBorder)
        screen.put("└" + String(repeating: "─", count: inner) + "┘", x: x0, y: y0 + height - 1, role: .helpBorder)
        for y in (y0 + 1)..<(y0 + height - 1) {
            screen.put("│", x: x0, y: y, role: .helpBorder)
            screen.put("│", x: x0 + width - 1, y: y, role: .helpBorder)
        }
        screen.put(TerminalSafe.truncate(title, toWidth: inner), x: x0 + max(1, (width - TextWidth.of(title)) / 2), y: y0,
                   role: .helpTitle, maxWidth: inner)
        return box
    }
}
