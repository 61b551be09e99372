import Foundation
import TidingsCore

/// The event-driven state machine that maps RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 elements
/// (by namespace URI) onto a `FeedDocument`. RSS is RSS in any namespace or none: its elements
/// are matched by local name in no namespace, the RSS 0.9x/1.0 and UserLand ones, and whatever
/// namespace the `<rss>` root is in (some feeds declare a module's namespace as the default).
final class XMLFeedBuilder: XMLEventSink {
    private enum Family { case rss, rdf, atom }
    private struct Frame { var uri: String?; var name: String; var base: URL? }

    private let baseURL: URL?
    private let options: ParseOptions
    private(set) var format: FeedFormat?
    private(set) var rejectedRoot: String?
    private var family: Family = .rss
    private var meta = FeedMeta()
    private var items: [FeedItem] = []
    private(set) var warnings: [String] = []
    private var stack: [Frame] = []
    private var channelDepth: Int?
    private var item: ItemDraft?
    private var itemDepth = 0
    private var skippingItem = false
    private var capture: TextCapture?
    private var feedLinkIsHTML = false
    /// Used only when nothing better names the feed's author: Atom `email`, RSS `webMaster`.
    private var feedAuthorFallback: String?
    /// Dublin Core stand-ins for a channel without `title`, `description` or a date.
    private var feedTitleFallback: String?
    private var feedDescriptionFallback: String?
    private var feedUpdatedFallback: (rank: Int, date: Date)?
    /// Namespaces whose elements are RSS's own.
    private var rssNamespaces: Set<String> = NS.rssVariants.union([NS.rss10, NS.rss090])

    init(baseURL: URL?, options: ParseOptions) {
        self.baseURL = baseURL
        self.options = options
    }

    // MARK: events

    func start(uri: String?, name: String, attributes: [XMLAttribute], namespaces: [String]) -> Bool {
        let parentBase = stack.last?.base ?? baseURL
        var base = parentBase
        if let xb = attributes.first(where: { $0.uri == NS.xml && $0.name == "base" })?.value {
            base = LinkResolver.baseURL(xb, against: parentBase)
        }
        stack.append(Frame(uri: uri, name: name, base: base))
        let depth = stack.count
        if capture != nil {
            capture?.childStart(uri: uri, name: name, attributes: attributes, at: depth, base: base)
            return true
        }
        if depth == 1 { return root(uri: uri, name: name, attributes: attributes, namespaces: namespaces) }
        if skippingItem { return true }

        if item == nil {
            if isItemElement(uri, name) {
                guard items.count < options.maxItems else {
                    if !warnings.contains(where: { $0.hasPrefix("more than") }) {
                        warnings.append("more than \(options.maxItems) items; the rest were dropped")
                    }
                    skippingItem = true
                    itemDepth = depth
                    return true
                }
                var draft = ItemDraft()
                draft.about = attributes.first { $0.uri == NS.rdf && $0.name == "about" }?.value
                item = draft
                itemDepth = depth
                return true
            }
            if channelDepth == nil, family != .atom, isRSS(uri), name == "channel" {
                channelDepth = depth
                if uri == NS.rss090 { format = .rss090 } else if uri == NS.rss10 { format = .rss10 }
                return true
            }
            guard let cd = channelDepth else { return true }
            if depth == cd + 1 {
                channelField(uri, name, attributes, depth)
            } else if depth == cd + 2, isAtom(uri), name == "name" || name == "email", let parent = parentFrame,
                      isAtom(parent.uri), parent.name == "author" {
                begin(name == "name" ? .feedAuthor : .feedAuthorEmail, depth, .plain)
            }
        } else if depth == itemDepth + 1 {
            itemField(uri, name, attributes, depth)
        } else if depth == itemDepth + 2, let parent = parentFrame {
            if isAtom(uri), name == "name" || name == "email", isAtom(parent.uri), parent.name == "author" {
                begin(name == "name" ? .author : .authorEmail, depth, .plain)
            } else if uri == NS.media, parent.uri == NS.media, parent.name == "group" {
                itemField(uri, name, attributes, depth)
            }
        } else if depth == itemDepth + 3, isAtom(uri), name == "name", stack.count >= 3 {
            let parent = stack[stack.count - 2], grandparent = stack[stack.count - 3]
            if isAtom(parent.uri), parent.name == "author", isAtom(grandparent.uri), grandparent.name == "source" {
                begin(.sourceAuthor, depth, .plain)
            }
        }
        return true
    }

