/// What class names, ids and roles say about an element. Plain substring tests on the lower-cased
/// `class` + `id`: faster than regular expressions and the same for these word lists.
enum Hints {
    /// Page furniture that is almost never the article.
    static let unlikely = ["-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap",
                           "disqus", "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark",
                           "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental",
                           "ad-break", "agegate", "pagination", "pager", "popup", "yom-remote"]
    /// Words that rescue an unlikely-looking element ("main-header-and-content").
    static let maybe = ["and", "article", "body", "column", "content", "main", "mathjax", "shadow"]
    static let positive = ["article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination",
                           "post", "text", "blog", "story"]
    static let negative = ["-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr",
                           "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox",
                           "sidebar", "skyscraper", "sponsor", "shopping", "tags", "widget"]
    static let byline = ["byline", "author", "dateline", "writtenby", "p-author"]
    static let unlikelyRoles: Set<String> = ["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"]

    static func any(_ words: [String], in s: String) -> Bool {
        guard !s.isEmpty else { return false }
        let hay = Array(s.utf8)
        for w in words where contains(hay, w) { return true }
        return false
    }

    /// Substring search on UTF-8 bytes (Foundation's `contains` is far slower on Linux, and this runs per element).
    static func contains(_ hay: [UInt8], _ word: String) -> Bool {
        let needle = Array(word.utf8)
        guard !needle.isEmpty, needle.count <= hay.count else { return needle.isEmpty }
        let first = needle[0]
        var i = 0
        let last = hay.count - needle.count
        while i <= last {
            if hay[i] == first {
                var k = 1
                while k < needle.count && hay[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    static func isUnlikely(_ matchString: String) -> Bool {
        any(unlikely, in: matchString) && !any(maybe, in: matchString)
    }

    static func isNegative(_ s: String) -> Bool {
        if any(negative, in: s) { return true }
        // "hid" as a whole class token.
        return s.split(separator: " ").contains("hid")
    }

    static func isPositive(_ s: String) -> Bool { any(positive, in: s) }

    /// `share`, `sharedaddy` as a word of the class or id (bounded by non-letters or `_`).
    static func isShare(_ s: String) -> Bool {
        for token in s.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            if token == "share" || token == "sharedaddy" { return true }
        }
        return false
    }

    /// Host names of video players worth keeping as embeds.
    static let videoHosts = ["youtube.com", "youtube-nocookie.com", "player.vimeo.com", "dailymotion.com",
                             "youtu.be", "player.twitch.tv", "archive.org/embed", "upload.wikimedia.org", "v.qq.com",
                             "bilibili.com", "live.bilibili.com"]

    /// Text that is nothing but an ad label or a loading notice.
    static func isAdOrLoading(_ text: String) -> Bool {
        var t = text.lowercased()
        for suffix in ["…", "..."] where t.hasSuffix(suffix) { t = String(t.dropLast(suffix.count)); break }
        return ["ad", "advertising", "advertisement", "pub", "publicité", "werb", "werbung", "广告", "реклама", "anuncio",
                "loading", "正在加载", "загрузка", "chargement", "cargando"].contains(t)
    }
}

extension String {
    /// Byte-wise substring test; see `Hints.contains`.
    func has(_ word: String) -> Bool { Hints.contains(Array(utf8), word) }
}
