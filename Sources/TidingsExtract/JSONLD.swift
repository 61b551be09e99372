import Foundation

/// Article metadata from a schema.org JSON-LD block (`<script type="application/ld+json">`).
struct JSONLDMetadata: Equatable {
    var title: String?
    var byline: String?
    var excerpt: String?
    var siteName: String?
    var published: String?

    /// schema.org types that describe an article.
    static let articleTypes: Set<String> = [
        "Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle", "AskPublicNewsArticle",
        "BackgroundNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle", "Report",
        "SatiricalArticle", "ScholarlyArticle", "MedicalScholarlyArticle", "SocialMediaPosting", "BlogPosting",
        "LiveBlogPosting", "DiscussionForumPosting", "TechArticle", "APIReference",
    ]

    /// Scripts larger than this are not metadata.
    static let maxScriptBytes = 1 << 20

    /// The first article object found in the page's JSON-LD scripts; `pageTitle` breaks a tie
    /// between `name` and `headline`.
    static func read(document: Node, pageTitle: String) -> JSONLDMetadata? {
        for script in document.descendants(named: ["script"]) {
            var text = script.textContent.trimmingSpaces
            if text.hasPrefix("<![CDATA[") { text = String(text.dropFirst(9)) }
            if text.hasSuffix("]]>") { text = String(text.dropLast(3)) }
            guard !text.isEmpty, text.utf8.count <= maxScriptBytes,
                  let json = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]),
                  let article = findArticle(json) else { continue }
            return metadata(article, pageTitle: pageTitle)
        }
        return nil
    }

    private static func isSchemaOrg(_ context: Any?) -> Bool {
        func matches(_ s: String) -> Bool {
            let l = s.lowercased()
            return l == "http://schema.org" || l == "https://schema.org" || l == "http://schema.org/" || l == "https://schema.org/"
        }
        if let s = context as? String { return matches(s) }
        if let d = context as? [String: Any], let vocab = d["@vocab"] as? String { return matches(vocab) }
        return false
    }

    private static func isArticle(_ object: [String: Any]) -> Bool {
        if let t = object["@type"] as? String { return articleTypes.contains(t) }
        if let ts = object["@type"] as? [Any] { return ts.contains { ($0 as? String).map(articleTypes.contains) ?? false } }
        return false
    }

    private static func findArticle(_ json: Any) -> [String: Any]? {
        if let list = json as? [Any] {
            for item in list {
                if let d = item as? [String: Any], isArticle(d), isSchemaOrg(d["@context"]) { return d }
            }
            return nil
        }
        guard let d = json as? [String: Any], isSchemaOrg(d["@context"]) else { return nil }
        if d["@type"] == nil, let graph = d["@graph"] as? [Any] {
            for item in graph {
                if let g = item as? [String: Any], isArticle(g) { return g }
            }
            return nil
        }
        return isArticle(d) ? d : nil
    }

    private static func metadata(_ d: [String: Any], pageTitle: String) -> JSONLDMetadata {
        var m = JSONLDMetadata()
        let name = (d["name"] as? String)?.trimmingSpaces
        let headline = (d["headline"] as? String)?.trimmingSpaces
        if let name, let headline, name != headline {
            // Sites put the page title in one and a teaser in the other: keep the one like the page's title.
            let nameMatches = TitleText.similarity(name, pageTitle) > 0.75
            let headlineMatches = TitleText.similarity(headline, pageTitle) > 0.75
            m.title = headlineMatches && !nameMatches ? headline : name
        } else {
            m.title = name ?? headline
        }
        if let author = d["author"] as? [String: Any], let n = author["name"] as? String {
            m.byline = n.trimmingSpaces
        } else if let authors = d["author"] as? [Any] {
            let names = authors.compactMap { ($0 as? [String: Any])?["name"] as? String }.map(\.trimmingSpaces).filter { !$0.isEmpty }
            if !names.isEmpty { m.byline = names.joined(separator: ", ") }
        }
        m.excerpt = (d["description"] as? String)?.trimmingSpaces
        if let publisher = d["publisher"] as? [String: Any], let n = publisher["name"] as? String { m.siteName = n.trimmingSpaces }
        m.published = (d["datePublished"] as? String)?.trimmingSpaces
        for key in [\JSONLDMetadata.title, \.byline, \.excerpt, \.siteName, \.published] where m[keyPath: key]?.isEmpty == true {
            m[keyPath: key] = nil
        }
        return m
    }
}