    func end(uri: String?, name: String) {
        let depth = stack.count
        if let cap = capture {
            if depth == cap.depth { finishCapture(cap); capture = nil } else { capture?.childEnd(name: name, at: depth) }
        }
        if depth == itemDepth {
            if skippingItem { skippingItem = false }
            if let draft = item { items.append(draft.finish()); item = nil }
        }
        if !stack.isEmpty { stack.removeLast() }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        capture?.append(bytes)
    }

    /// The finished document, or why there is none.
    func document() throws(FeedParseError) -> FeedDocument {
        guard let format else {
            throw .notAFeed(rejectedRoot.map(FeedFieldValues.describe) ?? "no XML element found")
        }
        if let cap = capture { finishCapture(cap); capture = nil }
        if let draft = item {
            if !draft.isEmpty { items.append(draft.finish()) }
            item = nil
        }
        if !stack.isEmpty {
            warnings.append("the document ends before </\(stack[0].name)>: it may be truncated")
        }
        if meta.author == nil { meta.author = feedAuthorFallback }
        if meta.title == nil { meta.title = feedTitleFallback }
        if meta.description == nil { meta.description = feedDescriptionFallback }
        if meta.updated == nil { meta.updated = feedUpdatedFallback?.date }
        if family == .atom, let feedAuthor = meta.author {
            // RFC 4287 §4.2.1: the feed's authors apply to an entry that names none (nor its source).
            for i in items.indices where items[i].author == nil { items[i].author = feedAuthor }
        }
        return FeedDocument(format: format, feed: meta, items: items, warnings: warnings)
    }

    // MARK: structure

    private var parentFrame: Frame? { stack.count >= 2 ? stack[stack.count - 2] : nil }

    private func isRSS(_ uri: String?) -> Bool { uri.map { rssNamespaces.contains($0) } ?? true }
    private func isAtom(_ uri: String?) -> Bool { uri == NS.atom10 || uri == NS.atom03 }

    private func isItemElement(_ uri: String?, _ name: String) -> Bool {
        switch family {
        case .rss, .rdf: return name == "item" && isRSS(uri)
        case .atom: return name == "entry" && (isAtom(uri) || uri == nil)
        }
    }

    private func root(uri: String?, name: String, attributes: [XMLAttribute], namespaces: [String]) -> Bool {
        switch (uri, name) {
        case (_, "rss"):
            family = .rss
            if let uri { rssNamespaces.insert(uri) }
            let version = attributes.first { $0.uri == nil && $0.name == "version" }?.value
                .trimmingCharacters(in: .whitespaces)
            switch version {
            case "0.91": format = .rss091
            case "0.92": format = .rss092
            case "0.93": format = .rss093
            case "0.94": format = .rss094
            case "0.90", "0.9": format = .rss090
            case nil:
                format = .rss20
                warnings.append("<rss> has no version attribute; read as RSS 2.0")
            default: format = .rss20
            }
        case (NS.rdf, "RDF"):
            family = .rdf
            format = namespaces.contains(NS.rss090) && !namespaces.contains(NS.rss10) ? .rss090 : .rss10
        case (NS.atom10, "feed"), (NS.atom03, "feed"), (nil, "feed"):
            family = .atom
            format = uri == NS.atom03 ? .atom03 : .atom10
            if uri == nil { warnings.append("<feed> has no Atom namespace; read as Atom 1.0") }
            channelDepth = 1
            if let lang = attributes.first(where: { $0.uri == NS.xml && $0.name == "lang" })?.value, !lang.isEmpty {
                meta.language = lang
            }
        default:
            rejectedRoot = name
            return false
        }
        return true
    }

    // MARK: fields

    private func begin(_ field: XMLField, _ depth: Int, _ mode: TextCapture.Mode) {
        capture = TextCapture(field: field, depth: depth, mode: mode)
    }

    private var currentBase: URL? { stack.last?.base ?? baseURL }

    private func attr(_ attributes: [XMLAttribute], _ name: String) -> String? {
        attributes.first { $0.uri == nil && $0.name == name }?.value
    }

