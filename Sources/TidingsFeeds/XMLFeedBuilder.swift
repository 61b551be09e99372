import Foundation
import TidingsCore

/// The event-driven state machine that maps RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 elements
/// (by namespace URI) onto a `FeedDocument`. RSS is RSS in any namespace or none: its elements
/// are matched by local name in no namespace, the RSS 0.9x/1.0 and UserLand ones, and whatever
/// namespace the `<rss>` root is in (some feeds declare a module's namespace as the default).
final class XMLFeedBuilder: XMLEventSink {
    enum Family { case rss, rdf, atom }
    struct Frame { var uri: String?; var name: String; var base: URL? }

    let baseURL: URL?
    let options: ParseOptions
    private(set) var format: FeedFormat?
    private(set) var rejectedRoot: String?
    var family: Family = .rss
    var meta = FeedMeta()
    var items: [FeedItem] = []
    private(set) var warnings: [String] = []
    var stack: [Frame] = []
    var channelDepth: Int?
    var item: ItemDraft?
    var itemDepth = 0
    var skippingItem = false
    var capture: TextCapture?
    var feedLinkIsHTML = false
    /// Used only when nothing better names the feed's author: Atom `email`, RSS `webMaster`.
    var feedAuthorFallback: String?
    /// Dublin Core stand-ins for a channel without `title`, `description` or a date.
    var feedTitleFallback: String?
    var feedDescriptionFallback: String?
    var feedUpdatedFallback: (rank: Int, date: Date)?
    /// Namespaces whose elements are RSS's own.
    var rssNamespaces: Set<String> = NS.rssVariants.union([NS.rss10, NS.rss090])

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

    var parentFrame: Frame? { stack.count >= 2 ? stack[stack.count - 2] : nil }

    func isRSS(_ uri: String?) -> Bool { uri.map { rssNamespaces.contains($0) } ?? true }
    func isAtom(_ uri: String?) -> Bool { uri == NS.atom10 || uri == NS.atom03 }

    func isItemElement(_ uri: String?, _ name: String) -> Bool {
        switch family {
        case .rss, .rdf: return name == "item" && isRSS(uri)
        case .atom: return name == "entry" && (isAtom(uri) || uri == nil)
        }
    }

    func root(uri: String?, name: String, attributes: [XMLAttribute], namespaces: [String]) -> Bool {
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

    func begin(_ field: XMLField, _ depth: Int, _ mode: TextCapture.Mode) {
        capture = TextCapture(field: field, depth: depth, mode: mode)
    }

    var currentBase: URL? { stack.last?.base ?? baseURL }

    func attr(_ attributes: [XMLAttribute], _ name: String) -> String? {
        attributes.first { $0.uri == nil && $0.name == name }?.value
    }

    func finishCapture(_ cap: TextCapture) {
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

    func applyItem(_ cap: TextCapture, _ raw: String, _ d: inout ItemDraft) {
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
    func body(_ s: String, _ cap: TextCapture) -> String {
        cap.mode == .html || cap.mode == .base64(html: true) ? LinkResolver.resolveInHTML(s, against: currentBase) : s
    }

    func plain(_ s: String, _ mode: TextCapture.Mode) -> String {
        mode == .plain ? PlainText.collapse(s) : PlainText.fromHTML(s)
    }

    func date(_ s: String) -> Date? {
        guard !s.isEmpty else { return nil }
        if let d = FeedDate.parse(s) { return d }
        if warnings.count < 100 { warnings.append("unparseable date \"\(s.prefix(60))\"") }
        return nil
    }

    func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }

    func length(_ raw: String?) -> Int64? {
        FeedFieldValues.length(raw) { if warnings.count < 100 { warnings.append($0) } }
    }
}
