/// Lays a table out in columns fitted to the pane, wrapping cell text inside its column.
/// When the columns cannot get three cells' worth of room each, rows are stacked instead:
/// one "header: value" paragraph per cell, rows separated by a rule.
struct TableLayout {
    let width: Int
    let base: LineRole
    var rightAligned: Set<Int> = []

    private static let separator = " │ "
    private static let minColumn = 3

    func layout(rows: [[[Span]]], headerRows: Int) -> [StyledLine] {
        let columns = rows.map(\.count).max() ?? 0
        guard columns > 0 else { return [] }
        let available = width - 3 * (columns - 1)
        if available < columns * Self.minColumn { return stacked(rows: rows, headerRows: headerRows, columns: columns) }
        let widths = fit(natural: naturalWidths(rows, columns: columns), into: available)

        var out: [StyledLine] = []
        let bodyCells = rows.dropFirst(headerRows).map { row in wrapRow(row, widths: widths, base: base) }
        let ruleBetweenRows = bodyCells.contains { $0.map(\.count).max() ?? 0 > 1 }
        for (r, row) in rows.prefix(headerRows).enumerated() {
            _ = r
            out += join(wrapRow(row, widths: widths, base: .tableHeader), widths: widths)
        }
        if headerRows > 0 { out.append(border(widths)) }
        for (r, cells) in bodyCells.enumerated() {
            if r > 0 && ruleBetweenRows { out.append(border(widths)) }
            out += join(cells, widths: widths)
        }
        return out
    }

    /// Columns shrink from the widest down (water-filling) until the table fits.
    private func fit(natural: [Int], into available: Int) -> [Int] {
        if natural.reduce(0, +) <= available { return natural }
        var lo = 1, hi = natural.max() ?? 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if natural.reduce(0, { $0 + min($1, mid) }) <= available { lo = mid } else { hi = mid - 1 }
        }
        var widths = natural.map { min($0, lo) }
        var spare = available - widths.reduce(0, +)
        for i in widths.indices where spare > 0 && natural[i] > widths[i] {
            widths[i] += 1
            spare -= 1
        }
        return widths
    }

    private func naturalWidths(_ rows: [[[Span]]], columns: Int) -> [Int] {
        var widths = Array(repeating: 1, count: columns)
        for row in rows {
            for (c, cell) in row.enumerated() {
                var lineWidth = 0
                for span in cell {
                    if span.text == "\n" {
                        widths[c] = max(widths[c], lineWidth)
                        lineWidth = 0
                    } else {
                        lineWidth += TextWidth.of(span.text)
                    }
                }
                widths[c] = max(widths[c], lineWidth)
            }
        }
        return widths
    }

    private func wrapRow(_ row: [[Span]], widths: [Int], base: LineRole) -> [[[StyledRun]]] {
        widths.indices.map { c in
            c < row.count ? LineWrapper.wrap(row[c], width: widths[c], base: base) : []
        }
    }

    private func join(_ cells: [[[StyledRun]]], widths: [Int]) -> [StyledLine] {
        let height = max(1, cells.map(\.count).max() ?? 1)
        var lines: [StyledLine] = []
        for i in 0..<height {
            var runs: [StyledRun] = []
            var padding = 0
            for (c, cell) in cells.enumerated() {
                if c > 0 {
                    if padding > 0 { runs.append(StyledRun(text: String(repeating: " ", count: padding), role: base)) }
                    runs.append(StyledRun(text: Self.separator, role: .tableBorder))
                }
                let cellRuns = i < cell.count ? cell[i] : []
                let slack = widths[c] - cellRuns.reduce(0) { $0 + TextWidth.of($1.text) }
                if rightAligned.contains(c), slack > 0, !cellRuns.isEmpty {
                    runs.append(StyledRun(text: String(repeating: " ", count: slack), role: base))
                    padding = 0
                } else {
                    padding = slack
                }
                runs += cellRuns
            }
            // Empty trailing cells would leave separators and padding dangling at the line's end.
            while let last = runs.last, last.text.allSatisfy({ $0 == " " }) || (last.role == .tableBorder && last.text == Self.separator) {
                runs.removeLast()
            }
            if let last = runs.last, last.text.hasSuffix(" ") {
                runs[runs.count - 1].text = String(last.text.reversed().drop(while: { $0 == " " }).reversed())
            }
            lines.append(StyledLine(runs: runs))
        }
        return lines
    }

    private func border(_ widths: [Int]) -> StyledLine {
        let text = widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─")
        return StyledLine(runs: [StyledRun(text: text, role: .tableBorder)])
    }

    private func stacked(rows: [[[Span]]], headerRows: Int, columns: Int) -> [StyledLine] {
        let labels: [[Span]] = headerRows > 0 ? rows[headerRows - 1] : []
        let body = headerRows > 0 && headerRows < rows.count ? Array(rows.dropFirst(headerRows)) : rows
        var out: [StyledLine] = []
        for (r, row) in body.enumerated() {
            if r > 0 {
                out.append(StyledLine(runs: [StyledRun(text: String(repeating: "─", count: width), role: .tableBorder)]))
            }
            for (c, cell) in row.enumerated() where !cell.isEmpty {
                var wrapper = LineWrapper(width: width)
                if c < labels.count, !labels[c].isEmpty, body.count < rows.count {
                    for span in labels[c] where span.text != "\n" { wrapper.add(span.text, role: .tableHeader) }
                    wrapper.add(": ", role: .tableHeader)
                }
                for span in cell { wrapper.add(span.text, role: base.applying(span.style)) }
                out += wrapper.finish().map { StyledLine(runs: $0) }
            }
        }
        return out
    }
}
