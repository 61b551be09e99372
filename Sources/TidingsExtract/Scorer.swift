/// Scores of containers: by tag, by class/id hints, and the share of text inside links.
struct Scorer {
    var weighClasses: Bool

    /// +25 for a positive class or id, -25 for a negative one; each attribute counts separately.
    func classWeight(_ node: Node) -> Double {
        guard weighClasses else { return 0 }
        var weight = 0.0
        for key in ["class", "id"] {
            guard let raw = node.attribute(key), !raw.isEmpty else { continue }
            let v = raw.lowercased()
            if Hints.isNegative(v) { weight -= 25 }
            if Hints.isPositive(v) { weight += 25 }
        }
        return weight
    }

    /// The starting score of a container: what its tag says, plus its class weight.
    func initialize(_ node: Node) {
        var s = 0.0
        switch node.name {
        case "div": s = 5
        case "pre", "td", "blockquote": s = 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": s = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": s = -5
        default: break
        }
        node.score = s + classWeight(node)
        node.isCandidate = true
    }

    /// Share of the text that sits inside links; in-page `#anchors` count for 30 %.
    static func linkDensity(_ node: Node) -> Double {
        let total = node.innerLength
        guard total > 0 else { return 0 }
        var linked = 0.0
        for a in node.descendants(named: ["a"]) {
            let href = a.attribute("href") ?? ""
            let coefficient = href.count > 1 && href.hasPrefix("#") ? 0.3 : 1
            linked += Double(a.innerLength) * coefficient
        }
        return linked / Double(total)
    }

    /// Share of the text inside elements with one of `tags`.
    static func textDensity(_ node: Node, tags: Set<String>) -> Double {
        let total = node.innerLength
        guard total > 0 else { return 0 }
        let inside = node.descendants(named: tags).reduce(0) { $0 + $1.innerLength }
        return Double(inside) / Double(total)
    }
}
