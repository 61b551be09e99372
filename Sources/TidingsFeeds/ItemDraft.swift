import Foundation
import TidingsCore

/// An item while its elements are still arriving; `finish` applies precedence and identity rules.
struct ItemDraft {
    var guid: String?
    var guidIsPermaLink = true
    var about: String?
    var title: String?
    var link: String?
    var author: String?
    var fallbackAuthor: String?
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

    var isEmpty: Bool { title == nil && link == nil && guid == nil && summary == nil && content == nil }

    mutating func addEnclosure(_ e: FeedEnclosure) {
        guard !e.url.isEmpty, !enclosures.contains(where: { $0.url == e.url }) else { return }
        enclosures.append(e)
    }

    func finish() -> FeedItem {
        var link = link
        if link == nil, guidIsPermaLink, let g = guid, g.hasPrefix("http://") || g.hasPrefix("https://") { link = g }
        let summary = summary ?? mediaDescription
        var enclosures = enclosures
        for url in images where !enclosures.contains(where: { $0.url == url }) {
            enclosures.append(FeedEnclosure(url: url))
        }
        let body = content ?? summary
        let id = nonEmpty(guid) ?? nonEmpty(about)
            ?? ItemIdentity.fallback(link: link, title: title, published: published, body: body)
        var seen = Set<String>()
        let categories = categories.filter { !$0.isEmpty && seen.insert($0).inserted }
        return FeedItem(id: id, title: title, link: link, author: author ?? fallbackAuthor,
                        published: published, updated: updated, summary: summary, content: content,
                        contentType: body == nil ? nil : (content != nil ? contentType : summaryType),
                        categories: categories, enclosures: enclosures)
    }

    private func nonEmpty(_ s: String?) -> String? {
        guard let s, !s.isEmpty else { return nil }
        return s
    }
}
