import Foundation
import Testing
import TidingsCore
import TidingsFetch
import TidingsStore
import TidingsSync

/// Against the real tt-rss `make test` starts. One account, so one test at a time.
@Suite(.serialized, .oneAccount, .enabled(if: TTRSSServer.current != nil, TTRSSServer.skipReason))
struct TTRSSSyncTests {
    let server = TTRSSServer.current!

    func engine(_ store: ArticleStore) throws -> SyncEngine {
        SyncEngine(service: try server.session(), store: store)
    }

    // MARK: - Login and errors

    @Test func loginChecksTheAPILevel() async throws {
        let account = try await server.session().login()
        #expect(account.apiVersion == "15")
        #expect(account.user == server.user)
    }

    @Test func wrongPasswordIsOneLineWithoutThePassword() async throws {
        let secret = "not-the-password-\(UUID().uuidString)"
        await #expect(throws: SyncError.loginFailed(user: server.user)) {
            _ = try await server.session(password: secret).login()
        }
        #expect(!SyncError.loginFailed(user: server.user).description.contains(secret))
    }

    @Test func apiDisabledIsSaidAsSuch() async throws {
        await #expect(throws: SyncError.apiDisabled(user: server.noAPIUser)) {
            _ = try await server.session(user: server.noAPIUser, password: server.noAPIPassword).login()
        }
    }

    @Test func serverDownIsAConnectionError() async throws {
        do {
            _ = try await server.session(url: "http://127.0.0.1:9/").login()
            Issue.record("logged in to nothing")
        } catch let error as SyncError {
            #expect(error.isConnection)
            #expect(error.description.hasPrefix("sync: cannot reach the server"))
        }
    }

    @Test func anExpiredSessionLogsInAgainOnce() async throws {
        let service = try server.session()
        _ = try await service.login()
        // Logging out ends the session on the server: the next call meets NOT_LOGGED_IN.
        await service.logoutOnServerOnly()
        _ = try await service.subscriptions()
    }

    // MARK: - Subscriptions

    @Test func subscribeInAFolderAndUnsubscribe() async throws {
        try await server.reset()
        let url = try server.writeFeed("folder-\(UUID().uuidString.prefix(8))", title: "Foldered", count: 3)
        let id = try await server.subscribeAndFetch(url, folder: "News")
        let (store, path) = try temporaryCache()
        defer { removeCache(path) }
        let report = try await engine(store).run()
        #expect(report.feedsAdded == 1 && report.articlesNew == 3)
        let feed = try #require(try store.feeds().first { $0.source == url })
        #expect(feed.tags == ["News"])
        // The refresh engine leaves synced feeds to the server.
        #expect(try store.syncedFeedIDs() == [feed.id])

        let other = try server.session()
        _ = try await other.login()
        try await other.unsubscribe(feedID: id)
        let after = try await engine(store).run()
        #expect(after.feedsRemoved == 1)
        #expect(try store.feeds().isEmpty)
    }

    @Test func badSubscriptionURLIsRefusedWithTheReason() async throws {
        let service = try server.session()
        _ = try await service.login()
        do {
            _ = try await service.subscribe(url: server.feedsURL + "missing-\(UUID().uuidString).rss", folder: nil)
            Issue.record("subscribed to a missing feed")
        } catch let error as SyncError {
            #expect(error.description.contains("could not download") || error.description.contains("not a valid"))
        }
    }

    // MARK: - Articles

    @Test func firstSyncAcrossPagesThenNothingNew() async throws {
        try await server.reset()
        let name = "pages-\(UUID().uuidString.prefix(8))"
        _ = try await server.subscribeAndFetch(try server.writeFeed(name, title: "Paged", count: 450))
        let (store, path) = try temporaryCache()
        defer { removeCache(path) }
        let first = try await engine(store).run()
        #expect(first.articlesNew == 450)
        #expect(try store.totals().total == 450)
        #expect(try store.totals().unread == 450)
        let second = try await engine(store).run()
        #expect(second.articlesNew == 0 && second.pulledRead == 0 && second.pushedRead == 0)
        #expect(try store.totals().total == 450)
        // Bodies came with the new articles.
        let any = try #require(try store.syncMergeInput().states.first)
        #expect(try store.article(any.articleID)?.body.contains("Body of \(name)") == true)
    }

    @Test func aSecondRoundAsksForNothingAlreadyStoredWhateverOrderTheIdsCameIn() async throws {
        try await server.reset()
        // Fetched second, so its articles get the higher ids, but dated earlier: the highest id
        // of the first round is on its first pages, not on its last.
        _ = try await server.subscribeAndFetch(try server.writeFeed("newer-\(UUID().uuidString.prefix(8))", title: "Newer", count: 250))
        _ = try await server.subscribeAndFetch(try server.writeFeed("older-\(UUID().uuidString.prefix(8))", title: "Older", count: 250,
                                                                    first: 1000))
        let (store, path) = try temporaryCache()
        defer { removeCache(path) }
        #expect(try await engine(store).run().articlesNew == 500)
        let steps = StepLog()
        let again = try await engine(store).run { steps.add($0) }
        #expect(again.articlesNew == 0)
        // The status bar's count of articles met: none, not the older feed's 250 once more.
        #expect(steps.all.contains(.articles(0)) && !steps.all.contains { if case .articles(let n) = $0 { n > 0 } else { false } })
    }

    @Test func aFeedThatWasLocalIsMatchedNotDoubled() async throws {
        try await server.reset()
        let name = "local-\(UUID().uuidString.prefix(8))"
        let url = try server.writeFeed(name, title: "Was local", count: 5)
        let (store, path) = try temporaryCache()
        defer { removeCache(path) }
        // Fetched by Tidings itself first (the same bytes the server gets).
        let feed = try store.registerFeed(source: url, title: nil)
        let items = (1...5).map { i in
            FeedItem(id: "\(name)-guid-\(i)", title: "Was local item \(i)", link: "http://example.org/\(name)/\(i)")
        }
        _ = try store.apply(FeedDocument(format: .rss20, items: items), toFeed: feed)
        _ = try await server.subscribeAndFetch(url)
        let report = try await engine(store).run()
        #expect(report.articlesMatched == 5 && report.articlesNew == 0)
        #expect(try store.totals().total == 5)
    }

    // MARK: - Marks

    @Test func marksGoBothWays() async throws {
        try await server.reset()
        _ = try await server.subscribeAndFetch(try server.writeFeed("marks-\(UUID().uuidString.prefix(8))", title: "Marks", count: 6))
        let (store, path) = try temporaryCache()
        defer { removeCache(path) }
        _ = try await engine(store).run()
        let ids = try store.syncMergeInput().states.map(\.serverID).sorted { Int($0)! < Int($1)! }
        #expect(ids.count == 6)

        // Here → server.
        try store.setRead([try store.localID(ids[0])!], true)
        try store.setStarred([try store.localID(ids[1])!], true)
        #expect(try store.syncLedger().pendingMarks == 2)
        let pushed = try await engine(store).run()
        #expect(pushed.pushedRead == 1 && pushed.pushedStarred == 1)
        #expect(try store.syncLedger().pendingMarks == 0)
        let other = try server.session()
        _ = try await other.login()
        let seen = try await other.stateIDs()
        #expect(!seen.unread.contains(ids[0]) && seen.unread.contains(ids[1]))
        #expect(seen.starred == [ids[1]])

        // Another machine → here.
        try await other.setFlag(.read, true, ids: [ids[2], ids[3]])
        try await other.setFlag(.starred, true, ids: [ids[4]])
        try await other.setFlag(.read, false, ids: [ids[0]])
        let pulled = try await engine(store).run()
        #expect(pulled.pulledRead == 2 && pulled.pulledStarred == 1 && pulled.pulledUnread == 1)
        let flags = try store.flags()
        #expect(flags[ids[2]]!.read && flags[ids[3]]!.read && flags[ids[4]]!.starred && !flags[ids[0]]!.read)
    }

    @Test func threeWayMergeBranchesAgainstTheServer() async throws {
        try await server.reset()
        _ = try await server.subscribeAndFetch(try server.writeFeed("merge-\(UUID().uuidString.prefix(8))", title: "Merge", count: 4))
        let (store, path) = try temporaryCache()
        defer { removeCache(path) }
        _ = try await engine(store).run()
        let ids = try store.syncMergeInput().states.map(\.serverID).sorted { Int($0)! < Int($1)! }
        let other = try server.session()
        _ = try await other.login()

        // a: only here (read) → pushed. b: only there (read) → taken.
        // c: both, differently: read there, here read then unread again → unread wins (conflict).
        // d: both, differently for stars: starred then unstarred here, starred there → starred wins.
        try store.setRead([try store.localID(ids[0])!], true)
        try await other.setFlag(.read, true, ids: [ids[1]])
        try store.setRead([try store.localID(ids[2])!], true)
        try store.setRead([try store.localID(ids[2])!], false)
        try await other.setFlag(.read, true, ids: [ids[2]])
        try store.setStarred([try store.localID(ids[3])!], true)
        try store.setStarred([try store.localID(ids[3])!], false)
        try await other.setFlag(.starred, true, ids: [ids[3]])
        let report = try await engine(store).run()
        #expect(report.conflicts == 2)
        let flags = try store.flags()
        let server = try await other.stateIDs()
        #expect(flags[ids[0]]!.read && !server.unread.contains(ids[0]))
        #expect(flags[ids[1]]!.read)
        #expect(!flags[ids[2]]!.read && server.unread.contains(ids[2]))
        #expect(flags[ids[3]]!.starred && server.starred.contains(ids[3]))
        // A second round finds nothing left to do.
        let again = try await engine(store).run()
        #expect(again.conflicts == 0 && again.pushedRead + again.pushedUnread + again.pushedStarred == 0)
    }

    @Test func marksMadeWhileTheServerIsDownAreReplayed() async throws {
        try await server.reset()
        _ = try await server.subscribeAndFetch(try server.writeFeed("offline-\(UUID().uuidString.prefix(8))", title: "Offline", count: 3))
        let (store, path) = try temporaryCache()
        defer { removeCache(path) }
        _ = try await engine(store).run()
        let ids = try store.syncMergeInput().states.map(\.serverID).sorted { Int($0)! < Int($1)! }

        #expect(server.script("stop-php") == 0)
        try store.setRead([try store.localID(ids[0])!, try store.localID(ids[1])!], true)
        try store.setStarred([try store.localID(ids[2])!], true)
        do {
            _ = try await engine(store).run()
            Issue.record("synced with a stopped server")
        } catch let error as SyncError {
            #expect(error.isConnection)
        }
        #expect(server.script("start-php") == 0)
        #expect(try store.syncLedger().pendingMarks == 3)
        let report = try await engine(store).run()
        #expect(report.pushedRead == 2 && report.pushedStarred == 1)
        let other = try server.session()
        _ = try await other.login()
        let state = try await other.stateIDs()
        #expect(!state.unread.contains(ids[0]) && !state.unread.contains(ids[1]) && state.starred.contains(ids[2]))
    }

    @Test func markAllReadSendsTheIdsInViewOnly() async throws {
        try await server.reset()
        let name = "catchup-\(UUID().uuidString.prefix(8))"
        let url = try server.writeFeed(name, title: "Catch-up", count: 3)
        let serverFeed = try await server.subscribeAndFetch(url)
        let (store, path) = try temporaryCache()
        defer { removeCache(path) }
        _ = try await engine(store).run()
        let feed = try #require(try store.feeds().first { $0.source == url })
        try store.markAllRead(.feed(feed.id))
        // Two more arrive on the server before the next sync: they must stay unread.
        _ = try server.writeFeed(name, title: "Catch-up", count: 5)
        let other = try server.session()
        _ = try await other.login()
        try await other.updateFeed(feedID: serverFeed)
        let report = try await engine(store).run()
        #expect(report.pushedRead == 3 && report.articlesNew == 2)
        #expect(try store.totals().unread == 2)
    }

    // MARK: - The command

    func cli(_ cachePath: String, _ arguments: [String], password: String? = nil, wait: Bool = true) throws -> Process {
        try server.cli(cachePath, arguments, password: password, wait: wait)
    }

    func output(_ cachePath: String) -> String { server.output(cachePath) }

    @Test func commandExitStatusesAndNoPasswordInOutput() async throws {
        try await server.reset()
        _ = try await server.subscribeAndFetch(try server.writeFeed("cli-\(UUID().uuidString.prefix(8))", title: "CLI", count: 2))
        let (_, path) = try temporaryCache()
        defer { removeCache(path) }
        let secret = "wrong-\(UUID().uuidString)"
        let refused = try cli(path, ["sync"], password: secret)
        #expect(refused.terminationStatus == 1)
        #expect(output(path).contains("refused the login") && !output(path).contains(secret))
        let ok = try cli(path, ["sync", "--json"])
        #expect(ok.terminationStatus == 0)
        #expect(output(path).contains("\"conflicts\""))
        let status = try cli(path, ["sync", "--status"])
        #expect(status.terminationStatus == 0 && output(path).contains("Pending local changes: 0"))
        #expect(output(path).contains("Synced: 1 feeds, 2 articles"))
        // The synced feed is the server's to fetch: refresh does not poll it.
        let refresh = try cli(path, ["refresh", "--json"])
        #expect(refresh.terminationStatus == 0)
        #expect(output(path).trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]")
    }

    @Test func killedDuringASyncThenACleanSyncLosesAndDoublesNothing() async throws {
        try await server.reset()
        _ = try await server.subscribeAndFetch(try server.writeFeed("kill-\(UUID().uuidString.prefix(8))", title: "Kill", count: 450))
        let (store, path) = try temporaryCache()
        defer { removeCache(path) }
        // Killed at several points of the round (login, pages, bodies, commit), each time resumed.
        for delay in [0.3, 0.8, 1.5] {
            let process = try cli(path, ["sync"], wait: false)
            try await Task.sleep(for: .seconds(delay))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let report = try await engine(store).run()
        #expect(report.articlesNew <= 450)
        #expect(try store.totals().total == 450)
        #expect(try store.syncLedger().syncedArticles == 450)
        let again = try await engine(store).run()
        #expect(again.articlesNew == 0 && again.articlesMatched == 0)
    }
}

/// The progress steps of a sync, in order.
final class StepLog: @unchecked Sendable {
    private let lock = NSLock()
    private var steps: [SyncProgress] = []
    func add(_ step: SyncProgress) { lock.lock(); steps.append(step); lock.unlock() }
    var all: [SyncProgress] { lock.lock(); defer { lock.unlock() }; return steps }
}
