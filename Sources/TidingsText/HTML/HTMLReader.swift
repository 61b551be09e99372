import CLibXML2

/// Drives libxml2's HTML parser in SAX mode into a `DocumentBuilder`.
/// SAX means no tree: nothing to walk recursively, no libxml2 depth limit cutting the article short,
/// and memory bounded by the text itself.
enum HTMLReader {
    /// Input past this many bytes is ignored: no article is that long, and it bounds the work.
    static let maxInputBytes = 16 << 20

    static let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOIMPLIED.rawValue
        | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)

    /// libxml2's global set-up is not safe to race; Swift runs a static initialiser exactly once.
    private static let initialized: Void = { xmlInitParser() }()

    static func read(_ html: String, baseURL: String?) -> ArticleDocument {
        _ = initialized
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
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let ctxt = htmlCreateMemoryParserCtxt(chars.baseAddress, Int32(chars.count)) else { return }
                defer { htmlFreeParserCtxt(ctxt) }
                var handler = htmlSAXHandler()
                handler.startElement = { ctx, name, atts in
                    guard let ctx, let name else { return }
                    let builder = Unmanaged<DocumentBuilder>.fromOpaque(ctx).takeUnretainedValue()
                    builder.start(String(cString: name), attributes: HTMLReader.attributes(atts))
                }
                handler.endElement = { ctx, name in
                    guard let ctx, let name else { return }
                    Unmanaged<DocumentBuilder>.fromOpaque(ctx).takeUnretainedValue().end(String(cString: name))
                }
                handler.characters = { ctx, text, length in
                    HTMLReader.deliver(ctx, text, length)
                }
                handler.ignorableWhitespace = { ctx, text, length in
                    HTMLReader.deliver(ctx, text, length)
                }
                handler.cdataBlock = { ctx, text, length in
                    HTMLReader.deliver(ctx, text, length)
                }
                ctxt.pointee.sax.pointee = handler
                ctxt.pointee.userData = Unmanaged.passUnretained(builder).toOpaque()
                _ = htmlCtxtUseOptions(ctxt, options)
                _ = xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8)
                _ = htmlParseDocument(ctxt)
                // The parser's own document is never built, but free anything it may have started.
                if let doc = ctxt.pointee.myDoc {
                    xmlFreeDoc(doc)
                    ctxt.pointee.myDoc = nil
                }
            }
        }
        return withExtendedLifetime(builder) { builder.finish() }
    }

    private static func deliver(_ ctx: UnsafeMutableRawPointer?, _ text: UnsafePointer<xmlChar>?, _ length: Int32) {
        guard let ctx, let text, length > 0 else { return }
        let string = String(decoding: UnsafeBufferPointer(start: text, count: Int(length)), as: UTF8.self)
        Unmanaged<DocumentBuilder>.fromOpaque(ctx).takeUnretainedValue().text(string)
    }

    /// libxml2 hands attributes as a NULL-terminated array of name, value pairs.
    private static func attributes(_ atts: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> [String: String] {
        guard let atts else { return [:] }
        var result: [String: String] = [:]
        var i = 0
        while let name = atts[i], i < 512 {
            let value = atts[i + 1].map { String(cString: $0) } ?? ""
            let key = String(cString: name).lowercased()
            if result[key] == nil { result[key] = value }
            i += 2
        }
        return result
    }
}
