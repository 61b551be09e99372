import Foundation

/// Reads and writes subscription lists: OPML 1.0/2.0 and newsboat's urls file.
public enum SubscriptionList {
    /// Larger inputs are refused: real lists are a few hundred kilobytes.
    public static let maxInputBytes = 16 * 1024 * 1024

    /// Detects OPML vs urls by content (not file name) and parses.
    public static func parse(_ data: Data) throws(SubscriptionError) -> SubscriptionImport {
        guard data.count <= maxInputBytes else { throw .tooLarge(limit: maxInputBytes) }
        if isBinary(data) { throw .binary }
        let utf8 = [UInt8](Transcoder.toUTF8(data, hint: nil, sniffDeclaration: looksLikeXML(data)).bytes)
        if looksLikeXML(Data(utf8)) { return try OPMLReader.read(utf8) }
        return NewsboatURLsReader.read(String(decoding: utf8, as: UTF8.self))
    }

    /// OPML 2.0 with tags written as nested folder outlines (a feed tagged a, b sits in folder a › b)
    /// and saved searches as `query:` outlines.
    public static func opml(_ subscriptions: [Subscription], queries: [SavedQuery] = [], title: String,
                            dateCreated: Date) -> String {
        OPMLWriter.write(subscriptions, queries: queries, title: title, dateCreated: dateCreated)
    }

    /// newsboat's urls format: `SOURCE tag… "~Title" !`, then `"query:Name:expression"` lines.
    public static func newsboatURLs(_ subscriptions: [Subscription], queries: [SavedQuery]) -> String {
        NewsboatURLsWriter.write(subscriptions, queries: queries)
    }

    /// NUL bytes early on mean binary data, unless the text is UTF-16 or UTF-32 (which the transcoder reads).
    private static func isBinary(_ data: Data) -> Bool {
        let head = data.prefix(4096)
        let wide: [[UInt8]] = [[0xFF, 0xFE], [0xFE, 0xFF], [0x00, 0x00, 0xFE, 0xFF], [0x3C, 0x00, 0x3F, 0x00], [0x00, 0x3C, 0x00, 0x3F]]
        if wide.contains(where: { head.starts(with: $0) }) { return false }
        return head.lazy.filter { $0 == 0 }.count > 8
    }

    /// XML when the first thing after a byte-order mark and blanks is `<` (a urls line never starts so).
    private static func looksLikeXML(_ data: Data) -> Bool {
        var bytes = data.prefix(1024)[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return bytes.dropFirst(2).first(where: { $0 != 0 && $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) == UInt8(ascii: "<")
        }
        return bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) == UInt8(ascii: "<")
    }
}
