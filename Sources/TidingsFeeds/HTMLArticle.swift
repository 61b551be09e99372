import Foundation
import TidingsCore

/// One HTML file as an article: title from `<title>` or the first `<h1>`, body = the file.
enum HTMLArticle {
    static func parse(_ html: String, fileName: String) -> FeedItem {
        let title = (element("title", in: html) ?? element("h1", in: html)).map(PlainText.fromHTML).flatMap { $0.isEmpty ? nil : $0 }
        return FeedItem(id: fileName, title: title, content: html, contentType: .html)
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
