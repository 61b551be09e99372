import Foundation

/// Writes OPML 2.0. Tags become nested folders in subscription order: consecutive feeds with
/// the same leading tags share folders, so the order of the list and of each feed's tags survive
/// a round trip. What OPML cannot say (hidden, filter scripts) goes in `tidings:` attributes;
/// saved searches are `query:` outlines, as newsboat reads them.
enum OPMLWriter {
    static func write(_ subscriptions: [Subscription], queries: [SavedQuery] = [], title: String, dateCreated: Date) -> String {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <opml version="2.0" xmlns:\(OPMLNames.prefix)="\(OPMLNames.namespace)">
          <head>
            <title>\(escape(title, attribute: false))</title>
            <dateCreated>\(rfc822(dateCreated))</dateCreated>
          </head>
          <body>

        """
        var open: [String] = []
        for s in subscriptions {
            var common = 0
            while common < open.count, common < s.tags.count, open[common] == s.tags[common] { common += 1 }
            while open.count > common {
                open.removeLast()
                out += indent(open.count) + "</outline>\n"
            }
            for tag in s.tags.dropFirst(common) {
                let t = escape(tag)
                out += indent(open.count) + "<outline text=\"\(t)\" title=\"\(t)\">\n"
                open.append(tag)
            }
            out += indent(open.count) + outline(s) + "\n"
        }
        while !open.isEmpty {
            open.removeLast()
            out += indent(open.count) + "</outline>\n"
        }
        // Saved searches as newsboat writes and reads them: the query: line verbatim as the URL.
        for q in queries {
            let name = escape(q.name)
            out += indent(0) + "<outline type=\"query\" text=\"\(name)\" title=\"\(name)\" xmlUrl=\"\(escape("query:\(q.name):\(q.query)"))\"/>\n"
        }
        return out + "  </body>\n</opml>\n"
    }

    private static func outline(_ s: Subscription) -> String {
        var attrs: [(String, String)] = [("type", "rss"), ("text", s.title ?? s.source)]
        if let title = s.title { attrs.append(("title", title)) }
        attrs.append(("xmlUrl", s.source))
        if let site = s.siteLink { attrs.append(("htmlUrl", site)) }
        if let filter = s.filter { attrs.append(("\(OPMLNames.prefix):filter", filter)) }
        if s.hidden { attrs.append(("\(OPMLNames.prefix):hidden", "true")) }
        return "<outline " + attrs.map { "\($0.0)=\"\(escape($0.1))\"" }.joined(separator: " ") + "/>"
    }

    private static func indent(_ level: Int) -> String { String(repeating: "  ", count: level + 2) }

    /// Escapes markup characters; in attributes also line breaks and tabs, which XML would
    /// otherwise turn into spaces. Characters XML cannot carry at all are dropped.
    static func escape(_ s: String, attribute: Bool = true) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\n" where attribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t" where attribute: out += "&#9;"
            default:
                let v = c.value
                if (v < 0x20 && v != 0x09 && v != 0x0A) || v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    private static func rfc822(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "GMT")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return f.string(from: date)
    }
}
