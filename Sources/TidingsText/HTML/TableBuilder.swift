/// Collects the rows and cells of the outermost table being read.
struct TableBuilder {
    var rows: [[[Span]]] = []
    var rowIsHeader: [Bool] = []
    var caption: [Span] = []
    var inHead = false
    var inCell = false
    var inCaption = false
    private var row: [[Span]] = []
    private var rowHasRow = false
    private var rowAllHeaders = true

    /// Limits that keep a hostile table from costing more than its text.
    static let maxColumns = 64

    mutating func startRow() {
        endRow()
        rowHasRow = true
    }

    mutating func startCell(header: Bool) {
        if !rowHasRow { startRow() }
        if !header { rowAllHeaders = false }
        inCell = true
    }

    mutating func endCell(_ spans: [Span]) {
        inCell = false
        if row.count < Self.maxColumns {
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
        return .table(rows: rows, headerRows: headerRows == rows.count ? 0 : headerRows)
    }
}
