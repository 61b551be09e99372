import Foundation

/// Reads OPML 1.0/2.0 through the feed parser's safe libxml2 driver: outlines with a feed URL are
/// subscriptions, outlines with children but no URL are folders whose titles become tags.
final class OPMLReader: XMLEventSink {
    private struct Frame {
        var position: [Int]
        var tag: String?
        var children = 0
        var isFolder: Bool
        var text: String
    }

    private var collector = ImportCollector(format: .opml2)
    private var depth = 0
    private var bodyDepth: Int?
    private var frames: [Frame] = []
    private var topLevelCount = 0
    private(set) var root: String?

    static func read(_ bytes: [UInt8]) throws(SubscriptionError) -> SubscriptionImport {
        let reader = OPMLReader()
        var options = ParseOptions()
        options.maxTextBytes = 16 * 1024 * 1024
        options.maxEntityExpansion = 64 * 1024
        let text = XMLReferenceRepair.repair(bytes)
        text.withUnsafeBufferPointer { XMLSAXDriver(sink: reader, options: options).run($0) }
        guard reader.root == "opml" else { throw .notOPML(root: reader.root) }
        return reader.collector.result
    }

    func start(uri: String?, name: String, attributes: [XMLAttribute], namespaces: [String]) -> Bool {
        depth += 1
        let local = name.lowercased()
        if depth == 1 {
            root = local
            guard local == "opml" else { return false }
            let version = plainAttributes(attributes)["version"] ?? ""
            collector.setFormat(version.hasPrefix("2") ? .opml2 : .opml1)
            return true
        }
        if bodyDepth == nil, depth == 2, local == "body" { bodyDepth = depth }
        guard bodyDepth != nil, local == "outline" else { return true }
        outline(attributes)
        return true
    }

    func end(uri: String?, name: String) {
        defer { depth -= 1 }
        if depth == bodyDepth { bodyDepth = nil }
        guard bodyDepth != nil, name.lowercased() == "outline", let frame = frames.popLast() else { return }
        if frame.isFolder, frame.children == 0 {
            collector.notUnderstood(at: .outline(frame.position), text: frame.text,
                                    reason: "the outline has no feed URL (xmlUrl) and no outlines inside")
        }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}

    private func outline(_ attributes: [XMLAttribute]) {
        let attrs = plainAttributes(attributes)
        let position: [Int]
        if let parent = frames.indices.last {
            frames[parent].children += 1
            position = frames[parent].position + [frames[parent].children]
        } else {
            topLevelCount += 1
            position = [topLevelCount]
        }
        let label = nonEmpty(attrs["text"]) ?? nonEmpty(attrs["title"])
        let type = (attrs["type"] ?? "").lowercased()
        let feedTypes: Set<String> = ["", "rss", "atom", "feed", "rdf", "pie"]
        var url = nonEmpty(attrs["xmlurl"]?.trimmingCharacters(in: .whitespacesAndNewlines))
        if url == nil, feedTypes.contains(type) {
            url = nonEmpty(attrs["url"]?.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        guard let url else {
            let text = label ?? attrs["url"] ?? ""
            if !type.isEmpty, !feedTypes.contains(type) {
                collector.notUnderstood(at: .outline(position), text: text, reason: "an outline of type \"\(type)\" is not a feed")
                frames.append(Frame(position: position, tag: nil, isFolder: false, text: text))
            } else {
                frames.append(Frame(position: position, tag: label, isFolder: true, text: text))
            }
            return
        }
        frames.append(Frame(position: position, tag: nil, isFolder: false, text: url))
        if url.hasPrefix("query:") {
            // Blanks at the end of an expression are part of it: take the attribute as written.
            let raw = attrs["xmlurl"].map { String($0.drop(while: \.isWhitespace)) } ?? url
            query(raw.hasPrefix("query:") ? raw : url, at: position)
            return
        }
        subscription(url: url, label: nonEmpty(attrs["title"]) ?? label, attrs: attrs,
                     extras: tidingsAttributes(attributes), at: position)
    }

    private func subscription(url: String, label: String?, attrs: [String: String], extras: [String: String],
                              at position: [Int]) {
        // Liferea marks a feed read from a program's output with a leading pipe; newsboat reads it as exec:.
        var s = Subscription(source: url.hasPrefix("|") ? "exec:" + url.dropFirst() : url)
        if url.hasPrefix("filter:") {
            guard let (script, target) = SourceKind.splitFilter(url) else {
                collector.notUnderstood(at: .outline(position), text: url, reason: "filter: needs a script and a URL (filter:SCRIPT:URL)")
                return
            }
            s.source = target
            s.filter = script
        }
        if let script = nonEmpty(extras["filter"]) ?? nonEmpty(attrs["filtercmd"]) { s.filter = script }
        if let problem = SourceKind.problem(with: s.source) {
            collector.notUnderstood(at: .outline(position), text: url, reason: problem)
            return
        }
        // Exporters without a title write the URL as the required text; that is no title.
        s.title = label == url || label == s.source ? nil : label
        s.siteLink = nonEmpty(attrs["htmlurl"])
        s.hidden = extras["hidden"] == "true"
        let folders = frames.compactMap(\.tag)
        // OPML 2.0 categories are comma-separated; one that starts with "/" is a path whose parts are
        // tags, while newsboat writes a tag that contains a slash as it is ("tag/three").
        let categories = (attrs["category"] ?? "").split(separator: ",").flatMap { category in
            category.hasPrefix("/") ? category.split(separator: "/") : [category]
        }.map { $0.trimmingCharacters(in: .whitespaces) }
        s.tags = uniqueTags(folders + categories)
        collector.add(s, at: .outline(position), text: url)
    }

    /// newsboat keeps `query:Name:expression` outlines verbatim: they are saved searches.
    private func query(_ url: String, at position: [Int]) {
        guard let q = SourceKind.splitQuery(url) else {
            collector.notUnderstood(at: .outline(position), text: url,
                                    reason: "query: needs a name and an expression (query:Name:expression)")
            return
        }
        collector.add(q, at: .outline(position), text: url)
    }

    /// Attributes without a namespace, names lower-cased so `xmlURL` and `xmlurl` also count.
    private func plainAttributes(_ attributes: [XMLAttribute]) -> [String: String] {
        var out: [String: String] = [:]
        for a in attributes where a.uri == nil {
            let key = a.name.lowercased()
            if out[key] == nil { out[key] = a.value }
        }
        return out
    }

    private func tidingsAttributes(_ attributes: [XMLAttribute]) -> [String: String] {
        var out: [String: String] = [:]
        for a in attributes where a.uri == OPMLNames.namespace { out[a.name] = a.value }
        return out
    }

    private func nonEmpty(_ s: String?) -> String? {
        guard let s, !s.isEmpty else { return nil }
        return s
    }
}
