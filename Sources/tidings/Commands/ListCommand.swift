import ArgumentParser
import Foundation
import TidingsStore

/// `tidings list`: headlines for scripts, newest first.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List articles newest first: id, flags (N unread, * starred), date, feed, title.")

    @OptionGroup var common: CommonOptions

    @Option(help: ArgumentHelp("Only this feed (id, source or title).", valueName: "feed"))
    var feed: String?

    @Option(help: ArgumentHelp("Only feeds with this tag.", valueName: "tag"))
    var tag: String?

    @Flag(help: "Only unread articles.")
    var unread = false

    @Flag(help: "Only starred articles.")
    var starred = false

    @Option(help: ArgumentHelp("Only articles dated on or after this: 2024-05-01, an ISO 8601 time, or 7d / 12h ago.", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("At most this many articles.", valueName: "n"))
    var limit = 100

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func validate() throws {
        if limit < 0 { throw ValidationError("--limit must be 0 or more") }
        if let since, Headless.date(since) == nil {
            throw ValidationError("--since \(since) is not a date; use 2024-05-01, 2024-05-01T08:00:00Z, 7d or 12h")
        }
    }

    func run() throws {
        let store = try Headless.store(common)
        let feedID = try feed.map { try Headless.feed($0, in: store).id }
        let rows = try Headless.attempt {
            try store.articles(feed: feedID, tag: tag, unreadOnly: unread, starredOnly: starred,
                               since: since.flatMap { Headless.date($0) }, limit: limit)
        }
        if json { try Headless.printJSON(try Headless.json(rows, in: store)) } else { Headless.printLines(rows.map(Headless.line)) }
    }
}
