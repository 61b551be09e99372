/// Turns a stream of HTML start/end/text events into blocks, applying `TagRule`s.
/// It keeps its own element stack so that stray or missing end tags cannot unbalance it,
/// and it stops creating nested containers past `maxContainerDepth` (deeper content is flattened).
final class DocumentBuilder {
    static let maxContainerDepth = 32

    enum ContainerKind { case root, quote, list(ordered: Bool, start: Int), item, indented }
    struct Container {
        var kind: ContainerKind
        var blocks: [Block] = []
        var items: [[Block]] = []
    }

    /// What a start tag did, so that its end tag can undo exactly that.
    enum Effect {
        case none, skip, block, style(SpanStyle), inlineQuote
        case link(visibleAtStart: Int)
        case heading(previous: InlineKind), caption(previous: InlineKind), term
        case container, preformatted
        case table, tableHead, tableRow, tableCell(header: Bool), tableCaption
        case flatRow, flatCell
    }
    struct Open { var name: String; var effect: Effect }
    enum InlineKind: Equatable { case paragraph, heading(Int), caption }

    var links: LinkTable
    var containers: [Container] = [Container(kind: .root)]
    var inline = InlineBuffer()
    var inlineKind: InlineKind = .paragraph
    var open: [Open] = []
    var openCount: [String: Int] = [:]
    var styleCount: [Int] = Array(repeating: 0, count: 16)
    var styleBits: SpanStyle = []
    var linkStack: [(url: String?, index: Int?)] = []
    var skipDepth = 0
    var preDepth = 0
    var preText = ""
    var table: TableBuilder?
    var tableDepth = 0

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

    func begin(_ name: String, attributes: [String: String]) -> Effect {
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
            table?.startCell(header: header, alignsRight: Self.alignsRight(attributes))
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

    /// `align="right"` (what cmark-gfm writes for `--:` columns) or `style="text-align: right"`.
    static func alignsRight(_ attributes: [String: String]) -> Bool {
        if attributes["align"]?.trimmingCharacters(in: .whitespaces).lowercased() == "right" { return true }
        guard let style = attributes["style"]?.lowercased().replacingOccurrences(of: " ", with: "") else { return false }
        return style.contains("text-align:right")
    }

    func void(_ name: String, attributes: [String: String]) {
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

    func image(_ attributes: [String: String]) {
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

    func finish(_ effect: Effect) {
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
}
