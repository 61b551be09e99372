/// Writes the cleaned article back out as HTML: only the attributes the reader uses, every link
/// and image absolute, `javascript:` links reduced to their text.
struct HTMLWriter {
    let resolver: URLResolver

    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                                            "meta", "param", "source", "track", "wbr"]
    static let keptAttributes: Set<String> = ["alt", "title", "colspan", "rowspan", "start", "dir", "lang",
                                              "datetime", "cite", "summary", "headers", "scope", "align"]

    func write(_ node: Node) -> String {
        var out: [UInt8] = []
        write(node, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Iterative, so a deep tree cannot exhaust the stack.
    private func write(_ root: Node, into out: inout [UInt8]) {
        enum Step { case open(Node), close(String) }
        var stack: [Step] = [.open(root)]
        while let step = stack.popLast() {
            switch step {
            case .close(let name):
                out += Array("</\(name)>".utf8)
            case .open(let n):
                if n.isText { Self.escape(n.text, attribute: false, into: &out); continue }
                if n.name == "a", n.attribute("href").map(resolver.resolve) == .some(nil) {
                    // A javascript: link: keep what it says, not where it goes.
                    stack.append(contentsOf: n.children.reversed().map { Step.open($0) })
                    continue
                }
                if n.name == "script" || n.name == "head" || n.name == "title" || n.name == "meta" { continue }
                // MathML reads as its text (the reader has no formula layout).
                let name = n.name == "math" ? "span" : n.name
                out += Array(("<" + name).utf8)
                for a in n.attributes {
                    var value: String?
                    switch a.name {
                    case "href" where n.name == "a", "src":
                        value = resolver.resolve(a.value)
                    case "id", "class":
                        if a.value == "readability-page-1" || (a.name == "class" && a.value == "page") { value = a.value }
                    default:
                        if Self.keptAttributes.contains(a.name) { value = a.value }
                    }
                    if let value {
                        out += Array(" \(a.name)=\"".utf8)
                        Self.escape(value, attribute: true, into: &out)
                        out.append(0x22)
                    }
                }
                out.append(0x3E)
                if Self.voidElements.contains(n.name) { continue }
                stack.append(.close(name))
                stack.append(contentsOf: n.children.reversed().map { Step.open($0) })
            }
        }
    }

    static func escape(_ s: String, attribute: Bool) -> String {
        var out: [UInt8] = []
        escape(s, attribute: attribute, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func escape(_ s: String, attribute: Bool, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let c = bytes[i]
                switch c {
                case 0x26: out += [0x26, 0x61, 0x6D, 0x70, 0x3B]                 // &amp;
                case 0x3C: out += [0x26, 0x6C, 0x74, 0x3B]                       // &lt;
                case 0x3E: out += [0x26, 0x67, 0x74, 0x3B]                       // &gt;
                case 0x22 where attribute: out += [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]  // &quot;
                case 0xC2 where i + 1 < bytes.count && bytes[i + 1] == 0xA0:
                    out += [0x26, 0x6E, 0x62, 0x73, 0x70, 0x3B]                  // &nbsp;
                    i += 1
                default: out.append(c)
                }
                i += 1
            }
        }
    }
}
