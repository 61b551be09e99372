import Foundation
import TidingsCore

/// One HTML file as an article: title from `<title>` or the first `<h1>`, body = the file.
enum HTMLArticle {
    static func parse(_ html: String, fileName: String) -> FeedItem {
        let title = (element("title", in: html) ?? element("h1", in: html)).map(PlainText.fromHTML).flatMap { $0.isEmpty ? nil : $0 }
        let meta = metaTags(in: html)
        let published = publishedDate(meta: meta, html: html)
        let link = (meta["og:url"] ?? canonical(in: html)).flatMap { URL(string: $0)?.scheme?.hasPrefix("http") == true ? $0 : nil }
        let author = (meta["author"] ?? meta["article:author"]).map(PlainText.fromHTML).flatMap { $0.isEmpty ? nil : $0 }
        return FeedItem(id: fileName, title: title, link: link, author: author, published: published,
                        content: html, contentType: .html)
    }

    /// The publication date from, in order: `article:published_time`, `date`/`dc.date`/`pubdate`
    /// meta tags, then the first `<time datetime=…>`.
    static func publishedDate(meta: [String: String], html: String) -> Date? {
        for key in ["article:published_time", "dc.date", "dcterms.created", "date", "pubdate", "dc.date.issued"] {
            if let v = meta[key], let d = FeedDate.parse(v) { return d }
        }
        for tag in tags("time", in: html) {
            if let v = attribute("datetime", in: tag), let d = FeedDate.parse(v) { return d }
        }
        return nil
    }

    /// `name` or `property` (lower-cased) → `content` of the `<meta>` tags; the first of each wins.
    static func metaTags(in html: String) -> [String: String] {
        var out: [String: String] = [:]
        for tag in tags("meta", in: html) {
            guard let key = (attribute("property", in: tag) ?? attribute("name", in: tag) ?? attribute("itemprop", in: tag))?.lowercased(),
                  let content = attribute("content", in: tag) else { continue }
            if out[key] == nil { out[key] = PlainText.decodeEntities(content) }
        }
        return out
    }

    private static func canonical(in html: String) -> String? {
        tags("link", in: html).first { attribute("rel", in: $0)?.lowercased() == "canonical" }.flatMap { attribute("href", in: $0) }
    }

    /// The text of each `<name …>` start tag (up to its `>`), at most 200 of them.
    static func tags(_ name: String, in html: String) -> [Substring] {
        var found: [Substring] = []
        var rest = html[...]
        while found.count < 200, let open = rest.range(of: "<" + name, options: .caseInsensitive) {
            let after = rest[open.upperBound...]
            guard let next = after.first else { break }
            guard next == " " || next == "\t" || next == "\n" || next == "\r" || next == ">" || next == "/" else {
                rest = after
                continue
            }
            guard let gt = after.firstIndex(of: ">") else { break }
            found.append(after[..<gt])
            rest = after[after.index(after: gt)...]
        }
        return found
    }

    /// The value of `name="…"`, `name='…'` or `name=bare` inside one start tag.
    static func attribute(_ name: String, in tag: Substring) -> String? {
        var search = tag[...]
        while let r = search.range(of: name, options: .caseInsensitive) {
            let before = r.lowerBound == tag.startIndex ? " " : tag[tag.index(before: r.lowerBound)]
            var i = r.upperBound
            search = tag[r.upperBound...]
            guard before == " " || before == "\t" || before == "\n" else { continue }
            while i < tag.endIndex, tag[i] == " " { i = tag.index(after: i) }
            guard i < tag.endIndex, tag[i] == "=" else { continue }
            i = tag.index(after: i)
            while i < tag.endIndex, tag[i] == " " { i = tag.index(after: i) }
            guard i < tag.endIndex else { return nil }
            let quote = tag[i]
            if quote == "\"" || quote == "'" {
                let start = tag.index(after: i)
                let end = tag[start...].firstIndex(of: quote) ?? tag.endIndex
                return String(tag[start..<end])
            }
            let end = tag[i...].firstIndex { $0 == " " || $0 == "\t" || $0 == "/" } ?? tag.endIndex
            return String(tag[i..<end])
        }
        return nil
    }

    /// Inner markup of the first `<name …>…</name>`, matched case-insensitively.
    static func element(_ name: String, in html: String) -> String? {
        let lower = html.lowercased()
        guard lower.utf8.count == html.utf8.count else { return elementSlow(name, in: html) }
        var search = lower.startIndex
        while let open = lower.range(of: "<" + name, range: search..<lower.endIndex) {
            guard open.upperBound < lower.endIndex else { return nil }
            let next = lower[open.upperBound]
            if next == ">" || next == " " || next == "\t" || next == "\n" {
                guard let gt = lower[open.upperBound...].firstIndex(of: ">"),
                      let close = lower.range(of: "</" + name, range: gt..<lower.endIndex) else { return nil }
                let u = html.utf8
                let from = u.index(u.startIndex, offsetBy: lower.utf8.distance(from: lower.startIndex, to: gt) + 1)
                let to = u.index(u.startIndex, offsetBy: lower.utf8.distance(from: lower.startIndex, to: close.lowerBound))
                return String(html[from..<to])
            }
            search = open.upperBound
        }
        return nil
    }

    /// Lowercasing changed byte lengths (rare scripts): fall back to a case-sensitive search.
    private static func elementSlow(_ name: String, in html: String) -> String? {
        guard let open = html.range(of: "<" + name + ">") ?? html.range(of: "<" + name.uppercased() + ">"),
              let close = html.range(of: "</" + name, options: .caseInsensitive, range: open.upperBound..<html.endIndex)
        else { return nil }
        return String(html[open.upperBound..<close.lowerBound])
    }
}
