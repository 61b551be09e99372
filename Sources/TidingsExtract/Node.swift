/// Keeps every node of one extraction alive until the extraction ends, so that parent links can be
/// plain unowned references: a weak one puts each node's reference count in a side table, which
/// made every traversal pay the slow path.
final class NodeArena {
    fileprivate(set) var nodes: [Node] = []
    init() {}
}

/// A small mutable HTML tree the extractor owns: elements and text, nothing else.
/// libxml2's tree is copied into it once, so every later step is plain Swift with no manual memory.
/// Nodes live as long as their `NodeArena`; keep the arena alive while using them.
final class Node {
    /// Lower-case tag name; "#text" for text nodes.
    var name: String
    var attributes: [(name: String, value: String)]
    /// Character data of a text node (empty for elements).
    var text: String
    private(set) var children: [Node] = []
    private(set) unowned(unsafe) var parent: Node?
    unowned(unsafe) let arena: NodeArena
    /// Where the node last sat among its parent's children: a hint that makes sibling steps cheap.
    private var slot = 0

    /// Scratch values of one extraction attempt (see `Scorer`).
    var score: Double = 0
    var isCandidate = false
    var isDataTable: Bool?

    init(element name: String, attributes: [(name: String, value: String)] = [], arena: NodeArena) {
        self.name = name; self.attributes = attributes; self.text = ""; self.arena = arena
        arena.nodes.append(self)
    }

    init(text: String, arena: NodeArena) {
        self.name = "#text"; self.attributes = []; self.text = text; self.arena = arena
        arena.nodes.append(self)
    }

    /// A new text node in the same arena.
    func make(text: String) -> Node { Node(text: text, arena: arena) }

    /// A new element in the same arena.
    func make(_ name: String, attributes: [(name: String, value: String)] = []) -> Node {
        Node(element: name, attributes: attributes, arena: arena)
    }

    var isText: Bool { name == "#text" }
    var isElement: Bool { name != "#text" }

    // MARK: Attributes

    func attribute(_ key: String) -> String? {
        for a in attributes where a.name == key { return a.value }
        return nil
    }

    func setAttribute(_ key: String, _ value: String) {
        if let i = attributes.firstIndex(where: { $0.name == key }) {
            attributes[i].value = value
        } else {
            attributes.append((key, value))
        }
    }

    func removeAttribute(_ key: String) {
        attributes.removeAll { $0.name == key }
    }

    /// `class` and `id` joined, lower-cased: what the class/id hints look at.
    var classAndID: String {
        var s = attribute("class") ?? ""
        if let id = attribute("id") { s += " " + id }
        return s.lowercased()
    }

    // MARK: Structure

    func append(_ child: Node) {
        child.detach()
        child.parent = self
        child.slot = children.count
        children.append(child)
    }

    func insert(_ child: Node, at index: Int) {
        child.detach()
        child.parent = self
        child.slot = min(index, children.count)
        children.insert(child, at: child.slot)
    }

    /// Removes the node from its parent (its subtree goes with it).
    func detach() {
        guard parent != nil else { return }
        if let i = index { parent?.children.remove(at: i) }
        parent = nil
    }

    /// Puts `other` where this node is.
    func replace(with other: Node) {
        guard let p = parent, index != nil else { return }
        other.detach()
        guard let i = index else { return }
        p.children[i] = other
        other.slot = i
        other.parent = p
        parent = nil
    }

    /// Moves every child of this node to `other` (appended, in order).
    func moveChildren(to other: Node) {
        let moving = children
        children = []
        for c in moving {
            c.parent = other
            c.slot = other.children.count
            other.children.append(c)
        }
    }

    /// Moves `nodes` (in order) to the end of this node's children; one pass per old parent, so
    /// moving thousands of siblings costs no more than reading them.
    func adopt(_ nodes: [Node]) {
        var byParent: [ObjectIdentifier: (parent: Node, moving: Set<ObjectIdentifier>)] = [:]
        for n in nodes {
            guard let p = n.parent else { continue }
            byParent[ObjectIdentifier(p), default: (p, [])].moving.insert(ObjectIdentifier(n))
        }
        for (_, entry) in byParent {
            entry.parent.children.removeAll { entry.moving.contains(ObjectIdentifier($0)) }
            for (i, c) in entry.parent.children.enumerated() { c.slot = i }
        }
        for n in nodes {
            n.parent = self
            n.slot = children.count
            children.append(n)
        }
    }

    /// Replaces all children at once (each node in `list` must be a child of this node, or new):
    /// one pass, where moving children one by one would shift the array each time.
    func setChildren(_ list: [Node]) {
        for (i, c) in list.enumerated() {
            c.parent = self
            c.slot = i
        }
        children = list
    }

