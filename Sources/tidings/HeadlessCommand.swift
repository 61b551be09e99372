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

    /// The feed a user named by id, exact source, or title (exact, else ignoring case).
    static func feed(_ reference: String, in store: ArticleStore) throws -> FeedInfo {
        let feeds = try attempt { try store.feeds() }
        if let id = FeedID(reference), let feed = feeds.first(where: { $0.id == id }) { return feed }
        if let feed = feeds.first(where: { $0.source == reference }) { return feed }
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

    /// Prints lines of text; feed text is made terminal-safe first.
    static func printLines(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
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

    /// A date given on the command line: `2024-05-01`, full ISO 8601, or `7d` / `12h` ago.
    static func date(_ text: String, now: Date = Date()) -> Date? {
        if let last = text.last, let amount = Double(text.dropLast()), amount >= 0 {
            switch last {
            case "d": return now.addingTimeInterval(-amount * 86_400)
            case "h": return now.addingTimeInterval(-amount * 3_600)
            default: break
            }
        }
        let full = ISO8601DateFormatter()
        if let date = full.date(from: text) { return date }
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        day.timeZone = .current
        return day.date(from: text)
    }
}
