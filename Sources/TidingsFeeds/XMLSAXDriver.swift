import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// Runs libxml2's SAX2 push parser over clean UTF-8 and forwards namespace-aware events.
/// Safe configuration only: no network, no DTD loading, no entity substitution by libxml2
/// (see `XMLEntityTable`), errors collected as `line N: message` warnings instead of printed.
final class XMLSAXDriver {
    private let sink: XMLEventSink
    private let options: ParseOptions
    private let entities: XMLEntityTable
    private var ctxt: xmlParserCtxtPtr?
    private var depth = 0
    private var textBytes = 0
    private var errorCount = 0
    private var stopped = false
    private var entityLoop = false
    private var depthWarned = false
    private(set) var warnings: [String] = []
    /// Element names and namespace URIs by libxml2's interned pointer: the same few strings
    /// arrive for every element, and making a Swift string of each (a URI is long enough to
    /// need the heap) cost more than the rest of an event. libxml2 keeps every interned string
    /// alive until its context is freed, which ends each run, and the table with it.
    private var interned: [UnsafePointer<xmlChar>: String] = [:]
    private static let maxInterned = 1_024

    init(sink: XMLEventSink, options: ParseOptions) {
        self.sink = sink
        self.options = options
        self.entities = XMLEntityTable(expansionBudget: options.maxEntityExpansion)
    }

    private static let ready: Void = { xmlInitParser() }()

