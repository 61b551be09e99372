/// A parsed article: blocks plus the numbered list of link targets (footnotes).
/// Parse once, then call `lines(width:)` as often as the pane changes size.
public struct ArticleDocument: Hashable, Sendable {
    public var blocks: [Block]
    /// Absolute http, https or mailto URLs; `links[0]` is footnote [1].
    public var links: [String]

    public init(blocks: [Block], links: [String] = []) {
        self.blocks = blocks; self.links = links
    }

    /// A document with nothing in it.
    public static let empty = ArticleDocument(blocks: [], links: [])

    /// Parses an HTML body (tag soup welcome); relative links resolve against `baseURL`.
    public static func html(_ html: String, baseURL: String? = nil) -> ArticleDocument {
        HTMLReader.read(html, baseURL: baseURL)
    }

    /// Reads plain text: blank lines separate paragraphs, single line breaks are reflowed.
    public static func plainText(_ text: String) -> ArticleDocument {
        let clean = TerminalSafe.clean(text, keepNewlines: true)
        var blocks: [Block] = []
        var paragraph = ""
        func flush() {
            if !paragraph.isEmpty { blocks.append(.paragraph([Span(text: paragraph)])) }
            paragraph = ""
        }
        for line in clean.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if words.isEmpty { flush(); continue }
            for word in words {
                if !paragraph.isEmpty { paragraph.append(" ") }
                paragraph.append(contentsOf: word)
            }
        }
        flush()
        return ArticleDocument(blocks: blocks, links: [])
    }
}
