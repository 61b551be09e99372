internal import CNCursesW
import TidingsRender
import TidingsText

/// Copies a `Screen` to ncurses, rewriting only the rows that changed since the previous frame.
@MainActor
struct Blitter {
    private var previous: Screen?
    private var theme: Theme
    private let useColor: Bool
    private var pairs: [Role: Int32] = [:]
    private var attrs: [Role: attr_t] = [:]
    /// No UTF-8 locale: every non-ASCII cell is written as `?` (see `OutputCharset`).
    var asciiOnly = false

    init(theme: Theme, useColor: Bool) {
        self.theme = useColor ? theme : theme.withoutColor
        self.useColor = useColor
    }

    /// Allocates one color pair per role; falls back to attributes only on monochrome terminals.
    mutating func setUpColors() {
        let colored = useColor && has_colors()
        if colored {
            start_color()
            // -1 then means "the terminal's own color", so the default theme keeps the user's background.
            _ = use_default_colors()
        }
        let colors = colored ? Int(cn_colors()) : 0
        let maxPairs = colored ? Int(cn_color_pairs()) : 0
        for (n, role) in Role.allCases.enumerated() {
            let style = theme.style(role)
            var a = cn_attr_normal()
            if style.attributes.contains(.bold) { a |= cn_attr_bold() }
            if style.attributes.contains(.underline) { a |= cn_attr_underline() }
            if style.attributes.contains(.reverse) { a |= cn_attr_reverse() }
            if style.attributes.contains(.dim) { a |= cn_attr_dim() }
            if style.attributes.contains(.italic) { a |= cn_attr_italic() }
            attrs[role] = a
            let pair = Int32(n + 1)
            if colored && Int(pair) < maxPairs {
                let fg = style.foreground.paletteIndex(colors: colors)
                let bg = style.background.paletteIndex(colors: colors)
                if fg >= 0 || bg >= 0 {
                    init_pair(Int16(pair), Int16(fg), Int16(bg))
                    pairs[role] = pair
                }
            }
        }
    }

    mutating func invalidate() { previous = nil }

    mutating func draw(_ screen: Screen) {
        let fresh = previous == nil || previous?.width != screen.width || previous?.height != screen.height
        if fresh { erase() }
        for y in 0..<screen.height {
            if !fresh, let prev = previous, rowEqual(prev, screen, y) { continue }
            drawRow(screen, y)
        }
        cn_set_attr(cn_attr_normal(), 0)
        refresh()
        previous = screen
    }

    private func rowEqual(_ a: Screen, _ b: Screen, _ y: Int) -> Bool {
        for x in 0..<b.width where a[x, y] != b[x, y] { return false }
        return true
    }

    /// Writes a row cell by cell at explicit columns, so a width disagreement with the terminal
    /// can never shift the rest of the line.
    private func drawRow(_ screen: Screen, _ y: Int) {
        var currentRole: Role? = nil
        for x in 0..<screen.width {
            let cell = screen[x, y]
            if cell.isContinuation { continue }
            if cell.role != currentRole {
                cn_set_attr(attrs[cell.role] ?? cn_attr_normal(), pairs[cell.role] ?? 0)
                currentRole = cell.role
            }
            // A wide glyph's "??" also covers its continuation cell, so the row keeps its columns.
            let text = asciiOnly ? ASCIIFallback.text(cell.text) : cell.text
            var wide = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
            if wide.isEmpty { wide = [32] }
            wide.append(0)
            _ = cn_put(Int32(y), Int32(x), wide, Int32(wide.count - 1))
        }
    }
}
