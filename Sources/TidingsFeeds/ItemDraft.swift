import Foundation
import TidingsCore

/// An item while its elements are still arriving; `finish` applies precedence and identity rules.
struct ItemDraft {
    var guid: String?
    var guidIsPermaLink = true
    var guidSaysPermaLink = false
    var guidLink: String?
    var about: String?
    var title: String?
    var link: String?
    /// Whether `link` came from an Atom alternate that is a web page (a later one may replace it otherwise).
    var linkIsHTML = false
    var author: String?
    var fallbackAuthor: String?
    var authorEmail: String?
    /// The author of an Atom entry's `source` feed, which applies when the entry names none (RFC 4287 §4.2.1).
    var sourceAuthor: String?
    /// Dublin Core `dc:title` / `dc:description`, for an item without `title` / `description`.
    var titleFallback: String?
    var summaryFallback: String?
    var summaryFallbackType: ContentType = .html
    var published: Date?
    var updated: Date?
    var summary: String?
    var summaryType: ContentType = .html
    var content: String?
    var contentType: ContentType = .html
    var mediaDescription: String?
    var categories: [String] = []
    var enclosures: [FeedEnclosure] = []
    var images: [String] = []

    var isEmpty: Bool {
        title == nil && titleFallback == nil && link == nil && guid == nil && summary == nil && summaryFallback == nil && content == nil
    }

    mutating func setGuid(_ raw: String, base: URL?) {
        guard guid == nil, !raw.isEmpty else { return }
        guid = raw
        // isPermaLink="true" vouches for a relative guid being the item's address.
        if guidSaysPermaLink { guidLink = LinkResolver.resolve(raw, against: base) }
    }

    mutating func addEnclosure(_ e: FeedEnclosure) {
        guard !e.url.isEmpty, !enclosures.contains(where: { $0.url == e.url }) else { return }
        enclosures.append(e)
    }

    func finish() -> FeedItem {
        let title = title ?? titleFallback
        let summaryType = summary == nil && summaryFallback != nil ? summaryFallbackType : summaryType
        var link = link
        if link == nil, guidIsPermaLink, let g = guid, g.hasPrefix("http://") || g.hasPrefix("https://") { link = g }
        if link == nil, let g = guidLink, g.hasPrefix("http://") || g.hasPrefix("https://") { link = g }
        let summary = summary ?? summaryFallback ?? mediaDescription
        var enclosures = enclosures
        for url in images where !enclosures.contains(where: { $0.url == url }) {
            enclosures.append(FeedEnclosure(url: url, type: Self.imageType(url)))
        }
        let body = content ?? summary
        let id = nonEmpty(guid) ?? nonEmpty(about)
            ?? ItemIdentity.fallback(link: link, title: title, published: published, body: body)
        var seen = Set<String>()
        let categories = categories.filter { !$0.isEmpty && seen.insert($0).inserted }
        return FeedItem(id: id, title: title, link: link, author: author ?? fallbackAuthor ?? authorEmail ?? sourceAuthor,
                        published: published, updated: updated, summary: summary, content: content,
                        contentType: body == nil ? nil : (content != nil ? contentType : summaryType),
                        categories: categories, enclosures: enclosures)
    }

    /// Thumbnails and cover art carry no MIME type in Media RSS or iTunes; the file extension tells,
    /// and a thumbnail is an image whatever its name, so an unknown extension still says so.
    static func imageType(_ url: String) -> String {
        let path = url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch ext {
        case "jpg", "jpeg", "jpe": return "image/jpeg"
        case "png": return "image/png"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "svg": return "image/svg+xml"
        case "avif": return "image/avif"
        default: return "image/*"
        }
    }

    private func nonEmpty(_ s: String?) -> String? {
        guard let s, !s.isEmpty else { return nil }
        return s
    }
}
