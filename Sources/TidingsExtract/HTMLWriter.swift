/// Writes the cleaned article back out as HTML: only the attributes the reader uses, every link
/// and image absolute, `javascript:` links reduced to their text.
struct HTMLWriter {
    let resolver: URLResolver

    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                                            "meta", "param", "source", "track", "wbr"]
    static let keptAttributes: Set<String> = ["alt", "title", "colspan", "rowspan", "start", "dir", "lang",
                                              "datetime", "cite", "summary", "headers", "scope", "align"]

    func write(_ node: Node) -> String {
        var out = ""
        write(node, into: &out)
        return out
    }

    /// Iterative, so a deep tree cannot exhaust the stack.
    private func write(_ root: Node, into out: inout String) {
        enum Step { case open(Node), close(String) }
        var stack: [Step] = [.open(root)]
        while let step = stack.popLast() {
            switch step {
            case .close(let name):
                out += "</\(name)>"
            case .open(let n):
                if n.isText { out += Self.escape(n.text, attribute: false); continue }
                if n.name == "a", n.attribute("href").map(resolver.resolve) == .some(nil) {
                    // A javascript: link: keep what it says, not where it goes.
                    stack.append(contentsOf: n.children.reversed().map { Step.open($0) })
                    continue
                }
                if n.name == "script" || n.name == "head" || n.name == "title" || n.name == "meta" { continue }
                // MathML reads as its text (the reader has no formula layout).
                let name = n.name == "math" ? "span" : n.name
                out += "<" + name
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
                    if let value { out += " \(a.name)=\"\(Self.escape(value, attribute: true))\"" }
                }
                out += ">"
                if Self.voidElements.contains(n.name) { continue }
                stack.append(.close(name))
                stack.append(contentsOf: n.children.reversed().map { Step.open($0) })
            }
        }
    }

    static func escape(_ s: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\u{A0}": out += "&nbsp;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
