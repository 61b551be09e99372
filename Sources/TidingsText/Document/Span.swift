/// Inline styles a run of article text can carry; several may combine.
public struct SpanStyle: OptionSet, Hashable, Sendable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let strong = SpanStyle(rawValue: 1 << 0)
    public static let emphasis = SpanStyle(rawValue: 1 << 1)
    public static let code = SpanStyle(rawValue: 1 << 2)
    /// Text inside a link with a footnote number.
    public static let link = SpanStyle(rawValue: 1 << 3)
    public static let strike = SpanStyle(rawValue: 1 << 4)
    public static let highlight = SpanStyle(rawValue: 1 << 5)
    /// The `[n]` marker placed after a link's text.
    public static let footnoteMark = SpanStyle(rawValue: 1 << 6)
    /// An inline image placeholder such as `[image: alt]`.
    public static let image = SpanStyle(rawValue: 1 << 7)
}

/// A run of sanitised text with one style. A `"\n"` span is a hard line break.
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: SpanStyle
    /// Footnote number minus one (an index into `ArticleDocument.links`) when the text is a link.
    public var linkIndex: Int?
    public init(text: String, style: SpanStyle = [], linkIndex: Int? = nil) {
        self.text = text; self.style = style; self.linkIndex = linkIndex
    }
}
