import TidingsCore
import TidingsText

/// A grid of cells that views draw into; the terminal layer only copies its differences out.
public struct Screen: Hashable, Sendable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width); self.height = max(0, height)
        cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    public init(size: Size) { self.init(width: size.width, height: size.height) }

    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < width, y < height else { return Cell() }
        return cells[y * width + x]
    }

    /// Fills a rectangle with blanks of a role.
    public mutating func fill(_ rect: Rect, role: Role, with text: String = " ") {
        let x0 = max(0, rect.x), y0 = max(0, rect.y)
        let x1 = min(width, rect.x + rect.width), y1 = min(height, rect.y + rect.height)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 { for x in x0..<x1 { setCell(x, y, Cell(text, role: role)) } }
    }

    /// The one write path for text: drops control characters, escape sequences and bidi overrides,
    /// measures each grapheme, never splits a wide glyph at the edge. Returns the columns written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: Role, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        var col = x
        for c in TerminalSafe.sanitize(text) {
            let w = TextWidth.of(c)
            if w == 0 {
                // A lone combining mark joins the cell before it; with nothing before, it is dropped.
                if col > x, col - 1 >= 0, col - 1 < width {
                    var prev = col - 1
                    if self[prev, y].isContinuation && prev > 0 { prev -= 1 }
                    var cell = self[prev, y]
                    cell.text += String(c)
                    cells[y * width + prev] = cell
                }
                continue
            }
            if col + w > limit { break }
            if col >= 0 {
                setCell(col, y, Cell(String(c), role: role))
                if w == 2 { setCell(col + 1, y, Cell("", role: role)) }
            }
            col += w
        }
        return max(0, col - x)
    }

    /// Writes one cell, repairing any wide glyph it cuts in half.
    private mutating func setCell(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let i = y * width + x
        // Over the right half of a wide glyph: its left half can no longer show.
        if !cell.isContinuation && cells[i].isContinuation && x > 0 { cells[i - 1] = Cell(" ", role: cells[i - 1].role) }
        // Over the left half of a wide glyph: its right half becomes a blank.
        if !cells[i].isContinuation && x + 1 < width && cells[i + 1].isContinuation {
            cells[i + 1] = Cell(" ", role: cells[i + 1].role)
        }
        cells[i] = cell
    }

    /// The rows as plain text, for snapshots and tests (continuation cells omitted).
    public var rows: [String] {
        (0..<height).map { y in
            (0..<width).map { self[$0, y].text }.joined()
        }
    }

    /// Each row as runs of roles: `y: role×n role×m`, for snapshots that check styling without colors.
    public var roleDump: [String] {
        (0..<height).map { y in
            var parts: [String] = []
            var current: Role? = nil
            var count = 0
            for x in 0..<width {
                let role = self[x, y].role
                if role == current { count += 1; continue }
                if let current { parts.append("\(current.rawValue)×\(count)") }
                current = role; count = 1
            }
            if let current { parts.append("\(current.rawValue)×\(count)") }
            return String(format: "%02d ", y) + parts.joined(separator: " ")
        }
    }
}
