import Foundation
import TidingsCore

/// A folder of article files read as one feed (the bundled sample feeds use it).
public enum ArticleFolder {
    static let markdownExtensions: Set<String> = ["md", "markdown"]
    static let htmlExtensions: Set<String> = ["html", "htm"]
    static let maxFileBytes = 10 * 1024 * 1024

    /// Reads a folder of Markdown (.md/.markdown) and HTML (.html/.htm) article files into one document (format .markdown).
    public static func read(_ folder: URL) throws -> FeedDocument {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        } catch {
            throw FeedParseError.unreadable(path: folder.path, reason: "it is not a readable folder")
        }
        var warnings: [String] = []
        var items: [FeedItem] = []
        var seen = Set<String>()
        for name in names {
            let ext = (name as NSString).pathExtension.lowercased()
            let isMarkdown = markdownExtensions.contains(ext)
            guard isMarkdown || htmlExtensions.contains(ext), !name.hasPrefix(".") else { continue }
            let url = folder.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                warnings.append("\(name): cannot be read; skipped")
                continue
            }
            guard data.count <= maxFileBytes else {
                warnings.append("\(name): larger than \(maxFileBytes / 1024 / 1024) MB; skipped")
                continue
            }
            var invalid: [String] = []
            let text = String(decoding: Transcoder.repairUTF8(ArraySlice(data), warnings: &invalid), as: UTF8.self)
            warnings += invalid.map { "\(name): \($0)" }
            let item = isMarkdown ? MarkdownArticle.parse(text, fileName: name) : HTMLArticle.parse(text, fileName: name)
            guard seen.insert(item.id).inserted else {
                warnings.append("\(name): same id as an earlier article (\(item.id)); skipped")
                continue
            }
            items.append(item)
        }
        if items.isEmpty && warnings.isEmpty {
            warnings.append("no .md, .markdown, .html or .htm files in \(folder.path)")
        }
        items.sort(by: newestFirst)
        return FeedDocument(format: .markdown, feed: FeedMeta(title: prettify(folder.lastPathComponent)),
                            items: items, warnings: warnings)
    }

    /// Parses one Markdown article file's text (the news-agency shape below).
    public static func parseMarkdownArticle(_ text: String, fileName: String) -> FeedItem {
        MarkdownArticle.parse(text, fileName: fileName)
    }

    /// "world-news_2021" → "World News 2021".
    static func prettify(_ name: String) -> String {
        name.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " || $0 == "." })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined(separator: " ")
    }

    /// Dated items newest first, undated ones last; ties by title then id so the order is stable.
    static func newestFirst(_ a: FeedItem, _ b: FeedItem) -> Bool {
        switch (a.published, b.published) {
        case let (x?, y?) where x != y: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return (a.title ?? "", a.id) < (b.title ?? "", b.id)
        }
    }
}