    static let parserOptions: Int32 = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_RECOVER.rawValue | XML_PARSE_NOERROR.rawValue
        | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_IGNORE_ENC.rawValue)

    /// Parses `bytes` (UTF-8) to the end or until the sink or a limit stops it.
    func run(_ buf: UnsafeBufferPointer<UInt8>) {
        run { feed in feed(buf) }
    }

    /// Parses what `produce` hands to its `feed` argument, piece after piece, as one document.
    func run(_ produce: (_ feed: (UnsafeBufferPointer<UInt8>) -> Void) -> Void) {
        _ = Self.ready
        var sax = Self.makeHandler()
        let me = Unmanaged.passUnretained(self).toOpaque()
        guard let ctxt = xmlCreatePushParserCtxt(&sax, me, nil, 0, nil) else {
            warnings.append("the XML parser could not start")
            return
        }
        self.ctxt = ctxt
        defer { self.ctxt = nil; interned.removeAll(); xmlFreeParserCtxt(ctxt) }
        xmlCtxtUseOptions(ctxt, Self.parserOptions)
        produce { buf in
            buf.withMemoryRebound(to: CChar.self) { chars in
                let chunk = 64 * 1024
                var offset = 0
                while offset < chars.count, !stopped {
                    let n = min(chunk, chars.count - offset)
                    xmlParseChunk(ctxt, chars.baseAddress! + offset, Int32(n), 0)
                    offset += n
                }
            }
        }
        if !stopped { xmlParseChunk(ctxt, nil, 0, 1) }
        warnings.append(contentsOf: entities.warnings)
    }

    private func stop(_ reason: String?) {
        if let reason { warnings.append(reason) }
        stopped = true
        if let ctxt { xmlStopParser(ctxt) }
    }

    // MARK: callbacks

    private static func makeHandler() -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(truncatingIfNeeded: XML_SAX2_MAGIC)
        sax.startElementNs = { ctx, localname, _, uri, nbNamespaces, namespaces, nbAttributes, _, attributes in
            let d = driver(ctx)
            guard !d.stopped else { return }
            d.keepDecodingEntities()
            d.depth += 1
            guard d.depth <= d.options.maxDepth else {
                if !d.depthWarned {
                    d.depthWarned = true
                    d.warnings.append("elements nested deeper than \(d.options.maxDepth) levels were skipped")
                }
                return
            }
            var attrs: [XMLAttribute] = []
            if let attributes, nbAttributes > 0 {
                attrs.reserveCapacity(Int(nbAttributes))
                for k in 0..<Int(nbAttributes) {
                    let base = k * 5
                    guard let name = d.name(attributes[base]) else { continue }
                    var value = ""
                    if let start = attributes[base + 3], let end = attributes[base + 4], end >= start {
                        value = XMLAttributeText.decode(
                            String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self))
                    }
                    attrs.append(XMLAttribute(uri: d.name(attributes[base + 2]), name: name, value: value))
                }
            }
            var nsURIs: [String] = []
            if let namespaces, nbNamespaces > 0 {
                for k in 0..<Int(nbNamespaces) { if let u = d.name(namespaces[k * 2 + 1]) { nsURIs.append(u) } }
            }
            if !d.sink.start(uri: d.name(uri), name: d.name(localname) ?? "", attributes: attrs, namespaces: nsURIs) {
                d.stop(nil)
            }
        }
        sax.endElementNs = { ctx, localname, _, uri in
            let d = driver(ctx)
            guard !d.stopped else { return }
            d.keepDecodingEntities()
            defer { d.depth -= 1 }
            guard d.depth <= d.options.maxDepth else { return }
            d.sink.end(uri: d.name(uri), name: d.name(localname) ?? "")
        }
        let text: charactersSAXFunc = { ctx, ch, len in
            let d = driver(ctx)
            guard !d.stopped, let ch, len > 0 else { return }
            d.keepDecodingEntities()
            d.textBytes += Int(len)
            guard d.textBytes <= d.options.maxTextBytes else {
                d.stop("the document holds more than \(d.options.maxTextBytes / 1024 / 1024) MB of text; the rest was dropped")
                return
            }
            guard d.depth <= d.options.maxDepth else { return }
            d.sink.text(UnsafeBufferPointer(start: ch, count: Int(len)))
        }
        sax.characters = text
        sax.cdataBlock = text
        sax.getEntity = { ctx, name in
            guard let name else { return nil }
            let d = driver(ctx)
            d.keepDecodingEntities()
            return d.entities.entity(named: String(cString: name))
        }
        sax.getParameterEntity = { _, _ in nil }
        sax.entityDecl = { ctx, name, type, _, systemID, content in
            guard let name else { return }
            driver(ctx).entities.declare(name: String(cString: name), type: type,
                                         systemID: string(systemID), content: string(content))
        }
        sax.serror = { userData, error in
            guard let userData, let error else { return }
            driver(userData).record(error.pointee)
        }
        return sax
    }

    /// A name or namespace URI libxml2 interned in its dictionary (never an attribute value,
    /// which points into the input).
    private func name(_ p: UnsafePointer<xmlChar>?) -> String? {
        guard let p else { return nil }
        // Checked all the same (a few bytes): a wrong name would be worse than a slow one.
        if let known = interned[p], Self.spells(known, p) { return known }
        let made = String(cString: p)
        if interned.count < Self.maxInterned { interned[p] = made }
        return made
    }

    private static func spells(_ known: String, _ p: UnsafePointer<xmlChar>) -> Bool {
        var known = known
        return known.withUTF8 { b in
            b.count == 0 ? p[0] == 0 : strncmp(UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self),
                                               UnsafeRawPointer(b.baseAddress!).assumingMemoryBound(to: CChar.self), b.count) == 0 && p[b.count] == 0
        }
    }

    private func record(_ error: xmlError) {
        errorCount += 1
        if errorCount <= 20 {
            var message = error.message.map { String(cString: $0) } ?? "XML error \(error.code)"
            message = message.trimmingCharacters(in: .whitespacesAndNewlines)
            warnings.append("line \(error.line): \(message)")
        } else if errorCount == 21 {
            warnings.append("more XML errors were not listed")
        }
        if error.code == Int32(XML_ERR_ENTITY_LOOP.rawValue) { entityLoop = true }
    }

    /// libxml2 drops every later entity reference (even `&amp;`) once a document is marked not
    /// well-formed, and marks it only after reporting the error. So the flag is cleared from
    /// the next callback instead (text is always flushed before a reference is parsed), unless
    /// an entity loop was seen.
    private func keepDecodingEntities() {
        guard errorCount > 0, !entityLoop, let ctxt, ctxt.pointee.wellFormed == 0 else { return }
        ctxt.pointee.wellFormed = 1
    }
}

private func driver(_ ctx: UnsafeMutableRawPointer?) -> XMLSAXDriver {
    Unmanaged<XMLSAXDriver>.fromOpaque(ctx!).takeUnretainedValue()
}

private func string(_ p: UnsafePointer<xmlChar>?) -> String? {
    guard let p else { return nil }
    return String(cString: p)
}

private extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}

private extension Set where Element == Character {
    static let whitespacesAndNewlines: Set<Character> = [" ", "\n", "\r", "\t"]
}
