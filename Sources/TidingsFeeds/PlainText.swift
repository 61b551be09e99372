/// Turns feed strings that may hold markup or entities into plain text, and escapes text for HTML.
enum PlainText {
    /// Strips tags, decodes entities and collapses whitespace (titles, authors, categories).
    static func fromHTML(_ html: String) -> String {
        if !html.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }) { return collapse(html) }
        var out = ""
        out.reserveCapacity(html.utf8.count)
        var i = html.startIndex
        while i < html.endIndex {
            let c = html[i]
            if c == "<", let (close, name) = tag(html, from: i) {
                // Inline elements join their neighbours (H<sub>2</sub>O); blocks and <br> part words.
                if blockElements.contains(name) { out.append(" ") }
                i = close
            } else if c == "&" {
                let (text, next) = entity(html, at: i)
                out += text
                i = next
            } else {
                out.append(c)
                i = html.index(after: i)
            }
        }
        return collapse(out)
    }

    /// Decodes entities only (text that is not markup but was double-escaped).
    static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == "&" {
                let (text, next) = entity(s, at: i)
                out += text
                i = next
            } else {
                out.append(s[i])
                i = s.index(after: i)
            }
        }
        return out
    }

    /// Collapses runs of whitespace (including no-break spaces) into one space and trims.
    /// Works on scalars, not Characters: grapheme breaking made this the parser's hot spot on emoji titles.
    static func collapse(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for u in s.unicodeScalars {
            if u.value < 0x80 ? (u == " " || u == "\n" || u == "\t" || u == "\r" || u == "\u{0B}" || u == "\u{0C}")
                              : (u.properties.isWhitespace || u == "\u{A0}") {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(u)
            }
        }
        return String(out)
    }

    /// True when `s` looks like it carries markup or entity references.
    static func looksLikeHTML(_ s: String) -> Bool {
        guard s.contains("<") || s.contains("&") else { return false }
        var prev: Character = " "
        for ch in s {
            if prev == "<", ch.isLetter || ch == "/" || ch == "!" { return true }
            if prev == "&", ch.isLetter || ch == "#" { return true }
            prev = ch
        }
        return false
    }

    /// Escapes `&`, `<`, `>` and `"` so text can sit inside HTML markup or attribute values.
    static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// The end of a tag to strip and its lowercased element name (empty for comments and
    /// declarations). Only HTML element names count, so text such as `Jo <jo@x.com>` or `Vec<T>`
    /// (escaped in the feed, literal in the title) survives.
    private static func tag(_ s: String, from i: String.Index) -> (String.Index, String)? {
        var next = s.index(after: i)
        guard next < s.endIndex, s[next].isLetter || s[next] == "/" || s[next] == "!" || s[next] == "?" else { return nil }
        guard let gt = s[next...].firstIndex(of: ">") else { return nil }
        if s[next] == "/" { next = s.index(after: next) }
        var name = ""
        if next < gt, s[next] != "!", s[next] != "?" {
            name = s[next..<gt].prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }.lowercased()
            guard htmlElements.contains(name) else { return nil }
        }
        return (s.index(after: gt), name)
    }

    /// Elements that start a new line or box: their tags separate the words around them.
    private static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details", "dialog",
        "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "h1",
        "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "iframe", "li", "main", "menu", "nav",
        "ol", "option", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title",
        "tr", "ul", "script", "style", "template", "noscript",
    ]

    private static let htmlElements: Set<String> = [
        "a", "abbr", "acronym", "address", "area", "article", "aside", "audio", "b", "base", "bdi", "bdo", "big",
        "blink", "blockquote", "body", "br", "button", "canvas", "caption", "center", "cite", "code", "col",
        "colgroup", "data", "datalist", "dd", "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em",
        "embed", "fieldset", "figcaption", "figure", "font", "footer", "form", "frame", "frameset", "h1", "h2",
        "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "i", "iframe", "img", "input", "ins",
        "kbd", "label", "legend", "li", "link", "main", "map", "mark", "marquee", "math", "menu", "meta", "meter",
        "nav", "nobr", "noscript", "object", "ol", "optgroup", "option", "output", "p", "param", "picture", "pre",
        "progress", "q", "rp", "rt", "ruby", "s", "samp", "script", "section", "select", "small", "source", "span",
        "strike", "strong", "style", "sub", "summary", "sup", "svg", "table", "tbody", "td", "template",
        "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track", "tt", "u", "ul", "var", "video", "wbr",
    ]

    private static func entity(_ s: String, at amp: String.Index) -> (String, String.Index) {
        let start = s.index(after: amp)
        var j = start
        var n = 0
        while j < s.endIndex, n < 32, s[j] != ";", s[j].isLetter || s[j].isNumber || s[j] == "#" { j = s.index(after: j); n += 1 }
        guard j < s.endIndex, s[j] == ";", j > start else { return ("&", start) }
        let body = s[start..<j]
        let text = body.first == "#" ? HTMLEntities.numeric(body) : HTMLEntities.lookup(String(body))
        guard let text else { return ("&", start) }
        return (text, s.index(after: j))
    }
}

/// Escaping for writing feed markup, shared with the tools that generate feeds (benchmarks).
public enum MarkupText {
    /// Escapes `&`, `<`, `>` and `"` for element text and attribute values.
    public static func escape(_ s: String) -> String { PlainText.escape(s) }
}
