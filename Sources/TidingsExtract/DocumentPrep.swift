/// Tidies the whole page before scoring: scripts (kept until metadata has read JSON-LD) go,
/// runs of `<br>` become paragraphs, `<font>` becomes `<span>`.
enum DocumentPrep {
    static func run(_ root: Node) {
        for script in root.descendants(named: ["script"]) { script.detach() }
        guard let body = root.first(named: "body") ?? Optional(root) else { return }
        for font in body.descendants(named: ["font"]) { font.rename("span") }
        replaceBreakRuns(body)
    }

    /// The next sibling that is not whitespace-only text.
    static func nextNonBlank(_ n: Node?) -> Node? {
        var cur = n
        while let c = cur, c.isText, TextMeasure.isBlank(c.text) { cur = c.nextSibling }
        return cur
    }

    /// `text<br><br>more` reads as two paragraphs: a run of two or more `br` becomes a `p` that takes
    /// the inline content after it. Each parent is rebuilt in one pass (a flat page of thousands of
    /// breaks would otherwise shift its children array once per move).
    static func replaceBreakRuns(_ body: Node) {
        var parents: [Node] = []
        var seen = Set<ObjectIdentifier>()
        for br in body.descendants(named: ["br"]) {
            if let p = br.parent, seen.insert(ObjectIdentifier(p)).inserted { parents.append(p) }
        }
        for parent in parents { rebuild(parent) }
    }

    private static func rebuild(_ parent: Node) {
        let c = parent.children
        func nextNonBlank(after i: Int) -> Int {
            var j = i + 1
            while j < c.count, c[j].isText, TextMeasure.isBlank(c[j].text) { j += 1 }
            return j
        }
        var out: [Node] = []
        var made = false
        var i = 0
        while i < c.count {
            let node = c[i]
            var j = nextNonBlank(after: i)
            guard node.name == "br", j < c.count, c[j].name == "br" else {
                out.append(node)
                i += 1
                continue
            }
            // Skip the whole run of breaks (and the blanks between them).
            while true {
                let k = nextNonBlank(after: j)
                if k < c.count && c[k].name == "br" { j = k } else { break }
            }
            var content: [Node] = []
            var idx = j + 1
            while idx < c.count {
                let s = c[idx]
                if s.name == "br" {
                    let k = nextNonBlank(after: idx)
                    if k < c.count && c[k].name == "br" { break }
                }
                guard Phrasing.isPhrasing(s) else { break }
                content.append(s)
                idx += 1
            }
            while let last = content.last, Phrasing.isWhitespace(last) { content.removeLast() }
            let p = parent.make("p")
            p.setChildren(content)
            out.append(p)
            made = true
            i = idx
        }
        guard made else { return }
        parent.setChildren(out)
        if parent.name == "p" { parent.rename("div") }
    }
}
