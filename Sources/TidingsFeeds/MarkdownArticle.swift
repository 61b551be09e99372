import Foundation
import TidingsCore

/// Reads one article in the news-agency Markdown shape:
/// `# Title`, `By … for Agency`, a date line, the body, then `Original url:` and `<url>`.
/// Every one of those lines may be missing.
enum MarkdownArticle {
    static func parse(_ text: String, fileName: String) -> FeedItem {
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        let link = takeOriginalURL(&lines)

        var title: String?, byline: Byline?, date: Date?
        var i = 0
        header: while i < lines.count {
            let line = lines[i].trimmingCharacters(in: .whitespaces)
            if line.isEmpty { i += 1; continue }
            if title == nil, line.hasPrefix("# ") {
                title = PlainText.collapse(stripLinks(String(line.dropFirst(2))))
            } else if byline == nil, line.lowercased().hasPrefix("by ") {
                byline = Byline(String(line.dropFirst(3)))
            } else if date == nil, line.count <= 40, line.contains(where: { !$0.isNumber }), let d = FeedDate.parse(line) {
                // A bare number ("2021", "20211202") is a body line, though it parses as an ISO date.
                date = d
            } else {
                break header
            }
            i += 1
        }
        let body = lines[i...].joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        let html = body.isEmpty ? nil : MarkdownHTML.render(body)
        return FeedItem(id: link ?? fileName, title: title.flatMap { $0.isEmpty ? nil : $0 }, link: link,
                        author: byline?.authors, published: date, content: html,
                        contentType: html == nil ? nil : .html,
                        categories: byline?.agency.map { [$0] } ?? [])
    }

    /// Removes the trailing `Original url:` line and the URL after it (same or next line).
    private static func takeOriginalURL(_ lines: inout [String]) -> String? {
        guard let marker = lines.lastIndex(where: { $0.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("original url:") })
        else { return nil }
        var candidate = String(lines[marker].trimmingCharacters(in: .whitespaces).dropFirst("original url:".count))
        var end = marker
        if candidate.trimmingCharacters(in: .whitespaces).isEmpty {
            var j = marker + 1
            while j < lines.count, lines[j].trimmingCharacters(in: .whitespaces).isEmpty { j += 1 }
            if j < lines.count { candidate = lines[j]; end = j }
        }
        var url = candidate.trimmingCharacters(in: .whitespaces)
        if url.hasPrefix("<"), url.hasSuffix(">") { url = String(url.dropFirst().dropLast()) }
        if url.hasPrefix("["), let open = url.range(of: "]("), url.hasSuffix(")") {
            url = String(url[open.upperBound..<url.index(before: url.endIndex)])
        }
        lines.removeSubrange(marker...end)
        guard let parsed = URL(string: url), let scheme = parsed.scheme, ["http", "https"].contains(scheme.lowercased()) else {
            return nil
        }
        return url
    }

    /// `[text](url)` → `text`.
    static func stripLinks(_ s: String) -> String {
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == "[", let close = s[i...].firstIndex(of: "]"),
               s.index(after: close) < s.endIndex, s[s.index(after: close)] == "(",
               let paren = s[close...].firstIndex(of: ")") {
                out += s[s.index(after: i)..<close]
                i = s.index(after: paren)
            } else {
                out.append(s[i])
                i = s.index(after: i)
            }
        }
        return out
    }

    /// "By [Jane Doe](…) and John Roe for Example News Agency".
    struct Byline {
        var authors: String?
        var agency: String?

        init(_ raw: String) {
            var text = MarkdownArticle.stripLinks(raw)
            if let r = text.range(of: " for ", options: .backwards) {
                let agency = PlainText.collapse(String(text[r.upperBound...]))
                self.agency = agency.isEmpty ? nil : agency
                text = String(text[..<r.lowerBound])
            }
            let names = text.replacingOccurrences(of: " and ", with: ",")
                .split(separator: ",")
                .map { PlainText.collapse(String($0)) }
                .filter { !$0.isEmpty }
            authors = names.isEmpty ? nil : names.joined(separator: ", ")
        }
    }
}
