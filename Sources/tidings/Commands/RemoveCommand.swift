import ArgumentParser
import TidingsStore
import TidingsText

/// `tidings remove FEED`: forget a feed and its articles.
struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove a feed and all its articles from the cache.")

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp("The feed: its id, exact source, or title.", valueName: "feed"))
    var feed: String

    func run() throws {
        let store = try Headless.store(common)
        let info = try Headless.feed(feed, in: store)
        try Headless.attempt { try store.removeFeed(info.id) }
        let articles = "\(info.total) article\(info.total == 1 ? "" : "s")"
        Headless.printLines(["Removed feed \(info.id): \(TerminalSafe.singleLine(info.title)) (\(articles))"])
    }
}
