import ArgumentParser
import Foundation
import TidingsCore
import TidingsStore

/// `tidings stats`: size and counts of the cache.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show feeds, articles, unread, starred, cache size and the date range.")

    @OptionGroup var common: CommonOptions

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func run() throws {
        let store = try Headless.store(common)
        let stats = try Headless.attempt { try store.stats() }
        if json {
            try Headless.printJSON([
                "feeds": stats.feeds, "articles": stats.articles, "unread": stats.unread, "starred": stats.starred,
                "savedSearches": stats.savedSearches, "bytes": stats.fileBytes,
                "oldest": Headless.iso(stats.oldest), "newest": Headless.iso(stats.newest),
            ] as [String: Any])
            return
        }
        func day(_ date: Date?) -> String { date.map { DateText.short($0, timeZone: .current) } ?? "-" }
        Headless.printLines([
            "feeds: \(stats.feeds)", "articles: \(stats.articles)", "unread: \(stats.unread)", "starred: \(stats.starred)",
            "saved searches: \(stats.savedSearches)",
            "size: \(ByteCountFormatter.string(fromByteCount: stats.fileBytes, countStyle: .file))",
            "oldest: \(day(stats.oldest))", "newest: \(day(stats.newest))",
        ])
    }
}
