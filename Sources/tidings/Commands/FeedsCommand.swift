import ArgumentParser
import Foundation
import TidingsCore
import TidingsRefresh
import TidingsStore
import TidingsText

/// `tidings feeds`: every feed with its counts, tags and fetch status.
struct FeedsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds",
        abstract: "List feeds, one per line, tab-separated: id, unread/total, title, tags, source, last update, then \"hidden\", the fetch state and \"error: …\" when they apply.",
        discussion: """
            The fetch state is one of ok, error, backoff (waiting after errors), rate-limited (the server \
            asked to wait) and gone (HTTP 410: no longer fetched until `tidings refresh --force` or \
            `tidings add` re-enables it). Credentials in a URL are shown as ***.
            """)

    @OptionGroup var common: CommonOptions

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func run() throws {
        let store = try Headless.store(common)
        let feeds = try Headless.attempt { try store.feeds() }
        let now = Date()
        if json {
            try Headless.printJSON(feeds.map { feed -> [String: Any] in
                [
                    "id": feed.id, "title": feed.displayName, "customTitle": feed.customTitle ?? NSNull(), "source": feed.displaySource,
                    "kind": feed.kind.rawValue, "filter": feed.filter ?? NSNull(), "tags": feed.tags, "hidden": feed.hidden,
                    "siteLink": feed.siteLink ?? NSNull(), "unread": feed.unread, "total": feed.total,
                    "lastUpdated": Headless.iso(feed.lastUpdated), "lastChecked": Headless.iso(feed.lastChecked),
                    "lastError": feed.lastError ?? NSNull(), "state": feed.health(at: now).rawValue,
                    "nextFetch": Headless.iso(feed.nextFetch), "httpStatus": feed.httpStatus ?? NSNull(),
                    "rateLimitedUntil": Headless.iso(feed.rateLimitedUntil),
                ]
            })
            return
        }
        Headless.printLines(feeds.map { feed in
            var fields = [String(feed.id), "\(feed.unread)/\(feed.total)", TerminalSafe.singleLine(feed.displayName),
                          feed.tags.isEmpty ? "-" : TerminalSafe.singleLine(feed.tags.joined(separator: ",")),
                          TerminalSafe.singleLine(feed.displaySource),
                          feed.lastUpdated.map(Self.minute) ?? "never"]
            if feed.hidden { fields.append("hidden") }
            switch feed.health(at: now) {
            case .ok: break
            case .gone: fields.append("gone")
            case .rateLimited: fields.append("rate-limited until " + Clock.short(feed.rateLimitedUntil ?? now))
            case .backoff: fields.append("backoff until " + Clock.short(feed.nextFetch ?? now))
            case .error: fields.append("failing")
            }
            if let error = feed.lastError { fields.append("error: " + TerminalSafe.singleLine(error)) }
            return fields.joined(separator: "\t")
        })
    }

    /// Local date and time to the minute: cron refreshes several times a day, so the day alone says too little.
    static func minute(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = .current
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f.string(from: date)
    }
}
