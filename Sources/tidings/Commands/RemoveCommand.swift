import ArgumentParser
import TidingsCore
import TidingsRefresh
import TidingsStore
import TidingsText

/// `tidings remove FEED`: forget a feed and its articles; a synced feed is unsubscribed on the server first.
struct RemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove a feed and all its articles from the cache.",
        discussion: """
            A feed that comes from the sync server ([sync]) is unsubscribed there too. tt-rss then \
            deletes the feed's unstarred articles on the server, so Tidings asks first (y/N) on a \
            terminal; scripts pass --yes, and without a terminal or --yes nothing is removed.
            """)

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp("The feed: its id, exact source, or title.", valueName: "feed"))
    var feed: String

    @Flag(name: .long, help: "Confirm unsubscribing a synced feed on the server (tt-rss deletes its unstarred articles there).")
    var yes = false

    func run() async throws {
        let store = try Headless.store(common)
        let info = try Headless.feed(feed, in: store)
        if let serverID = try Headless.attempt({ try store.syncServerFeedID(info.id) }) {
            let config = try ConfigLoader.load(path: common.configPath, explicit: common.configIsExplicit)
            guard config.sync != nil else {
                throw CommandFailure("\(info.displayName) comes from the sync server, but [sync] is not in the config: "
                                     + "add it back to unsubscribe there (or `tidings sync` would bring the feed back)")
            }
            guard try ServerSubscriptions.confirmUnsubscribe(info, yes: yes) else {
                Headless.printLines(["Kept feed \(info.id): \(TerminalSafe.singleLine(info.displayName)); nothing was removed."])
                return
            }
            Headless.printLines(try await ServerSubscriptions(config: config, store: store).remove(info, serverID: serverID))
            return
        }
        try Headless.attempt { try store.removeFeed(info.id) }
        let articles = "\(info.total) article\(info.total == 1 ? "" : "s")"
        Headless.printLines(["Removed feed \(info.id): \(TerminalSafe.singleLine(info.title)) (\(articles))"])
    }
}
