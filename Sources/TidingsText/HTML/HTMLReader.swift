import CLibXML2

/// Drives libxml2's HTML parser in SAX mode into a `DocumentBuilder`.
/// SAX means no tree: nothing to walk recursively, no libxml2 depth limit cutting the article short,
/// and memory bounded by the text itself.
enum HTMLReader {
    /// Input past this many bytes is ignored: no article is that long, and it bounds the work.
    static let maxInputBytes = 16 << 20

    static let options = HTMLSAX.options | Int32(HTML_PARSE_NOIMPLIED.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)

    static func read(_ html: String, baseURL: String?) -> ArticleDocument {
        var body = Array(html.utf8)
        if body.count > maxInputBytes {
            var cut = maxInputBytes
            while cut > 0 && body[cut] & 0xC0 == 0x80 { cut -= 1 }
            body.removeSubrange(cut...)
        }
        let builder = DocumentBuilder(baseURL: baseURL)
        guard !body.isEmpty else { return builder.finish() }
        // libxml2 opens an implied <p> for text found outside any element, which would split a
        // paragraph at every stray end tag; an enclosing div keeps such text in one flow.
        let bytes = Array("<div>".utf8) + body + Array("</div>".utf8)
        HTMLSAX.run(bytes, options: options, utf8: true, userData: Unmanaged.passUnretained(builder).toOpaque()) { handler in
            handler.startElement = { ctx, name, atts in
                guard let ctx, let name else { return }
                let builder = Unmanaged<DocumentBuilder>.fromOpaque(ctx).takeUnretainedValue()
                builder.start(String(cString: name), attributes: HTMLSAX.attributes(atts))
            }
            handler.endElement = { ctx, name in
                guard let ctx, let name else { return }
                Unmanaged<DocumentBuilder>.fromOpaque(ctx).takeUnretainedValue().end(String(cString: name))
            }
            handler.characters = { ctx, text, length in HTMLReader.deliver(ctx, text, length) }
            handler.ignorableWhitespace = { ctx, text, length in HTMLReader.deliver(ctx, text, length) }
            handler.cdataBlock = { ctx, text, length in HTMLReader.deliver(ctx, text, length) }
        }
        return withExtendedLifetime(builder) { builder.finish() }
    }

    private static func deliver(_ ctx: UnsafeMutableRawPointer?, _ text: UnsafePointer<xmlChar>?, _ length: Int32) {
        guard let ctx, let text, length > 0 else { return }
        let string = String(decoding: UnsafeBufferPointer(start: text, count: Int(length)), as: UTF8.self)
        Unmanaged<DocumentBuilder>.fromOpaque(ctx).takeUnretainedValue().text(string)
    }
}