    private func channelField(_ uri: String?, _ name: String, _ attrs: [XMLAttribute], _ depth: Int) {
        if isRSS(uri) && family != .atom {
            switch name {
            case "title": begin(.feedTitle, depth, .html); return
            case "link": begin(.feedLink, depth, .plain); return
            case "description": begin(.feedDescription, depth, .html); return
            case "language": begin(.feedLanguage, depth, .plain); return
            case "lastBuildDate", "pubDate": begin(.feedUpdated, depth, .plain); return
            case "managingEditor": begin(.feedRSSAuthor, depth, .plain); return
            case "webMaster": begin(.feedAuthorEmail, depth, .plain); return
            case "ttl": begin(.feedTTL, depth, .plain); return
            default: break  // perhaps a module's element, when its namespace is the document's default
            }
        }
        if isAtom(uri) {
            switch name {
            case "title": begin(.feedTitle, depth, textMode(attrs))
            case "subtitle", "tagline": begin(.feedDescription, depth, textMode(attrs))
            case "updated", "modified": begin(.feedUpdated, depth, .plain)
            case "link":
                let rel = attr(attrs, "rel") ?? "alternate"
                let html = FeedFieldValues.isHTMLType(attr(attrs, "type"))
                if rel == "alternate", meta.link == nil || (html && !feedLinkIsHTML), let href = attr(attrs, "href") {
                    meta.link = LinkResolver.resolve(href, against: currentBase)
                    feedLinkIsHTML = html
                }
            default: break
            }
        } else if uri == NS.dc || uri == NS.dcterms {
            switch name {
            case "creator", "author": begin(.feedAuthor, depth, .plain)
            case "title": begin(.feedTitleFallback, depth, .html)
            case "description": begin(.feedDescriptionFallback, depth, .html)
            case "date": begin(.feedUpdatedFallback(rank: 0), depth, .plain)
            case "modified": begin(.feedUpdatedFallback(rank: 1), depth, .plain)
            case "issued": begin(.feedUpdatedFallback(rank: 2), depth, .plain)
            case "created": begin(.feedUpdatedFallback(rank: 3), depth, .plain)
            case "language": begin(.feedLanguage, depth, .plain)
            default: break
            }
        } else if uri == NS.itunes, name == "author" {
            begin(.feedAuthor, depth, .plain)
        } else if uri == NS.syndication {
            if name == "updatePeriod" { begin(.feedUpdatePeriod, depth, .plain) }
            if name == "updateFrequency" { begin(.feedUpdateFrequency, depth, .plain) }
        }
    }

    private func itemField(_ uri: String?, _ name: String, _ attrs: [XMLAttribute], _ depth: Int) {
        if isRSS(uri) && family != .atom && rssItemField(name, attrs, depth) { return }
        if isAtom(uri) {
            switch name {
            case "title": begin(.title, depth, textMode(attrs))
            case "id": begin(.guid, depth, .plain)
            case "published", "issued": begin(.published, depth, .plain)
            case "created": begin(.publishedFallback, depth, .plain)  // Atom 0.3: issued is the publication date
            case "updated", "modified": begin(.updated, depth, .plain)
            case "summary": begin(.summary, depth, textMode(attrs))
            case "content":
                if let src = attr(attrs, "src") {
                    if item?.link == nil { item?.link = LinkResolver.resolve(src, against: currentBase) }
                } else {
                    begin(.content, depth, textMode(attrs))
                }
            case "link": atomLink(attrs)
            case "category":
                if let c = (attr(attrs, "label") ?? attr(attrs, "term")).map(PlainText.collapse), !c.isEmpty {
                    item?.categories.append(c)
                }
            default: break
            }
        } else if uri == NS.content, name == "encoded" {
            begin(.content, depth, .html)
        } else if uri == NS.xhtml, name == "body" {
            begin(.content, depth, .xhtml)
        } else if uri == NS.dc || uri == NS.dcterms {
            switch name {
            case "creator", "author": begin(.author, depth, .plain)
            case "title": begin(.titleFallback, depth, .html)
            case "description": begin(.summaryFallback, depth, .html)
            case "date", "created", "issued": begin(.publishedFallback, depth, .plain)
            case "modified": begin(.updated, depth, .plain)
            case "subject": begin(.category, depth, .plain)
            default: break
            }
        } else if uri == NS.media {
            switch name {
            case "content":
                if let url = attr(attrs, "url") {
                    item?.addEnclosure(FeedEnclosure(url: LinkResolver.resolve(url, against: currentBase),
                                                     type: attr(attrs, "type").flatMap(nonEmpty),
                                                     length: length(attr(attrs, "fileSize"))))
                }
            case "thumbnail":
                if let url = attr(attrs, "url") { item?.images.append(LinkResolver.resolve(url, against: currentBase)) }
            case "description":
                begin(.mediaDescription, depth, attr(attrs, "type") == "html" ? .html : .plain)
            default: break
            }
        } else if uri == NS.itunes {
            switch name {
            case "author": begin(.fallbackAuthor, depth, .plain)
            case "image":
                if let href = attr(attrs, "href") { item?.images.append(LinkResolver.resolve(href, against: currentBase)) }
            case "summary": begin(.mediaDescription, depth, .plain)
            default: break
            }
        }
    }

