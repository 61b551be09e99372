/// What a run of laid-out text is, for the theme to pick colours and attributes.
public enum LineRole: Hashable, Sendable {
    case body, strong, emphasis, strongEmphasis, code, link, strike, highlight
    /// The `[n]` after a link's text or an image.
    case footnoteMark
    case heading(Int)
    case quote, quoteMarker, listMarker, codeBlock, tableBorder, tableHeader, rule, image, caption
    case footnoteHeading, footnote
    /// The reader's header: the article title, field labels and their values.
    case title, metaLabel, metaValue
}

/// Text drawn with one role. The text is sanitised and contains no line breaks.
public struct StyledRun: Hashable, Sendable {
    public var text: String
    public var role: LineRole
    public init(text: String, role: LineRole) { self.text = text; self.role = role }
}

/// One screen line of an article, never wider than the width it was laid out for.
public struct StyledLine: Hashable, Sendable {
    public var runs: [StyledRun]
    public init(runs: [StyledRun] = []) { self.runs = runs }

    /// The line's text without styles.
    public var plainText: String { runs.map(\.text).joined() }

    /// Terminal columns the line occupies.
    public var width: Int { runs.reduce(0) { $0 + TextWidth.of($1.text) } }
}

extension LineRole {
    /// The role of a span's text laid out in a block whose own role is `self`.
    /// Headings and table headers keep their role throughout; elsewhere inline styles win.
    func applying(_ style: SpanStyle) -> LineRole {
        switch self {
        case .heading, .tableHeader, .footnote:
            return self
        default:
            break
        }
        // Raw bit tests: OptionSet.contains is generic and slow in debug builds, and this runs per span.
        let bits = style.rawValue
        if bits == 0 { return self }
        func has(_ s: SpanStyle) -> Bool { bits & s.rawValue != 0 }
        if has(.footnoteMark) { return .footnoteMark }
        if has(.image) { return .image }
        if has(.code) { return .code }
        if has(.link) { return .link }
        if has(.strong) { return has(.emphasis) ? .strongEmphasis : .strong }
        if has(.emphasis) { return .emphasis }
        if has(.highlight) { return .highlight }
        if has(.strike) { return .strike }
        return self
    }
}
