import Foundation
import TidingsText

extension Article {
    /// The laid-out document of the body, with the attachments appended to its links so that
    /// they get footnote numbers and open with 1–9 or from the link list like any other link.
    public var document: ArticleDocument {
        var document = contentType == .html ? ArticleDocument.html(body, baseURL: link) : ArticleDocument.plainText(body)
        for enclosure in enclosures where Self.isOpenable(enclosure.url) && !document.links.contains(enclosure.url) {
            document.links.append(enclosure.url)
        }
        return document
    }

    /// Only these schemes are ever handed to a browser.
    static func isOpenable(_ url: String) -> Bool {
        guard let scheme = URL(string: url)?.scheme?.lowercased() else { return false }
        return scheme == "http" || scheme == "https" || scheme == "mailto"
    }

    /// "[3] audio/mpeg, 24.1 MB" for the reader's header: the footnote number, the type and the size.
    public func attachmentLabel(_ enclosure: FeedEnclosure, in document: ArticleDocument) -> String {
        var parts: [String] = []
        if let type = enclosure.type, !type.isEmpty { parts.append(TerminalSafe.singleLine(type)) }
        if let length = enclosure.length, length > 0 { parts.append(Self.size(length)) }
        let details = parts.joined(separator: ", ")
        guard let index = document.links.firstIndex(of: enclosure.url) else {
            let url = TerminalSafe.singleLine(enclosure.url)
            return details.isEmpty ? url : "\(url) (\(details))"
        }
        return "[\(index + 1)]" + (details.isEmpty ? "" : " " + details)
    }

    static func size(_ bytes: Int64) -> String {
        let units = ["bytes", "KB", "MB", "GB", "TB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1000, unit < units.count - 1 { value /= 1000; unit += 1 }
        return unit == 0 ? "\(bytes) bytes" : String(format: value < 10 ? "%.1f %@" : "%.0f %@", value, units[unit])
    }
}
