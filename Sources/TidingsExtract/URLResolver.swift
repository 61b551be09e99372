import Foundation

/// Makes link and image addresses absolute against the page URL, or the page's `<base href>`.
struct URLResolver {
    let page: URL?
    let base: URL?

    init(pageURL: String?, document: Node) {
        page = pageURL.flatMap { URL(string: $0.trimmingSpaces) }
        let href = document.descendants(named: ["base"]).lazy.compactMap { $0.attribute("href") }.first
        if let href, let resolved = Self.resolve(href, against: page) {
            base = URL(string: resolved)
        } else {
            base = page
        }
    }

    /// The absolute address, the href itself when it cannot be resolved, or nil for `javascript:`.
    func resolve(_ href: String) -> String? {
        let trimmed = href.trimmingSpaces
        if trimmed.lowercased().hasPrefix("javascript:") { return nil }
        // An in-page anchor stays an anchor while the base is the page itself.
        if trimmed.hasPrefix("#"), base == page { return trimmed }
        return Self.resolve(trimmed, against: base) ?? trimmed
    }

    static func resolve(_ href: String, against base: URL?) -> String? {
        let trimmed = href.trimmingSpaces
        let raw = trimmed.has(" ") ? trimmed.replacingOccurrences(of: " ", with: "%20") : trimmed
        guard !raw.isEmpty, raw.utf8.count <= 8192 else { return nil }
        if let absolute = URL(string: raw), absolute.scheme != nil { return absolute.absoluteString }
        guard let base, let url = URL(string: raw, relativeTo: base) else { return nil }
        return url.absoluteURL.absoluteString
    }
}
