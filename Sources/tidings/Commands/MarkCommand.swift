import ArgumentParser
import TidingsCore
import TidingsStore

/// `tidings mark read|unread|star|unstar ID... | --feed F | --all`.
struct MarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark",
        abstract: "Mark articles read or unread, starred or not.")

    enum Change: String, ExpressibleByArgument, CaseIterable {
        case read, unread, star, unstar
    }

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp("read, unread, star or unstar.", valueName: "change"))
    var change: Change

    @Argument(help: ArgumentHelp("Article ids (see `tidings list`).", valueName: "id"))
    var ids: [ArticleID] = []

    @Option(help: ArgumentHelp("Every article of this feed (id, source or title).", valueName: "feed"))
    var feed: String?

    @Flag(help: "Every article of every feed.")
    var all = false

    func validate() throws {
        let targets = (ids.isEmpty ? 0 : 1) + (feed == nil ? 0 : 1) + (all ? 1 : 0)
        if targets != 1 { throw ValidationError("give article ids, or --feed FEED, or --all (exactly one of them)") }
    }

    func run() throws {
        let store = try Headless.store(common)
        let feedID = try feed.map { try Headless.feed($0, in: store).id }
        try Headless.attempt {
            var targets = ids
            if ids.isEmpty {
                // Marking a whole scope read is one indexed statement; the others need the ids.
                if change == .read {
                    try store.markAllRead(feedID.map(ListScope.feed) ?? .all)
                    return
                }
                targets = try store.articles(feed: feedID, unreadOnly: false, limit: Int.max).map(\.id)
            } else if let missing = try ids.first(where: { try store.headline($0) == nil }) {
                throw CommandFailure("no article with id \(missing); `tidings list` shows ids")
            }
            switch change {
            case .read: try store.setRead(targets, true)
            case .unread: try store.setRead(targets, false)
            case .star: try store.setStarred(targets, true)
            case .unstar: try store.setStarred(targets, false)
            }
        }
    }
}
