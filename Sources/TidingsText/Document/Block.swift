/// One block of an article, in reading order.
public indirect enum Block: Hashable, Sendable {
    case heading(level: Int, [Span])
    case paragraph([Span])
    case quote([Block])
    /// Each item is a list of blocks; `start` is the first number of an ordered list.
    case list(ordered: Bool, start: Int, items: [[Block]])
    /// Preformatted text: LF-separated lines, never wrapped.
    case code(String)
    /// Rows of cells; the first `headerRows` rows are headings.
    /// `rightAligned` holds the columns the author aligned right (numbers, usually).
    case table(rows: [[[Span]]], headerRows: Int, rightAligned: Set<Int> = [])
    case rule
    /// An image shown as its alt text; `linkIndex` points at its target or source in `links`.
    case image(alt: String, linkIndex: Int?)
    /// A figure or table caption.
    case caption([Span])
    /// Content set in by a hanging indent, such as a definition (`dd`).
    case indented([Block])
}
