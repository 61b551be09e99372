import Foundation
import TidingsText

/// Lays out the reader pane's content: a header (title, feed, author, date, link) then the body.
public enum ReaderLayout {
    /// Lines longer than this are hard to read, so wide panes keep a margin instead.
    public static let maxTextWidth = 100

    /// Header plus body lines for an article at `width` columns.
    /// `showing` names the text shown when the reader offers two (the feed's, or the full article).
    public static func lines(headline: Headline, article: Article?, document: ArticleDocument,
                             width: Int, timeZone: TimeZone, showing: String? = nil) -> [StyledLine] {
        let width = max(1, width)
        var out: [StyledLine] = []
        for piece in wrap(TerminalSafe.singleLine(headline.title.isEmpty ? "(untitled)" : headline.title), width: width) {
            out.append(StyledLine(runs: [StyledRun(text: piece, role: .title)]))
        }
        out.append(StyledLine(runs: []))
        func field(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            let prefix = label + ": "
            let pw = TextWidth.of(prefix)
            if pw + 4 > width {
                for piece in wrap(prefix + value, width: width) { out.append(StyledLine(runs: [StyledRun(text: piece, role: .metaValue)])) }
                return
            }
            let pieces = wrap(value, width: width - pw)
            for (i, piece) in pieces.enumerated() {
                let lead = i == 0 ? prefix : String(repeating: " ", count: pw)
                out.append(StyledLine(runs: [StyledRun(text: lead, role: .metaLabel), StyledRun(text: piece, role: .metaValue)]))
            }
        }
        field("Feed", TerminalSafe.singleLine(headline.feedTitle))
        field("Author", headline.author.map(TerminalSafe.singleLine))
        field("Date", headline.published.map { DateText.long($0, timeZone: timeZone) })
        field("Link", article?.link.map(TerminalSafe.singleLine))
        for enclosure in article?.enclosures ?? [] {
            field("Attachment", article?.attachmentLabel(enclosure, in: document))
        }
        field("Showing", showing.map(TerminalSafe.singleLine))
        out.append(StyledLine(runs: [StyledRun(text: String(repeating: "─", count: min(width, 40)), role: .rule)]))
        out.append(StyledLine(runs: []))
        guard let article else {
            out.append(StyledLine(runs: [StyledRun(text: "Loading…", role: .metaValue)]))
            return out
        }
        let body = document.lines(width: width)
        if body.allSatisfy({ $0.plainText.trimmingCharacters(in: .whitespaces).isEmpty }) {
            let note = article.link == nil ? "(This article has no text.)" : "(This article has no text. Press o to open its link.)"
            for piece in wrap(note, width: width) { out.append(StyledLine(runs: [StyledRun(text: piece, role: .metaValue)])) }
        } else {
            out += body
        }
        return out
    }

    /// Greedy word wrap by display width; words wider than a line are cut between grapheme clusters.
    public static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        func flush() { lines.append(line); line = ""; lineWidth = 0 }
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let ww = TextWidth.of(String(word))
            if lineWidth > 0 && lineWidth + 1 + ww <= width {
                line += " " + word; lineWidth += 1 + ww
                continue
            }
            if lineWidth > 0 { flush() }
            if ww <= width { line = String(word); lineWidth = ww; continue }
            for c in word {
                let cw = TextWidth.of(c)
                if lineWidth + cw > width && lineWidth > 0 { flush() }
                line.append(c); lineWidth += cw
            }
        }
        if lineWidth > 0 || lines.isEmpty { flush() }
        return lines
    }
}
