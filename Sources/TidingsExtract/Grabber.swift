/// Finds the article container in a page: walks the tree dropping what cannot be content, scores
/// paragraphs into their ancestors, picks the best container and the siblings that belong with it.
final class Grabber {
    /// Rules that can be relaxed one by one when an attempt yields too little text.
    struct Rules: Equatable {
        var stripUnlikely = true
        var weighClasses = true
        var cleanConditionally = true
    }

    struct Attempt {
        var content: Node
        var textLength: Int
        var dir: String?
        /// Keeps the attempt's nodes alive (they only hold unowned references to it).
        var arena: NodeArena
    }

    /// Below this many characters an attempt is retried with relaxed rules.
    static let minimumText = 500
    static let topCandidateCount = 5
    static let scoredTags: Set<String> = ["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"]

    let title: String
    /// The byline found in the page body (the first byline-looking node), kept across attempts.
    private(set) var byline: String?

    init(title: String) { self.title = title }

    /// Tries the strict rules, then relaxed ones, on fresh copies of the page; the best attempt wins.
    /// Only the best attempt so far is kept, so a retried page costs at most two trees.
    func grab(freshPage: () -> (root: Node, arena: NodeArena)) -> Attempt? {
        var rules = Rules()
        var best: Attempt?
        while true {
            let page = freshPage()
            let attempt = withExtendedLifetime(page.arena) { grabOnce(page.root, rules: rules, arena: page.arena) }
            if attempt.textLength >= Self.minimumText { return attempt }
            if attempt.textLength > (best?.textLength ?? -1) { best = attempt }
            if rules.stripUnlikely { rules.stripUnlikely = false }
            else if rules.weighClasses { rules.weighClasses = false }
            else if rules.cleanConditionally { rules.cleanConditionally = false }
            else { break }
        }
        guard let best, best.textLength > 0 else { return nil }
        return best
    }

    func grabOnce(_ root: Node, rules: Rules, arena: NodeArena) -> Attempt {
        let scorer = Scorer(weighClasses: rules.weighClasses)
        let body = root.first(named: "body") ?? root
        let toScore = walk(root, rules: rules)
        let candidates = score(toScore, scorer: scorer)
        var top = pickTop(candidates, body: body, scorer: scorer)
        var createdTop = false
        if top == nil {
            let div = root.make("div")
            body.moveChildren(to: div)
            body.append(div)
            scorer.initialize(div)
            top = div
            createdTop = true
        }
        let topNode = top!
        let content = root.make("div")
        let parent = topNode.parent ?? body
        let threshold = max(10, topNode.score * 0.2)
        let topClass = topNode.attribute("class") ?? ""
        var kept: [Node] = []
        for sibling in parent.elementChildren {
            var keep = sibling === topNode
            if !keep {
                let bonus = !topClass.isEmpty && sibling.attribute("class") == topClass ? topNode.score * 0.2 : 0
                if sibling.isCandidate && sibling.score + bonus >= threshold {
                    keep = true
                } else if sibling.name == "p" {
                    let density = Scorer.linkDensity(sibling)
                    let length = sibling.innerLength
                    if length > 80 && density < 0.25 {
                        keep = true
                    } else if length < 80 && length > 0 && density == 0 && Self.hasSentenceEnd(sibling.innerText) {
                        keep = true
                    }
                }
            }
            guard keep else { continue }
            if !["div", "article", "section", "p", "ol", "ul"].contains(sibling.name) { sibling.rename("div") }
            kept.append(sibling)
        }
        content.adopt(kept)
        ArticleCleaner(rules: rules, scorer: scorer, title: title).clean(content)
        let page: Node
        if createdTop, content.children.count == 1, content.children[0] === topNode {
            page = content
        } else {
            page = root.make("div")
            content.moveChildren(to: page)
            content.append(page)
        }
        page.setAttribute("id", "readability-page-1")
        page.setAttribute("class", "page")
        let dir = ([parent, topNode] + parent.ancestors()).lazy.compactMap { $0.attribute("dir") }.first { !$0.isEmpty }
        return Attempt(content: content, textLength: content.innerLength, dir: dir, arena: arena)
    }

    static func hasSentenceEnd(_ text: String) -> Bool {
        text.hasSuffix(".") || text.has(". ")
    }

    // MARK: The walk

