/// Which elements are inline ("phrasing") content and which count as blocks.
enum Phrasing {
    static let tags: Set<String> = [
        "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em", "embed", "i",
        "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object", "output", "progress", "q",
        "ruby", "samp", "script", "select", "small", "span", "strong", "sub", "sup", "textarea", "time", "var", "wbr",
        "u", "s", "font", "big", "tt", "strike", "del", "ins", "a", "picture",
    ]
    /// Children that stop a `div` from being read as a paragraph.
    static let blockTags: Set<String> = ["blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"]

    static func isPhrasing(_ n: Node) -> Bool {
        if n.isText { return true }
        if n.name == "a" || n.name == "del" || n.name == "ins" {
            return n.children.allSatisfy(isPhrasing)
        }
        return tags.contains(n.name)
    }

    /// A whitespace-only text node or a `br`.
    static func isWhitespace(_ n: Node) -> Bool {
        n.isText ? TextMeasure.isBlank(n.text) : n.name == "br"
    }

    /// True when some descendant is a block-level element.
    static func hasBlockDescendant(_ n: Node) -> Bool {
        var stack = n.children
        while let c = stack.popLast() {
            if blockTags.contains(c.name) { return true }
            stack.append(contentsOf: c.children)
        }
        return false
    }

    /// True when the element holds exactly one element child named `tag` and no text.
    static func hasSingle(_ tag: String, in n: Node) -> Bool {
        var found: Node?
        for c in n.children {
            if c.isText {
                if !TextMeasure.isBlank(c.text) { return false }
            } else {
                if found != nil { return false }
                found = c
            }
        }
        return found?.name == tag
    }

    /// No text and nothing but `br`/`hr` inside.
    static func isEmptyElement(_ n: Node) -> Bool {
        guard !n.hasText else { return false }
        let elements = n.elementChildren
        if elements.isEmpty { return true }
        let breaks = n.descendants(named: ["br", "hr"]).count
        return elements.count == breaks
    }
}
