/// Lays blocks out into lines for one pane width. Nesting (quotes, lists, indents) is drawn with
/// prefixes; once a prefix would leave less than `minContent` columns, nesting stops indenting so
/// deep or narrow content stays readable instead of shrinking to nothing.
struct BlockLayout {
    let paneWidth: Int
    var minContent: Int { max(1, min(20, paneWidth / 2)) }

    static let bullets = ["•", "◦", "▪"]

    func layout(_ blocks: [Block], width: Int, base: LineRole = .body, listDepth: Int = 0) -> [StyledLine] {
        var out: [StyledLine] = []
        var previous: Block?
        for block in blocks {
            let lines = layout(block, width: width, base: base, listDepth: listDepth)
            if lines.isEmpty { continue }
            if let previous, !Self.hugs(previous, block, inList: listDepth > 0) { out.append(StyledLine()) }
            out += lines
            previous = block
        }
        return out
    }

    /// Inside a list item, a nested list follows its text without a blank line; a definition
    /// follows its term the same way.
    private static func hugs(_ a: Block, _ b: Block, inList: Bool) -> Bool {
        if case .indented = b, case .paragraph = a { return true }
        guard inList else { return false }
        if case .list = b { return true }
        if case .list = a { return true }
        return false
    }

    private func layout(_ block: Block, width: Int, base: LineRole, listDepth: Int) -> [StyledLine] {
        switch block {
        case .paragraph(let spans):
            return wrap(spans, width: width, base: base)
        case .heading(let level, let spans):
            let level = max(1, min(6, level))
            var lines = wrap(spans, width: width, base: .heading(level))
            if level <= 2, !lines.isEmpty {
                let underline = min(width, lines.map(\.width).max() ?? 0)
                lines.append(StyledLine(runs: [StyledRun(text: String(repeating: level == 1 ? "═" : "─", count: underline),
                                                         role: .heading(level))]))
            }
            return lines
        case .quote(let blocks):
            let marker = StyledRun(text: "│ ", role: .quoteMarker)
            guard width - 2 >= minContent else { return layout(blocks, width: width, base: .quote, listDepth: listDepth) }
            return Self.prefix(layout(blocks, width: width - 2, base: .quote, listDepth: listDepth), first: [marker], rest: [marker])
        case .list(let ordered, let start, let items):
            return list(ordered: ordered, start: start, items: items, width: width, base: base, depth: listDepth)
        case .code(let text):
            let indent = width >= 24 ? 2 : 0
            return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                let cut = TerminalSafe.truncate(String(line), toWidth: width - indent)
                if cut.isEmpty { return StyledLine() }
                return StyledLine(runs: [StyledRun(text: String(repeating: " ", count: indent) + cut, role: .codeBlock)])
            }
        case .table(let rows, let headerRows, let rightAligned):
            return TableLayout(width: width, base: base, rightAligned: rightAligned).layout(rows: rows, headerRows: headerRows)
        case .rule:
            return [StyledLine(runs: [StyledRun(text: String(repeating: "─", count: width), role: .rule)])]
        case .image(let alt, let linkIndex):
            var spans = [Span(text: alt.isEmpty ? "[image]" : "[image: \(alt)]", style: .image)]
            if let linkIndex { spans += [Span(text: " "), Span(text: "[\(linkIndex + 1)]", style: .footnoteMark)] }
            return wrap(spans, width: width, base: .image)
        case .caption(let spans):
            return wrap(spans, width: width, base: .caption)
        case .indented(let blocks):
            let indent = width - 4 >= minContent ? 4 : (width - 2 >= minContent ? 2 : 0)
            let inner = layout(blocks, width: width - indent, base: base, listDepth: listDepth)
            let pad = [StyledRun(text: String(repeating: " ", count: indent), role: base)]
            return indent == 0 ? inner : Self.prefix(inner, first: pad, rest: pad)
        }
    }

    private func list(ordered: Bool, start: Int, items: [[Block]], width: Int, base: LineRole, depth: Int) -> [StyledLine] {
        let markers: [String] = items.indices.map { i in
            ordered ? "\(start + i)." : Self.bullets[depth % Self.bullets.count]
        }
        let markerWidth = (markers.map { TextWidth.of($0) }.max() ?? 1) + 1
        var out: [StyledLine] = []
        for (i, item) in items.enumerated() {
            let marker = markers[i]
            let padded = String(repeating: " ", count: markerWidth - 1 - TextWidth.of(marker)) + marker + " "
            if width - markerWidth >= minContent {
                let inner = layout(item, width: width - markerWidth, base: base, listDepth: depth + 1)
                let first = [StyledRun(text: padded, role: .listMarker)]
                if inner.isEmpty { out.append(StyledLine(runs: first)); continue }
                out += Self.prefix(inner, first: first, rest: [StyledRun(text: String(repeating: " ", count: markerWidth), role: base)])
            } else {
                // Too narrow for a hanging indent: the marker gets a line of its own.
                out.append(StyledLine(runs: [StyledRun(text: TerminalSafe.truncate(marker, toWidth: width), role: .listMarker)]))
                out += layout(item, width: width, base: base, listDepth: depth + 1)
            }
        }
        return out
    }

    private func wrap(_ spans: [Span], width: Int, base: LineRole) -> [StyledLine] {
        LineWrapper.wrap(spans, width: width, base: base).map { StyledLine(runs: $0) }
    }

    /// Puts `first` before the first line and `rest` before the others; blank lines keep only
    /// the visible part of the prefix, so no line ends in spaces.
    static func prefix(_ lines: [StyledLine], first: [StyledRun], rest: [StyledRun]) -> [StyledLine] {
        lines.enumerated().map { i, line in
            var runs = i == 0 ? first : rest
            if line.runs.isEmpty {
                while let last = runs.last {
                    let trimmed = String(last.text.reversed().drop(while: { $0 == " " }).reversed())
                    if trimmed.isEmpty { runs.removeLast() } else { runs[runs.count - 1].text = trimmed; break }
                }
                return StyledLine(runs: runs)
            }
            return StyledLine(runs: runs + line.runs)
        }
    }
}