    /// Removes what cannot be article text and returns the elements worth scoring, in page order.
    private func walk(_ root: Node, rules: Rules) -> [Node] {
        var toScore: [Node] = []
        var removeTitleHeader = true
        var stack: [Node] = [root]
        while let node = stack.popLast() {
            guard node.isElement, node.parent != nil || node === root else { continue }
            let name = node.name
            let match = node.classAndID
            if Visibility.isHidden(node)
                || (node.attribute("aria-modal") == "true" && node.attribute("role") == "dialog") {
                node.detach(); continue
            }
            if byline == nil, let found = Self.bylineText(node, match: match) {
                byline = found
                node.detach(); continue
            }
            if removeTitleHeader, name == "h1" || name == "h2",
               TitleText.similarity(title, node.innerText) > 0.75 {
                removeTitleHeader = false
                node.detach(); continue
            }
            if rules.stripUnlikely {
                if Hints.isUnlikely(match), name != "body", name != "a", name != "html",
                   !node.hasAncestor("table"), !node.hasAncestor("code") {
                    node.detach(); continue
                }
                if let role = node.attribute("role"), Hints.unlikelyRoles.contains(role) {
                    node.detach(); continue
                }
            }
            if ["div", "section", "header", "h1", "h2", "h3", "h4", "h5", "h6"].contains(name), Phrasing.isEmptyElement(node) {
                node.detach(); continue
            }
            if Self.scoredTags.contains(name) { toScore.append(node) }
            var current = node
            if name == "div" {
                wrapPhrasing(node)
                if Phrasing.hasSingle("p", in: node), Scorer.linkDensity(node) < 0.25 {
                    let p = node.elementChildren[0]
                    node.replace(with: p)
                    current = p
                    toScore.append(p)
                } else if !Phrasing.hasBlockDescendant(node) {
                    node.rename("p")
                    toScore.append(node)
                }
            }
            stack.append(contentsOf: current.children.reversed())
        }
        return toScore
    }

    /// Runs of inline content loose in a `div` become paragraphs of their own (one pass over the children).
    private func wrapPhrasing(_ div: Node) {
        var out: [Node] = []
        var run: [Node] = []
        var changed = false
        func close() {
            while let last = run.last, Phrasing.isWhitespace(last) { run.removeLast() }
            guard !run.isEmpty else { return }
            let p = div.make("p")
            p.setChildren(run)
            out.append(p)
            run = []
            changed = true
        }
        for child in div.children {
            if Phrasing.isPhrasing(child) {
                if run.isEmpty && Phrasing.isWhitespace(child) {
                    out.append(child)
                } else {
                    run.append(child)
                }
            } else {
                close()
                out.append(child)
            }
        }
        close()
        if changed { div.setChildren(out) }
    }

    /// The author text of a byline-looking node (`rel=author`, `itemprop=author`, `.byline`, …).
    static func bylineText(_ node: Node, match: String) -> String? {
        let rel = node.attribute("rel")
        let itemprop = node.attribute("itemprop") ?? ""
        guard rel == "author" || itemprop.has("author") || Hints.any(Hints.byline, in: match) else { return nil }
        let text = node.textContent.trimmingSpaces
        guard !text.isEmpty, TextMeasure.length(text) < 100 else { return nil }
        if let name = node.descendants().first(where: { ($0.attribute("itemprop") ?? "").has("name") }) {
            let n = name.textContent.trimmingSpaces
            if !n.isEmpty { return n }
        }
        return text
    }

    // MARK: Scoring

    private func score(_ elements: [Node], scorer: Scorer) -> [Node] {
        var candidates: [Node] = []
        for element in elements {
            guard element.parent != nil, element.parent?.isElement == true else { continue }
            let text = element.innerText
            let length = TextMeasure.length(text)
            guard length >= 25 else { continue }
            let ancestors = element.ancestors(limit: 5)
            guard !ancestors.isEmpty else { continue }
            let points = 1.0 + Double(TextMeasure.commas(text) + 1) + Double(min(length / 100, 3))
            for (level, ancestor) in ancestors.enumerated() {
                // The document element itself is never a candidate.
                guard ancestor.parent != nil else { continue }
                if !ancestor.isCandidate {
                    scorer.initialize(ancestor)
                    candidates.append(ancestor)
                }
                let divider = level == 0 ? 1.0 : level == 1 ? 2.0 : Double(level * 3)
                ancestor.score += points / divider
            }
        }
        return candidates
    }

    /// The best container, or nil when the body itself would be the best one.
    private func pickTop(_ candidates: [Node], body: Node, scorer: Scorer) -> Node? {
        var top: [Node] = []
        for c in candidates {
            c.score *= 1 - Scorer.linkDensity(c)
            if let i = top.firstIndex(where: { c.score > $0.score }) {
                top.insert(c, at: i)
            } else {
                top.append(c)
            }
            if top.count > Self.topCandidateCount { top.removeLast() }
        }
        guard var best = top.first, best !== body, best.name != "body" else { return nil }

        // Several near-equal candidates under one ancestor: the ancestor is the article.
        let alternatives = top.dropFirst().filter { best.score > 0 && $0.score / best.score >= 0.75 }.map { $0.ancestors() }
        if alternatives.count >= 3 {
            var p = best.parent
            while let node = p, node !== body, node.name != "body" {
                if alternatives.filter({ $0.contains { $0 === node } }).count >= 3 {
                    best = node
                    break
                }
                p = node.parent
            }
        }
        if !best.isCandidate { scorer.initialize(best) }

        // Climb while the parent scores about as well: the article often spans sibling blocks.
        var lastScore = best.score
        let threshold = lastScore / 3
        var p = best.parent
        while let node = p, node !== body, node.name != "body" {
            guard node.isCandidate else { p = node.parent; continue }
            if node.score < threshold { break }
            if node.score > lastScore { best = node; break }
            lastScore = node.score
            p = node.parent
        }
        // An only child says nothing its parent does not.
        while let parent = best.parent, parent !== body, parent.name != "body", parent.parent != nil,
              parent.elementChildren.count == 1 {
            best = parent
        }
        if !best.isCandidate { scorer.initialize(best) }
        return best
    }
}
