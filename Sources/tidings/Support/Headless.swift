import ArgumentParser
import Foundation
import TidingsCore
import TidingsStore
import TidingsText

/// What the headless commands share: opening the cache, naming feeds, printing data.
enum Headless {
    /// Opens the cache of `--cache` (created when missing, like the reader does).
    static func store(_ common: CommonOptions) throws -> ArticleStore {
        try CacheFile.open(path: common.cachePath)
    }

    /// Runs a store call, turning a `StoreError` into the one-line failure the user sees.
    static func attempt<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as StoreError { throw CommandFailure(error.description) }
    }

    /// The feed a user named by id, source (exact, or a local path as `add` was given it: relative,
    /// `~/`, trailing slash), or title (exact, else ignoring case).
    static func feed(_ reference: String, in store: ArticleStore) throws -> FeedInfo {
        let feeds = try attempt { try store.feeds() }
        if let id = FeedID(reference), let feed = feeds.first(where: { $0.id == id }) { return feed }
        if let feed = feeds.first(where: { $0.source == reference }) { return feed }
        let lower = reference.lowercased()
        if !reference.isEmpty, !lower.hasPrefix("http://"), !lower.hasPrefix("https://"), !lower.hasPrefix("exec:") {
            let path = Sources.absolutePath(reference, relativeTo: FileManager.default.currentDirectoryPath)
            if let feed = feeds.first(where: { $0.kind != .url && $0.kind != .exec && $0.source == path }) { return feed }
        }
        var matches = feeds.filter { $0.title == reference }
        if matches.isEmpty { matches = feeds.filter { $0.title.lowercased() == reference.lowercased() } }
        switch matches.count {
        case 1: return matches[0]
        case 0: throw CommandFailure("no feed matches \"\(reference)\"; `tidings feeds` lists ids, titles and sources")
        default:
            let ids = matches.map { String($0.id) }.joined(separator: ", ")
            throw CommandFailure("\"\(reference)\" names several feeds (ids \(ids)); give an id instead")
        }
    }

    /// Dates in JSON: ISO 8601 in UTC.
    static func iso(_ date: Date?) -> Any {
        guard let date else { return NSNull() }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// Prints a JSON value (dictionaries and arrays of plain values) with sorted keys.
    static func printJSON(_ value: Any) throws {
        let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }

    /// Prints lines of text (made terminal-safe by the callers), ASCII only when no UTF-8 locale exists.
    static func printLines(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        TextOutput.write(lines.joined(separator: "\n") + "\n")
    }

    /// Headlines as JSON objects with their links (one query for all of them).
    static func json(_ headlines: [Headline], in store: ArticleStore) throws -> [[String: Any]] {
        let links = try attempt { try store.links(of: headlines.map(\.id)) }
        return headlines.map { headline in
            var object = json(headline)
            object["link"] = links[headline.id] ?? NSNull()
            return object
        }
    }

    static func json(_ headline: Headline) -> [String: Any] {
        [
            "id": headline.id, "feedId": headline.feedID, "feed": headline.feedTitle, "title": headline.title,
            "author": headline.author ?? NSNull(), "published": iso(headline.published),
            "date": iso(Date(timeIntervalSince1970: TimeInterval(headline.sortDate))),
            "read": headline.isRead, "starred": headline.isStarred,
        ]
    }

    /// One headline per line: id, flags (N unread, * starred), date, feed, title; tab-separated.
    static func line(_ headline: Headline) -> String {
        let flags = (headline.isRead ? " " : "N") + (headline.isStarred ? "*" : " ")
        let date = DateText.short(Date(timeIntervalSince1970: TimeInterval(headline.sortDate)), timeZone: .current)
        return [String(headline.id), flags, date, TerminalSafe.singleLine(headline.feedTitle), TerminalSafe.singleLine(headline.title)]
            .joined(separator: "\t")
    }

    /// A date given on the command line: `2024-05-01` (local midnight), `2024-05-01T08:00` or
    /// `2024-05-01 08:00:00` (local time), full ISO 8601 with a zone (`2024-05-01T08:00:00Z`,
    /// `+02:00`, fractional seconds), or `7d` / `12h` ago. Impossible dates (`2024-02-30`) are nil.
    static func date(_ text: String, now: Date = Date(), timeZone: TimeZone = .current) -> Date? {
        let text = text.trimmingCharacters(in: .whitespaces)
        if let last = text.last, "dh".contains(last), let amount = Double(text.dropLast()), amount >= 0, amount.isFinite {
            return now.addingTimeInterval(-amount * (last == "d" ? 86_400 : 3_600))
        }
        // Parse, then print back, so that lenient parsing cannot turn Feb 30 into Mar 1.
        let local = DateFormatter()
        local.locale = Locale(identifier: "en_US_POSIX")
        local.timeZone = timeZone
        local.dateFormat = "yyyy-MM-dd"
        let day = String(text.prefix(10))
        guard let parsedDay = local.date(from: day), local.string(from: parsedDay) == day else { return nil }
        let zoned = ISO8601DateFormatter()
        for options: ISO8601DateFormatter.Options in [[.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds]] {
            zoned.formatOptions = options
            if let date = zoned.date(from: text) { return date }
        }
        let minutes = DateFormatter()
        minutes.locale = Locale(identifier: "en_US_POSIX")
        minutes.dateFormat = "yyyy-MM-dd'T'HH:mmXXXXX"
        if let date = minutes.date(from: text) { return date }
        for format in ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"] {
            local.dateFormat = format
            if let date = local.date(from: text), local.string(from: date) == text { return date }
        }
        return nil
    }
}