    /// An RSS core element of an item; false when `name` is none (a module's element may share
    /// the namespace when the document declares the module as its default).
    private func rssItemField(_ name: String, _ attrs: [XMLAttribute], _ depth: Int) -> Bool {
        switch name {
        case "title": begin(.title, depth, .html)
        case "link": begin(.link, depth, .plain)
        case "description":
            // RSS 0.93/0.94 let a description say type="text/plain"; otherwise it is HTML.
            let plainText = attr(attrs, "type").map { $0.lowercased().hasPrefix("text/plain") } ?? false
            begin(.summary, depth, plainText ? .plain : .html)
        case "fullitem", "body":
            // Early full-content elements (RSS 0.9x `fullitem`, an unprefixed `body`): the body as HTML.
            begin(.content, depth, .html)
        case "guid":
            let permaLink = attr(attrs, "isPermaLink")?.trimmingCharacters(in: .whitespaces).lowercased()
            item?.guidIsPermaLink = permaLink != "false"
            item?.guidSaysPermaLink = permaLink == "true"
            begin(.guid, depth, .plain)
        case "pubDate": begin(.published, depth, .plain)
        case "author": begin(.rssAuthor, depth, .plain)
        case "category": begin(.category, depth, .html)
        case "enclosure":
            if let url = attr(attrs, "url") {
                item?.addEnclosure(FeedEnclosure(url: LinkResolver.resolve(url, against: currentBase),
                                                 type: attr(attrs, "type").flatMap(nonEmpty),
                                                 length: length(attr(attrs, "length"))))
            }
        default: return false
        }
        return true
    }

    private func atomLink(_ attrs: [XMLAttribute]) {
        guard let href = attr(attrs, "href") else { return }
        let url = LinkResolver.resolve(href, against: currentBase)
        switch attr(attrs, "rel") ?? "alternate" {
        case "alternate":
            // The first alternate that is a web page wins over an earlier PDF or feed link.
            let html = FeedFieldValues.isHTMLType(attr(attrs, "type"))
            if item?.link == nil || (html && item?.linkIsHTML == false) { item?.link = url; item?.linkIsHTML = html }
        case "enclosure":
            item?.addEnclosure(FeedEnclosure(url: url, type: attr(attrs, "type").flatMap(nonEmpty),
                                             length: length(attr(attrs, "length"))))
        default:
            break  // self, related, replies, via: not the article itself
        }
    }

    /// Atom 1.0 `type` (text/html/xhtml) or Atom 0.3 `type` (a MIME type) plus `mode`.
    private func textMode(_ attrs: [XMLAttribute]) -> TextCapture.Mode {
        let type = (attr(attrs, "type") ?? "text").lowercased()
        let html = type.contains("html")
        switch attr(attrs, "mode")?.lowercased() {
        case "escaped": return html ? .html : .plain
        case "base64": return .base64(html: html)
        default: break
        }
        switch type {
        case "html", "text/html": return .html
        case "xhtml", "application/xhtml+xml": return .xhtml
        default: return .plain
        }
    }

