/// Turns a stream of HTML start/end/text events into blocks, applying `TagRule`s.
/// It keeps its own element stack so that stray or missing end tags cannot unbalance it,
/// and it stops creating nested containers past `maxContainerDepth` (deeper content is flattened).
final class DocumentBuilder {
    static let maxContainerDepth = 32

    private enum ContainerKind { case root, quote, list(ordered: Bool, start: Int), item, indented }
    private struct Container {
        var kind: ContainerKind
        var blocks: [Block] = []
        var items: [[Block]] = []
    }

    /// What a start tag did, so that its end tag can undo exactly that.
    private enum Effect {
        case none, skip, block, style(SpanStyle), inlineQuote
        case link(visibleAtStart: Int)
        case heading(previous: InlineKind), caption(previous: InlineKind), term
        case container, preformatted
        case table, tableHead, tableRow, tableCell(header: Bool), tableCaption
        case flatRow, flatCell
    }
    private struct Open { var name: String; var effect: Effect }
    private enum InlineKind: Equatable { case paragraph, heading(Int), caption }

    private var links: LinkTable
    private var containers: [Container] = [Container(kind: .root)]
    private var inline = InlineBuffer()
    private var inlineKind: InlineKind = .paragraph
    private var open: [Open] = []
    private var openCount: [String: Int] = [:]
    private var styleCount: [Int] = Array(repeating: 0, count: 16)
    private var styleBits: SpanStyle = []
    private var linkStack: [(url: String?, index: Int?)] = []
    private var skipDepth = 0
    private var preDepth = 0
    private var preText = ""
    private var table: TableBuilder?
    private var tableDepth = 0

    init(baseURL: String?) {
        links = LinkTable(baseURL: baseURL)
    }

    // MARK: Events

    func start(_ name: String, attributes: [String: String]) {
        if TagRule.voidElements.contains(name) {
            if skipDepth == 0 { void(name, attributes: attributes) }
            return
        }
        let effect = skipDepth > 0 ? .none : begin(name, attributes: attributes)
        open.append(Open(name: name, effect: effect))
        openCount[name, default: 0] += 1
    }

    func end(_ name: String) {
        guard openCount[name, default: 0] > 0 else { return }
        while let top = open.popLast() {
            openCount[top.name, default: 1] -= 1
            finish(top.effect)
            if top.name == name { break }
        }
    }

    func text(_ raw: String) {
        guard skipDepth == 0 else { return }
        if preDepth > 0 {
            preText += TerminalSafe.clean(raw, keepNewlines: true)
            return
        }
        if var t = table, !t.inCell, !t.inCaption {
            // Text loose in a table (tag soup) gets a cell of its own, if it is not just spaces.
            guard raw.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else { return }
            t.startCell(header: false)
            table = t
        }
        inline.append(collapsing: TerminalSafe.sanitize(raw), style: currentStyle, link: currentLink())
    }

    /// Closes everything still open and returns the document.
    func finish() -> ArticleDocument {
        while let top = open.popLast() { finish(top.effect) }
        flush()
        while containers.count > 1 { closeContainer() }
        return ArticleDocument(blocks: containers[0].blocks, links: links.urls)
    }

    // MARK: Start tags

