import ArgumentParser
import Foundation
import TidingsCore
import TidingsStore
import TidingsText

/// `tidings feeds`: every feed with its counts, tags and fetch status.
struct FeedsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds",
        abstract: "List feeds: id, unread/total, title, tags, source, last update and last error.")

    @OptionGroup var common: CommonOptions

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func run() throws {
        let store = try Headless.store(common)
        let feeds = try Headless.attempt { try store.feeds() }
        if json {
            try Headless.printJSON(feeds.map { feed -> [String: Any] in
                [
                    "id": feed.id, "title": feed.title, "customTitle": feed.customTitle ?? NSNull(), "source": feed.source,
                    "kind": feed.kind.rawValue, "filter": feed.filter ?? NSNull(), "tags": feed.tags, "hidden": feed.hidden,
                    "siteLink": feed.siteLink ?? NSNull(), "unread": feed.unread, "total": feed.total,
                    "lastUpdated": Headless.iso(feed.lastUpdated), "lastChecked": Headless.iso(feed.lastChecked),
                    "lastError": feed.lastError ?? NSNull(),
                ]
            })
            return
        }
        Headless.printLines(feeds.map { feed in
            var fields = [String(feed.id), "\(feed.unread)/\(feed.total)", TerminalSafe.singleLine(feed.title),
                          feed.tags.isEmpty ? "-" : TerminalSafe.singleLine(feed.tags.joined(separator: ",")),
                          TerminalSafe.singleLine(feed.source),
                          feed.lastUpdated.map { DateText.short($0, timeZone: .current) } ?? "never"]
            if feed.hidden { fields.append("hidden") }
            if let error = feed.lastError { fields.append("error: " + TerminalSafe.singleLine(error)) }
            return fields.joined(separator: "\t")
        })
    }
}
