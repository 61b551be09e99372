import ArgumentParser
import Foundation
import TidingsFeeds
import TidingsStore

/// `tidings export`: the subscriptions as OPML 2.0 (tags as folders) or a newsboat urls file.
struct ExportCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case opml, urls }

    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the subscriptions to standard output as OPML 2.0 or a newsboat urls file.")

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "opml (default) or urls.")
    var format: Format = .opml

    func run() throws {
        let store = try Headless.store(common)
        // Subscription order (import keeps a file's order), so export gives back what was imported.
        let feeds = try Headless.attempt { try store.feeds() }.sorted { $0.id < $1.id }
        let subscriptions = feeds.map {
            Subscription(source: $0.source, title: $0.customTitle, tags: $0.tags, hidden: $0.hidden,
                         filter: $0.filter, siteLink: $0.siteLink)
        }
        let queries = try Headless.attempt { try store.savedSearches(inCreationOrder: true) }.map { SavedQuery(name: $0.name, query: $0.query) }
        switch format {
        case .opml:
            print(SubscriptionList.opml(subscriptions, queries: queries, title: "Tidings subscriptions", dateCreated: Date()),
                  terminator: "")
        case .urls:
            print(SubscriptionList.newsboatURLs(subscriptions, queries: queries), terminator: "")
        }
    }
}
