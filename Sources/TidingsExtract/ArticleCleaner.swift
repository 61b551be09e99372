/// Cleans the chosen article: drops furniture that came along with it and, conditionally,
/// tables, lists and blocks whose content looks like navigation, ads or forms.
struct ArticleCleaner {
    var rules: Grabber.Rules
    var scorer: Scorer
    var title: String

    static let textishTags: Set<String> = ["span", "li", "td", "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"]

    func clean(_ content: Node) {
        DataTables.mark(in: content)
        LazyImages.fix(in: content)
        cleanConditionally(content, "form")
        cleanConditionally(content, "fieldset")
        remove(content, ["object", "embed", "footer", "link", "aside", "iframe", "input", "textarea", "select", "button"])
        for child in content.elementChildren {
            for n in child.descendants().reversed() where n.isElement && Hints.isShare(n.classAndID) && TextMeasure.length(n.textContent) < 500 {
                n.detach()
            }
        }
        for h in content.descendants(named: ["h1", "h2"]) where scorer.classWeight(h) < 0 { h.detach() }
        cleanConditionally(content, "table")
        cleanConditionally(content, "ul")
        cleanConditionally(content, "div")
        for h in content.descendants(named: ["h1"]) { h.rename("h2") }
        for p in content.descendants(named: ["p"]).reversed() where p.parent != nil {
            let media = p.descendants(named: ["img", "embed", "object", "iframe"]).count
            if media == 0 && !p.hasText { p.detach() }
        }
        for br in content.descendants(named: ["br"]).reversed() where DocumentPrep.nextNonBlank(br.nextSibling)?.name == "p" {
            br.detach()
        }
        unwrapSingleCellTables(content)
    }

    private func remove(_ root: Node, _ tags: Set<String>) {
        for n in root.descendants(named: tags).reversed() { n.detach() }
    }

    /// A table of one cell is layout: its cell becomes a paragraph or a div.
    private func unwrapSingleCellTables(_ root: Node) {
        for table in root.descendants(named: ["table"]) where table.parent != nil {
            let body = Phrasing.hasSingle("tbody", in: table) ? table.elementChildren[0] : table
            guard Phrasing.hasSingle("tr", in: body) else { continue }
            let row = body.elementChildren[0]
            guard Phrasing.hasSingle("td", in: row) else { continue }
            let cell = row.elementChildren[0]
            cell.rename(cell.children.allSatisfy(Phrasing.isPhrasing) ? "p" : "div")
            table.replace(with: cell)
        }
    }

    /// Removes elements named `tag` whose content looks like something other than the article.
    func cleanConditionally(_ root: Node, _ tag: String) {
        guard rules.cleanConditionally else { return }
        for node in root.descendants(named: [tag]).reversed() where node.parent != nil {
            if shouldRemove(node, tag) { node.detach() }
        }
    }

    private func shouldRemove(_ node: Node, _ tag: String) -> Bool {
        let all = node.descendants()
        let length = node.innerLength
        var isList = tag == "ul" || tag == "ol"
        if !isList {
            let listLength = all.filter { $0.name == "ul" || $0.name == "ol" }.reduce(0) { $0 + $1.innerLength }
            isList = length > 0 && Double(listLength) / Double(length) > 0.9
        }
        if tag == "table" && node.isDataTable == true { return false }
        if node.hasAncestor("table", where: { $0.isDataTable == true }) { return false }
        if node.hasAncestor("code") { return false }
        if all.contains(where: { $0.name == "table" && $0.isDataTable == true }) { return false }

        let weight = scorer.classWeight(node)
        if weight < 0 { return true }
        guard node.commas(upTo: 10) < 10 else { return false }

        func count(_ name: String) -> Int { all.reduce(0) { $0 + ($1.name == name ? 1 : 0) } }
        let p = count("p"), img = count("img"), li = count("li") - 100, input = count("input")
        let headingDensity = Scorer.textDensity(node, tags: ["h1", "h2", "h3", "h4", "h5", "h6"])
        var embeds = 0
        for e in all where e.name == "object" || e.name == "embed" || e.name == "iframe" {
            if e.attributes.contains(where: { a in Hints.videoHosts.contains { a.value.contains($0) } }) { return false }
            embeds += 1
        }
        if length < 20 && Hints.isAdOrLoading(node.innerText) { return true }
        let linkDensity = Scorer.linkDensity(node)
        let textDensity = Scorer.textDensity(node, tags: Self.textishTags)
        let inFigure = node.hasAncestor("figure")

        var remove = false
        if !inFigure && img > 1 && Double(p) / Double(img) < 0.5 { remove = true }
        if !isList && li > p { remove = true }
        if input > p / 3 { remove = true }
        if !isList && !inFigure && headingDensity < 0.9 && length < 25 && (img == 0 || img > 2) && linkDensity > 0 { remove = true }
        if !isList && weight < 25 && linkDensity > 0.2 { remove = true }
        if weight >= 25 && linkDensity > 0.5 { remove = true }
        if (embeds == 1 && length < 75) || embeds > 1 { remove = true }
        if img == 0 && textDensity == 0 { remove = true }

        // A plain list of images (one per item) stays.
        if isList && remove {
            for child in node.elementChildren where child.elementChildren.count > 1 { return true }
            if img == count("li") { return false }
        }
        return remove
    }
}
