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

    /// `text<br><br>more` reads as two paragraphs: the second `br` of a run starts a `p` that takes
    /// the inline content after it.
    static func replaceBreakRuns(_ body: Node) {
        for br in body.descendants(named: ["br"]) where br.parent != nil {
            var next = nextNonBlank(br.nextSibling)
            var replaced = false
            while let n = next, n.name == "br" {
                replaced = true
                let after = n.nextSibling
                n.detach()
                next = nextNonBlank(after)
            }
            guard replaced, let parent = br.parent else { continue }
            let p = br.make("p")
            br.replace(with: p)
            var sibling = p.nextSibling
            while let s = sibling {
                if s.name == "br", let after = nextNonBlank(s.nextSibling), after.name == "br" { break }
                guard Phrasing.isPhrasing(s) else { break }
                let following = s.nextSibling
                p.append(s)
                sibling = following
            }
            while let last = p.children.last, Phrasing.isWhitespace(last) { last.detach() }
            if parent.name == "p" { parent.rename("div") }
        }
    }
}