    /// Replaces the node by its children.
    func unwrap() {
        guard let p = parent, let i = index else { return }
        let moving = children
        children = []
        for (k, c) in moving.enumerated() { c.parent = p; c.slot = i + k }
        p.children.replaceSubrange(i...i, with: moving)
        parent = nil
    }

    /// Changes the tag, keeping attributes and children.
    func rename(_ newName: String) { name = newName }

    /// Position among the parent's children: the remembered slot, a neighbour of it, or a search.
    var index: Int? {
        guard let p = parent else { return nil }
        let kids = p.children
        for i in [slot, slot - 1, slot + 1] where i >= 0 && i < kids.count && kids[i] === self {
            slot = i
            return i
        }
        guard let i = kids.firstIndex(where: { $0 === self }) else { return nil }
        slot = i
        return i
    }

    var previousSibling: Node? {
        guard let p = parent, let i = index, i > 0 else { return nil }
        return p.children[i - 1]
    }

    var nextSibling: Node? {
        guard let p = parent, let i = index, i + 1 < p.children.count else { return nil }
        return p.children[i + 1]
    }

    var elementChildren: [Node] { children.filter(\.isElement) }

    /// Ancestors from the parent upwards, at most `limit` of them (0 = all).
    func ancestors(limit: Int = 0) -> [Node] {
        var out: [Node] = []
        var p = parent
        while let n = p, limit == 0 || out.count < limit {
            out.append(n)
            p = n.parent
        }
        return out
    }

    func hasAncestor(_ tag: String, maxDepth: Int = 0, where filter: ((Node) -> Bool)? = nil) -> Bool {
        var depth = 0
        var p = parent
        while let n = p {
            if maxDepth > 0 && depth >= maxDepth { return false }
            if n.name == tag && (filter?(n) ?? true) { return true }
            p = n.parent
            depth += 1
        }
        return false
    }

    /// Every descendant in document order (iterative: deep trees cannot overflow the stack).
    func descendants() -> [Node] {
        var out: [Node] = []
        var stack: [Node] = children.reversed()
        while let n = stack.popLast() {
            out.append(n)
            stack.append(contentsOf: n.children.reversed())
        }
        return out
    }

    func descendants(named names: Set<String>) -> [Node] {
        var out: [Node] = []
        var stack: [Node] = children.reversed()
        while let n = stack.popLast() {
            if n.isText { continue }
            if names.contains(n.name) { out.append(n) }
            for c in n.children.reversed() where c.isElement { stack.append(c) }
        }
        return out
    }

    func first(named name: String) -> Node? {
        var stack: [Node] = children.reversed()
        while let n = stack.popLast() {
            if n.name == name { return n }
            stack.append(contentsOf: n.children.reversed())
        }
        return nil
    }

    /// The concatenated character data of the subtree.
    var textContent: String {
        if isText { return text }
        var out = ""
        var stack: [Node] = children.reversed()
        while let n = stack.popLast() {
            if n.isText { out += n.text } else { stack.append(contentsOf: n.children.reversed()) }
        }
        return out
    }

    /// Text with whitespace runs collapsed to one space and the ends trimmed.
    var innerText: String { TextMeasure.normalize(textContent) }

    /// Commas in the subtree's text, counting stops at `limit`.
    func commas(upTo limit: Int) -> Int {
        var count = 0
        var stack: [Node] = isText ? [self] : children.reversed()
        while let n = stack.popLast(), count < limit {
            if n.isText { count += TextMeasure.commas(n.text) } else { stack.append(contentsOf: n.children.reversed()) }
        }
        return count
    }

    /// True when some text in the subtree is not white space (stops at the first such character).
    var hasText: Bool {
        if isText { return !TextMeasure.isBlank(text) }
        var stack: [Node] = children.reversed()
        while let n = stack.popLast() {
            if n.isText {
                if !TextMeasure.isBlank(n.text) { return true }
            } else {
                stack.append(contentsOf: n.children.reversed())
            }
        }
        return false
    }

    /// The length of `innerText` (Unicode scalars), counted without building the string.
    var innerLength: Int {
        var count = 0, pending = false, started = false
        if isText {
            TextMeasure.countNormalized(text, count: &count, pending: &pending, started: &started)
            return count
        }
        var stack: [Node] = children.reversed()
        while let n = stack.popLast() {
            if n.isText {
                TextMeasure.countNormalized(n.text, count: &count, pending: &pending, started: &started)
            } else {
                stack.append(contentsOf: n.children.reversed())
            }
        }
        return count
    }
}
