import Foundation
import TidingsCore
import TidingsFetch
import TidingsRefresh
import TidingsStore
import TidingsSync
import TidingsText

/// `tidings add URL` and `tidings remove FEED` when `[sync]` is on: the server's list is the truth
/// for URL feeds, so subscribing and unsubscribing happen there and a sync brings the result here.
/// Files, folders and `exec:` sources never go to the server.
struct ServerSubscriptions {
    let config: Config
    let store: ArticleStore
    let service: any SyncService

    init(config: Config, store: ArticleStore) throws {
        self.config = config
        self.store = store
        do {
            service = try SyncPassword.service(config, client: HTTPClient(version: TidingsVersion.string))
        } catch let error as SyncError {
            throw CommandFailure(error.description)
        }
    }

    /// Subscribes on the server (in `folder`, which must exist there), asks it to fetch the feed,
    /// and syncs so the feed and its articles are in the cache. Returns the lines to print.
    func add(_ url: String, folder: String?, title: String?, syncNow: Bool) async throws -> [String] {
        do {
            _ = try await service.login()
            let serverID = try await service.subscribe(url: url, folder: folder)
            guard syncNow else {
                await service.logout()
                return ["Subscribed on the server: \(Userinfo.censor(url)) (the next sync brings it here)"]
            }
            // The server fetches on its own schedule; asking now lets the sync bring articles at once.
            // A failure here is the server's to retry, not the subscription's.
            try? await service.updateFeed(feedID: serverID)
            let report = try await SyncEngine(service: service, store: store).run()
            await service.logout()
            guard let feed = try syncedFeed(serverID) else {
                return ["Subscribed on the server: \(Userinfo.censor(url))", report.line]
            }
            if let title {
                _ = try store.registerFeed(source: feed.source, title: title, tags: feed.tags, hidden: feed.hidden, filter: feed.filter)
            }
            let name = title ?? feed.displayName
            return ["Subscribed on the server: feed \(feed.id): \(TerminalSafe.singleLine(name)) (\(feed.total) articles)"]
        } catch let error as SyncError {
            await service.logout()
            throw CommandFailure(error.description)
        } catch let error as StoreError {
            throw CommandFailure(error.description)
        }
    }

    /// Unsubscribes on the server and removes the feed here. The caller has asked first
    /// (`confirmUnsubscribe`): tt-rss deletes the feed's unstarred articles on the server.
    func remove(_ feed: FeedInfo, serverID: String) async throws -> [String] {
        do {
            _ = try await service.login()
            try await service.unsubscribe(feedID: serverID)
            await service.logout()
            try store.removeFeed(feed.id)
        } catch let error as SyncError {
            await service.logout()
            throw CommandFailure(error.description)
        } catch let error as StoreError {
            throw CommandFailure(error.description)
        }
        let articles = "\(feed.total) article\(feed.total == 1 ? "" : "s")"
        return ["Unsubscribed on the server and removed feed \(feed.id): \(TerminalSafe.singleLine(feed.displayName)) (\(articles))"]
    }

    private func syncedFeed(_ serverID: String) throws -> FeedInfo? {
        for feed in try store.feeds() where try store.syncServerFeedID(feed.id) == serverID { return feed }
        return nil
    }

    /// What unsubscribing costs, in the words of the question and of the refusal.
    static func warning(_ feed: FeedInfo) -> String {
        "unsubscribing deletes the unstarred articles of \(TerminalSafe.singleLine(feed.displayName)) on the server (starred ones are archived)"
    }

    /// Asks `question [y/N]` on the terminal; nil when there is no terminal to ask on.
    static func confirm(_ question: String) -> Bool? {
        guard isatty(STDIN_FILENO) == 1 else { return nil }
        FileHandle.standardError.write(Data((question + " [y/N] ").utf8))
        guard let answer = readLine() else { return false }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// `--yes`, else the answer on a terminal; without either, one line saying how to go on.
    static func confirmUnsubscribe(_ feed: FeedInfo, yes: Bool) throws -> Bool {
        if yes { return true }
        guard let answer = confirm("Unsubscribe from \(TerminalSafe.singleLine(feed.displayName))? " + warning(feed) + ".") else {
            throw CommandFailure(warning(feed) + "; run again with --yes to confirm")
        }
        return answer
    }
}
