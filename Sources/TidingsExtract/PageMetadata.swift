/// What the page says about its article, from the strongest source down: JSON-LD, then
/// Dublin Core / Open Graph / Twitter / Parse.ly `<meta>` tags, then `<title>` and `<h1>`.
struct PageMetadata: Equatable {
    var title: String?
    var byline: String?
    var excerpt: String?
    var siteName: String?
    var published: String?
    var lang: String?

    static func read(_ document: Node) -> PageMetadata {
        let pageTitle = TitleText.fromDocument(document)
        let ld = JSONLDMetadata.read(document: document, pageTitle: pageTitle)
        let meta = MetaTags(document: document)
        func first(_ values: String?...) -> String? {
            for v in values {
                if let v = v.map({ TextMeasure.normalize(Entities.decode($0)) }), !v.isEmpty { return v }
            }
            return nil
        }
        var m = PageMetadata()
        m.title = first(ld?.title, meta["dc:title"], meta["dcterm:title"], meta["og:title"], meta["weibo:article:title"],
                        meta["weibo:webpage:title"], meta["title"], meta["twitter:title"], meta["parsely-title"])
            ?? first(pageTitle)
        // `article:author` is often a profile URL, which is no name.
        let articleAuthor = meta["article:author"].flatMap { $0.contains("://") ? nil : $0 }
        m.byline = first(ld?.byline, meta["dc:creator"], meta["dcterm:creator"], meta["author"], meta["parsely-author"], articleAuthor)
        m.excerpt = first(ld?.excerpt, meta["dc:description"], meta["dcterm:description"], meta["og:description"],
                          meta["weibo:article:description"], meta["weibo:webpage:description"], meta["description"],
                          meta["twitter:description"])
        m.siteName = first(ld?.siteName, meta["og:site_name"])
        m.published = first(ld?.published, meta["article:published_time"], meta["parsely-pub-date"])
        m.lang = first(document.name == "html" ? document.attribute("lang") : nil)
        return m
    }
}
