extension ArticleDocument {
    /// Lays the document out for a pane `width` columns wide: the body, then a "Links" list.
    public func lines(width: Int) -> [StyledLine] {
        let width = max(1, width)
        var out = BlockLayout(paneWidth: width).layout(blocks, width: width)
        if !links.isEmpty {
            if !out.isEmpty { out.append(StyledLine()) }
            out.append(StyledLine(runs: [StyledRun(text: TerminalSafe.truncate("Links", toWidth: width), role: .footnoteHeading)]))
            out += footnotes(width: width)
        }
        return out
    }

    /// `[n] url` lines; URLs are cut hard at the width and continue under the URL's first character.
    private func footnotes(width: Int) -> [StyledLine] {
        let markerWidth = "[\(links.count)] ".count
        let hanging = width - markerWidth >= 10
        var out: [StyledLine] = []
        for (i, url) in links.enumerated() {
            let marker = "[\(i + 1)]"
            let padded = marker + String(repeating: " ", count: markerWidth - marker.count)
            let urlWidth = hanging ? width - markerWidth : width
            var pieces: [String] = []
            var current = ""
            for (piece, _, breakAfter) in LineWrapper.chunks(url, width: urlWidth, used: 0) {
                current += piece
                if breakAfter { pieces.append(current); current = "" }
            }
            if !current.isEmpty { pieces.append(current) }
            if hanging {
                for (n, piece) in pieces.enumerated() {
                    let lead = n == 0 ? padded : String(repeating: " ", count: markerWidth)
                    out.append(StyledLine(runs: [StyledRun(text: lead, role: .footnoteMark), StyledRun(text: piece, role: .footnote)]))
                }
            } else {
                out.append(StyledLine(runs: [StyledRun(text: TerminalSafe.truncate(marker, toWidth: width), role: .footnoteMark)]))
                out += pieces.map { StyledLine(runs: [StyledRun(text: $0, role: .footnote)]) }
            }
        }
        return out
    }
}
