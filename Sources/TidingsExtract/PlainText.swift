import TidingsText

/// The article's words without layout: one block per paragraph, a blank line between blocks,
/// no footnote numbers, image placeholders or list markers (what `--json` calls `text`).
enum PlainText {
    static func of(_ document: ArticleDocument) -> String {
        var blocks: [String] = []
        collect(document.blocks, into: &blocks)
        return blocks.joined(separator: "\n\n")
    }

    private static func collect(_ list: [Block], into out: inout [String]) {
        for block in list {
            switch block {
            case .heading(_, let spans), .paragraph(let spans), .caption(let spans):
                append(text(spans), to: &out)
            case .quote(let inner), .indented(let inner):
                collect(inner, into: &out)
            case .list(_, _, let items):
                var lines: [String] = []
                for item in items {
                    var parts: [String] = []
                    collect(item, into: &parts)
                    if !parts.isEmpty { lines.append(parts.joined(separator: "\n")) }
                }
                append(lines.joined(separator: "\n"), to: &out)
            case .code(let code):
                append(code, to: &out)
            case .table(let rows, _, _):
                append(rows.map { $0.map(text).joined(separator: "\t") }.joined(separator: "\n"), to: &out)
            case .rule, .image:
                break
            }
        }
    }

    private static func append(_ s: String, to out: inout [String]) {
        if !s.trimmingSpaces.isEmpty { out.append(s) }
    }

    private static func text(_ spans: [Span]) -> String {
        var s = ""
        for span in spans {
            if span.style.contains(.footnoteMark) || span.style.contains(.image) {
                // The space the layout put before a marker goes with it.
                if s.hasSuffix(" ") { s.removeLast() }
                continue
            }
            if span.text.hasPrefix(" ") && (s.isEmpty || s.hasSuffix(" ") || s.hasSuffix("\n")) {
                s += span.text.dropFirst()
            } else {
                s += span.text
            }
        }
        return s.trimmingSpaces
    }
}
