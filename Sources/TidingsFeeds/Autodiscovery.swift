import CLibXML2
import Foundation
import TidingsText

/// A feed a web page points at with `<link rel="alternate" type="…" href="…">`.
public struct DiscoveredFeed: Sendable, Equatable {
    public var url: URL
    public var title: String?
    public var type: String
    public init(url: URL, title: String?, type: String) { self.url = url; self.title = title; self.type = type }
}

/// Feed autodiscovery (the RSS Advisory Board's and WHATWG's `rel=alternate` convention) on an
/// HTML page: links with an RSS, Atom or JSON Feed type, resolved against `<base>` and the page
/// URL, in document order. Reads only the markup, never the network.
public enum Autodiscovery {
    static let feedTypes: Set<String> = [
        "application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml",
        "application/json", "application/x.atom+xml", "application/x-atom+xml", "text/xml", "application/xml",
    ]

    /// True when the bytes look like an HTML page rather than a feed (used to tell the two apart).
    public static func looksLikeHTML(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(2048), as: UTF8.self).lowercased()
        return head.contains("<!doctype html") || head.contains("<html") || head.contains("<head") || head.contains("<body")
    }

    public static func feeds(in html: Data, pageURL: URL) -> [DiscoveredFeed] {
        let collector = LinkCollector()
        HTMLSAX.run(Array(html.prefix(4 << 20)), utf8: false, userData: Unmanaged.passUnretained(collector).toOpaque()) { handler in
            handler.startElement = { ctx, name, atts in
                guard let ctx, let name else { return }
                Unmanaged<LinkCollector>.fromOpaque(ctx).takeUnretainedValue()
                    .start(String(cString: name).lowercased(), HTMLSAX.attributes(atts))
            }
        }
        let base = collector.base.flatMap { URL(string: $0, relativeTo: pageURL)?.absoluteURL } ?? pageURL
        var seen = Set<String>()
        return withExtendedLifetime(collector) {
            collector.links.compactMap { link -> DiscoveredFeed? in
                guard let url = URL(string: link.href.trimmingCharacters(in: .whitespacesAndNewlines), relativeTo: base)?.absoluteURL,
                      let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
                      seen.insert(url.absoluteString).inserted else { return nil }
                return DiscoveredFeed(url: url, title: link.title, type: link.type)
            }
        }
    }

    private final class LinkCollector {
        struct Link { var href: String; var title: String?; var type: String }
        var base: String?
        var links: [Link] = []

        func start(_ name: String, _ attrs: [String: String]) {
            if name == "base", base == nil, let href = attrs["href"], !href.isEmpty { base = href }
            guard name == "link" || name == "a", links.count < 100 else { return }
            let rel = (attrs["rel"] ?? "").lowercased().split(whereSeparator: \.isWhitespace)
            let type = (attrs["type"] ?? "").lowercased().split(separator: ";").first.map {
                $0.trimmingCharacters(in: .whitespaces)
            } ?? ""
            guard rel.contains("alternate"), Autodiscovery.feedTypes.contains(type),
                  let href = attrs["href"], !href.isEmpty else { return }
            // `application/json` and plain XML types only count on a <link>, where the rel says "feed".
            if name == "a" && !type.contains("rss") && !type.contains("atom") && !type.contains("feed") { return }
            links.append(Link(href: href, title: attrs["title"].flatMap { $0.isEmpty ? nil : $0 }, type: type))
        }
    }
}
