import CLibXML2

/// Parses UTF-8 HTML with libxml2 (never the network, never a DTD) and copies the tree into `Node`s.
///
/// Caps keep a hostile page bounded: past `maxDepth` levels children are attached to the deepest
/// allowed ancestor (flattened, not lost); past `maxNodes` nodes the rest of the page is ignored.
enum TreeBuilder {
    static let maxInputBytes = 16 << 20
    static let maxDepth = 120
    static let maxNodes = 150_000

    static let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue
        | HTML_PARSE_IGNORE_ENC.rawValue)

    /// libxml2's global set-up is not safe to race; a static initialiser runs exactly once.
    private static let initialized: Void = { xmlInitParser() }()

    /// Tags whose content never reaches the article; dropped while copying, except `script`
    /// elements carrying JSON-LD, which metadata reads.
    /// (Form controls, embeds and MathML stay: the scoring rules count them and MathML is text.)
    static let dropped: Set<String> = ["style", "noscript", "template", "link", "canvas", "svg"]

    /// The document element (`html`), or an empty one when nothing could be parsed.
    static func parse(utf8 bytes: [UInt8], arena: NodeArena) -> Node {
        _ = initialized
        let root = Node(element: "html", arena: arena)
        var body = bytes
        if body.count > maxInputBytes {
            var cut = maxInputBytes
            while cut > 0 && body[cut] & 0xC0 == 0x80 { cut -= 1 }
            body.removeSubrange(cut...)
        }
        // libxml2 stops at a NUL byte; a page never needs one.
        body.removeAll { $0 == 0 }
        guard !body.isEmpty else { return root }
        body.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let doc = htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, "UTF-8", options) else { return }
                defer { xmlFreeDoc(doc) }
                guard let top = xmlDocGetRootElement(doc) else { return }
                copy(top, into: root)
            }
        }
        return root
    }

    private static func copy(_ top: xmlNodePtr, into root: Node) {
        if top.pointee.type == XML_ELEMENT_NODE {
            root.attributes = attributes(top)
        }
        var count = 0
        // (libxml2 node, parent Node, depth)
        var stack: [(xmlNodePtr, Node, Int)] = []
        func pushChildren(_ n: xmlNodePtr, _ parent: Node, _ depth: Int) {
            var kids: [xmlNodePtr] = []
            var c = n.pointee.children
            while let k = c { kids.append(k); c = k.pointee.next }
            for k in kids.reversed() { stack.append((k, parent, depth)) }
        }
        pushChildren(top, root, 1)
        while let (n, parent, depth) = stack.popLast() {
            count += 1
            if count > maxNodes { break }
            switch n.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                guard let content = n.pointee.content else { continue }
                let s = String(cString: content)
                if let last = parent.children.last, last.isText {
                    last.text += s
                } else {
                    parent.append(root.make(text: s))
                }
            case XML_ELEMENT_NODE:
                let name = n.pointee.name.map { String(cString: $0).lowercased() } ?? ""
                if name.isEmpty || dropped.contains(name) { continue }
                let attrs = attributes(n)
                if name == "script" {
                    let type = attrs.first { $0.name == "type" }?.value.lowercased() ?? ""
                    guard type.contains("ld+json") else { continue }
                }
                let element = root.make(name, attributes: attrs)
                if depth >= maxDepth {
                    // Too deep: the element's content joins its ancestor instead of nesting further.
                    pushChildren(n, parent, depth)
                    continue
                }
                parent.append(element)
                pushChildren(n, element, depth + 1)
            default:
                continue
            }
        }
    }

    private static func attributes(_ n: xmlNodePtr) -> [(name: String, value: String)] {
        var out: [(name: String, value: String)] = []
        var a = n.pointee.properties
        while let attr = a, out.count < 64 {
            if let name = attr.pointee.name {
                var value = ""
                var c = attr.pointee.children
                while let t = c {
                    if let content = t.pointee.content { value += String(cString: content) }
                    c = t.pointee.next
                }
                let key = String(cString: name).lowercased()
                if !out.contains(where: { $0.name == key }) { out.append((key, value)) }
            }
            a = attr.pointee.next
        }
        return out
    }
}
