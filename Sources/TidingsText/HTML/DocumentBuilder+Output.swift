/// How `DocumentBuilder` turns its buffered inline text, styles and containers into blocks.
extension DocumentBuilder {
    var currentStyle: SpanStyle {
        linkStack.last?.url != nil ? styleBits.union(.link) : styleBits
    }

    /// The footnote index of the innermost link, numbered on first use so empty anchors cost nothing.
    func currentLink() -> Int? {
        guard let top = linkStack.last, let url = top.url else { return nil }
        if let index = top.index { return index }
        let index = links.index(of: url)
        linkStack[linkStack.count - 1].index = index
        return index
    }

    func push(_ style: SpanStyle) {
        for bit in 0..<8 where style.rawValue & (1 << bit) != 0 { styleCount[bit] += 1 }
        updateStyleBits()
    }

    func pop(_ style: SpanStyle) {
        for bit in 0..<8 where style.rawValue & (1 << bit) != 0 { styleCount[bit] = max(0, styleCount[bit] - 1) }
        updateStyleBits()
    }

    /// The union of the open inline styles, kept up to date so text events need not recompute it.
    func updateStyleBits() {
        var raw: UInt16 = 0
        for bit in 0..<8 where styleCount[bit] > 0 { raw |= 1 << bit }
        styleBits = SpanStyle(rawValue: raw)
    }

    func endOpenCell() {
        guard var t = table else { return }
        if t.inCell {
            t.endCell(inline.take())
        }
        table = t
    }

    /// Ends the paragraph being read; inside a table cell it only breaks the line.
    func flush() {
        if let t = table, t.inCell || t.inCaption {
            inline.softLineBreak()
            return
        }
        let spans = inline.take()
        guard !spans.isEmpty else { return }
        switch inlineKind {
        case .paragraph: append(.paragraph(spans))
        case .heading(let level): append(.heading(level: level, spans))
        case .caption: append(.caption(spans))
        }
    }

    func emitPreformatted() {
        var text = preText
        preText = ""
        text = Self.expandTabs(text)
        while text.hasPrefix("\n") { text.removeFirst() }
        while text.hasSuffix("\n") { text.removeLast() }
        if !text.isEmpty { append(.code(text)) }
    }

    /// Tabs in code go to the next multiple of four columns: narrower than a terminal's eight, kinder to a pane.
    static func expandTabs(_ text: String) -> String {
        guard text.contains("\t") else { return text }
        var out = ""
        var column = 0
        for c in text {
            switch c {
            case "\t":
                let n = 4 - column % 4
                out += String(repeating: " ", count: n)
                column += n
            case "\n":
                out.append(c)
                column = 0
            default:
                out.append(c)
                column += TextWidth.of(c)
            }
        }
        return out
    }

    func append(_ block: Block) {
        var top = containers.removeLast()
        switch top.kind {
        case .list:
            if case .list = block, !top.items.isEmpty {
                // A list nested straight in a list (no `li`) belongs to the item before it.
                top.items[top.items.count - 1].append(block)
            } else {
                // Other content loose in a list becomes an item of its own.
                top.items.append([block])
            }
        default:
            top.blocks.append(block)
        }
        containers.append(top)
    }

    func closeContainer() {
        guard containers.count > 1 else { return }
        let done = containers.removeLast()
        switch done.kind {
        case .root:
            break
        case .quote:
            if !done.blocks.isEmpty { append(.quote(done.blocks)) }
        case .list(let ordered, let start):
            if !done.items.isEmpty { append(.list(ordered: ordered, start: start, items: done.items)) }
        case .item:
            if done.blocks.isEmpty { break }
            if case .list = containers.last?.kind {
                containers[containers.count - 1].items.append(done.blocks)
            } else {
                for b in done.blocks { append(b) }
            }
        case .indented:
            if !done.blocks.isEmpty { append(.indented(done.blocks)) }
        }
    }
}
