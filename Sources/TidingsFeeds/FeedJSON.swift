import Foundation
import TidingsCore

/// Writes a `FeedDocument` as the `tidings parse --json` shape: fixed key order, every key
/// present, `null` where unknown, dates as ISO 8601 UTC with whole seconds.
public enum FeedJSON {
    /// The document as one line of JSON.
    public static func encode(_ doc: FeedDocument) -> String {
        var w = Writer()
        w.raw("{\"format\": "); w.string(doc.format.rawValue)
        w.raw(", \"feed\": {")
        let f = doc.feed
        w.key("title", first: true); w.string(f.title)
        w.key("link"); w.string(f.link)
        w.key("description"); w.string(f.description)
        w.key("language"); w.string(f.language)
        w.key("updated"); w.date(f.updated)
        w.key("author"); w.string(f.author)
        w.raw("}, \"items\": [")
        for (n, item) in doc.items.enumerated() {
            if n > 0 { w.raw(", ") }
            w.item(item)
        }
        w.raw("], \"warnings\": [")
        for (n, warning) in doc.warnings.enumerated() {
            if n > 0 { w.raw(", ") }
            w.string(warning)
        }
        w.raw("]}")
        return w.out
    }

    /// `2021-12-02T10:00:00Z`; fractions of a second are dropped (floor), as the shape has none.
    public static func isoUTC(_ date: Date) -> String {
        let secs = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400
        let rem = secs - days * 86400
        let (y, month, day) = FeedDate.civil(Int(days))
        let (m, d) = (Int64(month), Int64(day))
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let year = String(y)
        let paddedYear = String(repeating: "0", count: max(0, 4 - year.count)) + year
        return "\(paddedYear)-\(two(m))-\(two(d))T\(two(rem / 3600)):\(two(rem / 60 % 60)):\(two(rem % 60))Z"
    }

    private struct Writer {
        var out = ""

        mutating func raw(_ s: String) { out += s }

        mutating func key(_ k: String, first: Bool = false) {
            out += first ? "\"\(k)\": " : ", \"\(k)\": "
        }

        mutating func date(_ d: Date?) {
            guard let d else { out += "null"; return }
            out += "\"\(FeedJSON.isoUTC(d))\""
        }

        mutating func string(_ s: String?) {
            guard let s else { out += "null"; return }
            out += "\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{2028}": out += "\\u2028"
                case "\u{2029}": out += "\\u2029"
                default:
                    if u.value < 0x20 {
                        let hex = String(u.value, radix: 16)
                        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        out.unicodeScalars.append(u)
                    }
                }
            }
            out += "\""
        }

        mutating func item(_ i: FeedItem) {
            out += "{"
            key("id", first: true); string(i.id)
            key("title"); string(i.title)
            key("link"); string(i.link)
            key("author"); string(i.author)
            key("published"); date(i.published)
            key("updated"); date(i.updated)
            key("summary"); string(i.summary)
            key("content"); string(i.content)
            key("contentType"); string(i.contentType?.rawValue)
            key("categories"); out += "["
            for (n, c) in i.categories.enumerated() {
                if n > 0 { out += ", " }
                string(c)
            }
            out += "]"
            key("enclosures"); out += "["
            for (n, e) in i.enclosures.enumerated() {
                if n > 0 { out += ", " }
                out += "{"
                key("url", first: true); string(e.url)
                key("type"); string(e.type)
                key("length"); out += e.length.map { String($0) } ?? "null"
                out += "}"
            }
            out += "]}"
        }
    }
}
