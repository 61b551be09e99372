import CLibXML2

/// libxml2's HTML parser in SAX mode, set up once for every reader of HTML in Tidings (article
/// bodies, feed autodiscovery): no tree is built, no network is touched, errors are recovered.
public enum HTMLSAX {
    /// libxml2's global set-up is not safe to race; Swift runs a static initialiser exactly once.
    private static let initialized: Void = { xmlInitParser() }()

    public static let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)

    /// Parses `bytes` as UTF-8 when `utf8` (else libxml2 sniffs the charset), calling the
    /// callbacks `configure` installs with `userData` as their context.
    public static func run(_ bytes: [UInt8], options: Int32 = HTMLSAX.options, utf8: Bool,
                           userData: UnsafeMutableRawPointer, configure: (inout htmlSAXHandler) -> Void) {
        _ = initialized
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let ctxt = htmlCreateMemoryParserCtxt(chars.baseAddress, Int32(chars.count)) else { return }
                defer { htmlFreeParserCtxt(ctxt) }
                var handler = htmlSAXHandler()
                configure(&handler)
                ctxt.pointee.sax.pointee = handler
                ctxt.pointee.userData = userData
                _ = htmlCtxtUseOptions(ctxt, options)
                if utf8 { _ = xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8) }
                _ = htmlParseDocument(ctxt)
                // The parser's own document is never built, but free anything it may have started.
                if let doc = ctxt.pointee.myDoc {
                    xmlFreeDoc(doc)
                    ctxt.pointee.myDoc = nil
                }
            }
        }
    }

    /// libxml2 hands attributes as a NULL-terminated array of name, value pairs; names are
    /// lower-cased and the first of a repeated attribute wins, as in browsers.
    public static func attributes(_ atts: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> [String: String] {
        guard let atts else { return [:] }
        var result: [String: String] = [:]
        var i = 0
        while let name = atts[i], i < 512 {
            let key = String(cString: name).lowercased()
            if result[key] == nil { result[key] = atts[i + 1].map { String(cString: $0) } ?? "" }
            i += 2
        }
        return result
    }
}
