import CCMark

/// Markdown → HTML through cmark-gfm with the table, strikethrough and autolink extensions.
/// Raw HTML inside Markdown is NOT passed through (no CMARK_OPT_UNSAFE): article files are
/// treated like any other untrusted source, and cmark leaves a comment in its place.
enum MarkdownHTML {
    private static let registered: Void = { cm_register_extensions() }()

    static func render(_ markdown: String) -> String {
        _ = registered
        var text = markdown
        return text.withUTF8 { buf -> String in
            guard let base = buf.baseAddress else { return "" }
            let raw = base.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                cm_markdown_to_html($0, buf.count, CMARK_OPT_DEFAULT)
            }
            guard let raw else { return "" }
            defer { free(raw) }
            return String(cString: raw)
        }
    }
}