    private func finishCapture(_ cap: TextCapture) {
        let raw = cap.value
        switch cap.field {
        case .feedTitle: meta.title = meta.title ?? nonEmpty(plain(raw, cap.mode))
        case .feedLink:
            if meta.link == nil { meta.link = nonEmpty(LinkResolver.resolve(raw, against: currentBase)); feedLinkIsHTML = true }
        case .feedDescription: meta.description = meta.description ?? nonEmpty(plain(raw, cap.mode))
        case .feedLanguage: meta.language = meta.language ?? nonEmpty(raw)
        case .feedUpdated: meta.updated = meta.updated ?? date(raw)
        case .feedAuthor: meta.author = meta.author ?? nonEmpty(PlainText.collapse(raw))
        case .feedRSSAuthor: meta.author = meta.author ?? nonEmpty(FeedFieldValues.rssAuthor(raw))
        case .feedTTL: meta.ttlMinutes = meta.ttlMinutes ?? Int(raw.trimmingCharacters(in: .whitespacesAndNewlines))
        case .feedUpdatePeriod: meta.updatePeriod = meta.updatePeriod ?? nonEmpty(raw.trimmingCharacters(in: .whitespacesAndNewlines))
        case .feedUpdateFrequency:
            meta.updateFrequency = meta.updateFrequency ?? Int(raw.trimmingCharacters(in: .whitespacesAndNewlines))
        case .feedAuthorEmail: feedAuthorFallback = feedAuthorFallback ?? nonEmpty(FeedFieldValues.rssAuthor(raw))
        case .feedTitleFallback: feedTitleFallback = feedTitleFallback ?? nonEmpty(plain(raw, cap.mode))
        case .feedDescriptionFallback: feedDescriptionFallback = feedDescriptionFallback ?? nonEmpty(plain(raw, cap.mode))
        case .feedUpdatedFallback(let rank):
            if let when = date(raw), rank < feedUpdatedFallback?.rank ?? Int.max { feedUpdatedFallback = (rank, when) }
        default:
            guard var d = item else { return }
            applyItem(cap, raw, &d)
            item = d
        }
    }

    private func applyItem(_ cap: TextCapture, _ raw: String, _ d: inout ItemDraft) {
        switch cap.field {
        case .title: d.title = d.title ?? nonEmpty(plain(raw, cap.mode))
        case .link:
            if d.link == nil { d.link = nonEmpty(LinkResolver.resolve(raw, against: currentBase)); d.linkIsHTML = true }
        case .guid: d.setGuid(raw, base: currentBase)
        case .summary:
            if d.summary == nil, let s = nonEmpty(raw) { d.summary = body(s, cap); d.summaryType = cap.contentType }
        case .content:
            if d.content == nil, let s = nonEmpty(raw) { d.content = body(s, cap); d.contentType = cap.contentType }
        case .published: if let when = date(raw) { d.published = when }
        case .publishedFallback: if d.published == nil { d.published = date(raw) }
        case .updated: d.updated = d.updated ?? date(raw)
        case .author: d.author = d.author ?? nonEmpty(PlainText.collapse(raw))
        case .rssAuthor: d.author = d.author ?? nonEmpty(FeedFieldValues.rssAuthor(raw))
        case .fallbackAuthor: d.fallbackAuthor = d.fallbackAuthor ?? nonEmpty(PlainText.collapse(raw))
        case .authorEmail: d.authorEmail = d.authorEmail ?? nonEmpty(PlainText.collapse(raw))
        case .sourceAuthor: d.sourceAuthor = d.sourceAuthor ?? nonEmpty(PlainText.collapse(raw))
        case .titleFallback: d.titleFallback = d.titleFallback ?? nonEmpty(plain(raw, cap.mode))
        case .summaryFallback:
            if d.summaryFallback == nil, let s = nonEmpty(raw) { d.summaryFallback = body(s, cap); d.summaryFallbackType = cap.contentType }
        case .category: if let c = nonEmpty(plain(raw, cap.mode)) { d.categories.append(c) }
        case .mediaDescription:
            d.mediaDescription = d.mediaDescription ?? nonEmpty(cap.mode == .html ? raw : PlainText.escape(raw))
        default: break
        }
    }

    /// Escaped HTML bodies get their relative links resolved (inline XHTML was resolved while captured).
    private func body(_ s: String, _ cap: TextCapture) -> String {
        cap.mode == .html || cap.mode == .base64(html: true) ? LinkResolver.resolveInHTML(s, against: currentBase) : s
    }

    private func plain(_ s: String, _ mode: TextCapture.Mode) -> String {
        mode == .plain ? PlainText.collapse(s) : PlainText.fromHTML(s)
    }

    private func date(_ s: String) -> Date? {
        guard !s.isEmpty else { return nil }
        if let d = FeedDate.parse(s) { return d }
        if warnings.count < 100 { warnings.append("unparseable date \"\(s.prefix(60))\"") }
        return nil
    }

    private func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }

    private func length(_ raw: String?) -> Int64? {
        FeedFieldValues.length(raw) { if warnings.count < 100 { warnings.append($0) } }
    }
}