    private func begin(_ name: String, attributes: [String: String]) -> Effect {
        guard let rule = TagRule.of(name) else { return .none }
        let flat = tableDepth > 0 || containers.count >= Self.maxContainerDepth
        switch rule {
        case .drop:
            skipDepth += 1
            return .skip
        case .block:
            flush()
            return .block
        case .heading(let level):
            flush()
            if tableDepth > 0 { return .style(.strong) }
            let previous = inlineKind
            inlineKind = .heading(level)
            return .heading(previous: previous)
        case .quote:
            flush()
            if flat { return .block }
            containers.append(Container(kind: .quote))
            return .container
        case .list(let ordered):
            flush()
            if flat { return .block }
            let start = ordered ? (attributes["start"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 1) : 1
            containers.append(Container(kind: .list(ordered: ordered, start: max(-999_999, min(start, 999_999)))))
            return .container
        case .listItem:
            flush()
            guard !flat, case .list = containers.last?.kind else { return .block }
            containers.append(Container(kind: .item))
            return .container
        case .definitionDescription:
            flush()
            if flat { return .block }
            containers.append(Container(kind: .indented))
            return .container
        case .definitionTerm:
            flush()
            push(.strong)
            return .term
        case .preformatted:
            flush()
            if tableDepth > 0 { return .style(.code) }
            preDepth += 1
            return .preformatted
        case .inline(let style):
            push(style)
            return .style(style)
        case .inlineQuote:
            inline.appendWord("“", style: currentStyle, link: currentLink(), spaceBefore: false)
            return .inlineQuote
        case .link:
            let url = attributes["href"].flatMap { links.resolve($0) }
            linkStack.append((url, nil))
            return .link(visibleAtStart: inline.visibleCount)
        case .figureCaption:
            flush()
            if tableDepth > 0 { return .block }
            let previous = inlineKind
            inlineKind = .caption
            return .caption(previous: previous)
        case .table:
            flush()
            tableDepth += 1
            if tableDepth > 1 { return .block }
            table = TableBuilder()
            return .table
        case .tableHead:
            guard tableDepth == 1 else { return .none }
            table?.inHead = true
            return .tableHead
        case .tableRow:
            if tableDepth > 1 { inline.softLineBreak(); return .flatRow }
            guard tableDepth == 1 else { return .none }
            endOpenCell()
            table?.startRow()
            return .tableRow
        case .tableCell(let header):
            if tableDepth > 1 { inline.separate(); return .flatCell }
            guard tableDepth == 1 else { return .none }
            endOpenCell()
            table?.startCell(header: header)
            if header { push(.strong) }
            return .tableCell(header: header)
        case .tableCaption:
            guard tableDepth == 1, table?.inCell == false else { return .block }
            endOpenCell()
            table?.inCaption = true
            return .tableCaption
        case .lineBreak, .rule, .image:
            return .none
        }
    }

    private func void(_ name: String, attributes: [String: String]) {
        switch TagRule.of(name) {
        case .lineBreak?:
            if preDepth > 0 { preText += "\n" } else { inline.lineBreak() }
        case .rule?:
            if tableDepth > 0 || preDepth > 0 { inline.softLineBreak(); return }
            flush()
            append(.rule)
        case .image?:
            image(attributes)
        default:
            break
        }
    }

    private func image(_ attributes: [String: String]) {
        // Tracking pixels and spacers say nothing.
        for key in ["width", "height"] {
            if let v = attributes[key].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), v <= 2 { return }
        }
        let alt = TerminalSafe.singleLine(attributes["alt"] ?? "")
        if alt.count == 1 {
            // An emoji or symbol drawn as an image reads best as itself.
            inline.appendWord(alt, style: currentStyle, link: currentLink())
            return
        }
        let enclosing = currentLink()
        let linkIndex = enclosing ?? attributes["src"].flatMap { links.resolve($0) }.map { links.index(of: $0) }
        if preDepth > 0 { return }
        let inlineContext = tableDepth > 0 || !inline.isEmpty || inlineKind != .paragraph
        if inlineContext {
            let label = alt.isEmpty ? "[image]" : "[image: \(alt)]"
            inline.appendWord(label, style: currentStyle.union(.image), link: linkIndex, spaceBefore: true)
            if enclosing == nil, let i = linkIndex {
                inline.appendWord("[\(i + 1)]", style: .footnoteMark, link: i, spaceBefore: true)
            }
        } else {
            flush()
            append(.image(alt: alt, linkIndex: linkIndex))
        }
    }

    // MARK: End tags

    private func finish(_ effect: Effect) {
        switch effect {
        case .none:
            break
        case .skip:
            skipDepth -= 1
        case .block:
            flush()
        case .style(let style):
            pop(style)
        case .inlineQuote:
            inline.appendWord("”", style: currentStyle, link: currentLink())
        case .link(let visibleAtStart):
            let top = linkStack.removeLast()
            if let index = top.index, inline.visibleCount > visibleAtStart {
                inline.appendWord("[\(index + 1)]", style: .footnoteMark, link: index, spaceBefore: true)
            }
        case .heading(let previous):
            flush()
            inlineKind = previous
        case .caption(let previous):
            flush()
            inlineKind = previous
        case .term:
            flush()
            pop(.strong)
        case .container:
            flush()
            closeContainer()
        case .preformatted:
            preDepth -= 1
            if preDepth == 0 { emitPreformatted() }
        case .table:
            endOpenCell()
            tableDepth -= 1
            if var t = table {
                table = nil
                if !t.caption.isEmpty { append(.caption(t.caption)) }
                if let block = t.finish() { append(block) }
            }
        case .tableHead:
            endOpenCell()
            table?.endRow()
            table?.inHead = false
        case .tableRow:
            endOpenCell()
            table?.endRow()
        case .tableCell(let header):
            endOpenCell()
            if header { pop(.strong) }
        case .tableCaption:
            if table?.inCaption == true {
                table?.caption = inline.take()
                table?.inCaption = false
            }
        case .flatRow:
            inline.softLineBreak()
        case .flatCell:
            inline.separate()
        }
    }

    // MARK: Helpers

    private var currentStyle: SpanStyle {
        linkStack.last?.url != nil ? styleBits.union(.link) : styleBits
    }

    /// The footnote index of the innermost link, numbered on first use so empty anchors cost nothing.
    private func currentLink() -> Int? {
        guard let top = linkStack.last, let url = top.url else { return nil }
        if let index = top.index { return index }
        let index = links.index(of: url)
        linkStack[linkStack.count - 1].index = index
        return index
    }

    private func push(_ style: SpanStyle) {
        for bit in 0..<8 where style.rawValue & (1 << bit) != 0 { styleCount[bit] += 1 }
        updateStyleBits()
    }

    private func pop(_ style: SpanStyle) {
        for bit in 0..<8 where style.rawValue & (1 << bit) != 0 { styleCount[bit] = max(0, styleCount[bit] - 1) }
        updateStyleBits()
    }

    /// The union of the open inline styles, kept up to date so text events need not recompute it.
    private func updateStyleBits() {
        var raw: UInt16 = 0
        for bit in 0..<8 where styleCount[bit] > 0 { raw |= 1 << bit }
        styleBits = SpanStyle(rawValue: raw)
    }

    private func endOpenCell() {
        guard var t = table else { return }
        if t.inCell {
            t.endCell(inline.take())
        }
        table = t
    }

    /// Ends the paragraph being read; inside a table cell it only breaks the line.
    private func flush() {
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

    private func emitPreformatted() {
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

    private func append(_ block: Block) {
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

    private func closeContainer() {
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
