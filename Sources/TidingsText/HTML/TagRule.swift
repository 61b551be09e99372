/// What an HTML element means for the article, newsraft style: one table, one rule per tag.
/// Tags missing from the table are transparent (their content flows through).
enum TagRule: Equatable {
    /// Content is not article text (scripts, styles, form controls, media fallbacks).
    case drop
    /// Starts and ends a paragraph.
    case block
    case lineBreak
    case heading(Int)
    case quote
    case list(ordered: Bool)
    case listItem
    case preformatted
    case inline(SpanStyle)
    /// `q`: wrapped in curly quotes.
    case inlineQuote
    case link
    case rule
    case image
    case figureCaption
    case table
    case tableHead
    case tableRow
    case tableCell(header: Bool)
    case tableCaption
    case definitionTerm
    case definitionDescription

    static func of(_ tag: String) -> TagRule? { rules[tag] }

    /// Elements that never have content, so their end tag (if any) is ignored.
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "param", "source", "track", "wbr", "frame", "basefont", "isindex", "keygen",
    ]

    private static let rules: [String: TagRule] = {
        var t: [String: TagRule] = [:]
        for tag in ["script", "style", "head", "title", "noscript", "iframe", "template", "svg",
                    "math", "object", "embed", "canvas", "video", "audio", "select", "textarea",
                    "button", "input", "map", "frameset", "frame", "applet", "datalist", "dialog"] {
            t[tag] = .drop
        }
        for tag in ["p", "div", "section", "article", "header", "footer", "main", "nav", "aside",
                    "address", "center", "details", "summary", "form", "fieldset", "legend",
                    "figure", "hgroup", "dl", "body", "html", "picture", "menu", "dir",
                    "noframes", "listing", "xmp", "plaintext"] {
            t[tag] = .block
        }
        for level in 1...6 { t["h\(level)"] = .heading(level) }
        t["br"] = .lineBreak
        t["blockquote"] = .quote
        t["ul"] = .list(ordered: false)
        t["ol"] = .list(ordered: true)
        t["li"] = .listItem
        t["pre"] = .preformatted
        for tag in ["strong", "b"] { t[tag] = .inline(.strong) }
        for tag in ["em", "i", "cite", "dfn", "var"] { t[tag] = .inline(.emphasis) }
        for tag in ["code", "kbd", "samp", "tt"] { t[tag] = .inline(.code) }
        for tag in ["s", "del", "strike"] { t[tag] = .inline(.strike) }
        t["mark"] = .inline(.highlight)
        t["q"] = .inlineQuote
        t["a"] = .link
        t["hr"] = .rule
        t["img"] = .image
        t["figcaption"] = .figureCaption
        t["table"] = .table
        t["thead"] = .tableHead
        t["tr"] = .tableRow
        t["td"] = .tableCell(header: false)
        t["th"] = .tableCell(header: true)
        t["caption"] = .tableCaption
        t["dt"] = .definitionTerm
        t["dd"] = .definitionDescription
        return t
    }()
}
