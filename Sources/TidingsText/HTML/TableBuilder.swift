/// Collects the rows and cells of the outermost table being read.
struct TableBuilder {
    var rows: [[[Span]]] = []
    var rowIsHeader: [Bool] = []
    var caption: [Span] = []
    var inHead = false
    var inCell = false
    var inCaption = false
    private var row: [[Span]] = []
    /// Per column: how many cells asked for right alignment, and how many for anything else.
    private var rightVotes: [Int: Int] = [:]
    private var otherVotes: [Int: Int] = [:]
    private var cellAlignsRight = false
    private var rowHasRow = false
    private var rowAllHeaders = true

    /// Limits that keep a hostile table from costing more than its text.
    static let maxColumns = 64

    mutating func startRow() {
        endRow()
        rowHasRow = true
    }

    mutating func startCell(header: Bool, alignsRight: Bool = false) {
        if !rowHasRow { startRow() }
        if !header { rowAllHeaders = false }
        inCell = true
        cellAlignsRight = alignsRight
    }

    mutating func endCell(_ spans: [Span]) {
        inCell = false
        if row.count < Self.maxColumns {
            if cellAlignsRight { rightVotes[row.count, default: 0] += 1 } else { otherVotes[row.count, default: 0] += 1 }
            row.append(spans)
        } else if !spans.isEmpty {
            // Extra columns are folded into the last one rather than lost.
            row[row.count - 1] += [Span(text: " ")] + spans
        }
    }

    mutating func endRow() {
        if rowHasRow && !row.isEmpty {
            rows.append(row)
            rowIsHeader.append(inHead || rowAllHeaders)
        }
        row = []
        rowHasRow = false
        rowAllHeaders = true
    }

    /// The finished block, or nil when the table had no cells with text.
    mutating func finish() -> Block? {
        endRow()
        guard rows.contains(where: { $0.contains(where: { !$0.isEmpty }) }) else { return nil }
        let headerRows = rowIsHeader.prefix(while: { $0 }).count
        // A column is right-aligned when most of its cells say so (Markdown tables mark every cell).
        let right = Set(rightVotes.filter { $0.value > otherVotes[$0.key, default: 0] }.map(\.key))
        return .table(rows: rows, headerRows: headerRows == rows.count ? 0 : headerRows, rightAligned: right)
    }
}
