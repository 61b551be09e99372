/// Tells tables of data (kept whole) from tables used for layout (cleaned like any container).
enum DataTables {
    static func mark(in root: Node) {
        for table in root.descendants(named: ["table"]) { table.isDataTable = isData(table) }
    }

    static func isData(_ table: Node) -> Bool {
        if table.attribute("role") == "presentation" { return false }
        if table.attribute("datatable") == "0" { return false }
        if table.attribute("summary") != nil { return true }
        if let caption = table.first(named: "caption"), !caption.children.isEmpty { return true }
        let all = table.descendants()
        if all.contains(where: { ["col", "colgroup", "tfoot", "thead", "th"].contains($0.name) }) { return true }
        if all.contains(where: { $0.name == "table" }) { return false }
        let (rows, columns) = size(all)
        if rows == 1 || columns == 1 { return false }
        if rows >= 10 || columns > 4 { return true }
        return rows * columns > 10
    }

    /// Rows (counting `rowspan`) and the widest row's columns (counting `colspan`).
    static func size(_ nodes: [Node]) -> (rows: Int, columns: Int) {
        var rows = 0, columns = 0
        for tr in nodes where tr.name == "tr" {
            rows += span(tr.attribute("rowspan"))
            var cols = 0
            for cell in tr.elementChildren where cell.name == "td" || cell.name == "th" {
                cols += span(cell.attribute("colspan"))
            }
            columns = max(columns, cols)
        }
        return (rows, columns)
    }

    private static func span(_ raw: String?) -> Int {
        guard let raw, let n = Int(raw.trimmingSpaces), n > 0 else { return 1 }
        return min(n, 1000)
    }
}
