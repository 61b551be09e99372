import Foundation
import Testing
import TidingsStore
import TidingsSync

/// The reader with `[sync]` against the real tt-rss, as a user meets it at 80x24: articles arrive
/// from the server at start, the status line reports the round, a mark made in the reader reaches
/// the server after `R`, and one made on the server (a second API session) shows in place.
@Suite(.serialized, .oneAccount, .enabled(if: TTRSSServer.current != nil, TTRSSServer.skipReason))
struct ReaderSyncEndToEndTests {
    let server = TTRSSServer.current!

    /// A fresh folder with a config naming the server; the cache goes beside it.
    func workspace() throws -> (dir: URL, command: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tidings-reader-sync-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return (dir, try server.commandLine(dir.appendingPathComponent("cache.sqlite").path, []))
    }

    /// The server's id of the article with this title, through another API session.
    func serverID(_ title: String, _ other: any SyncService) async throws -> String {
        var continuation: String?
        repeat {
            let page = try await other.articles(since: nil, continuation: continuation)
            if let found = page.articles.first(where: { $0.title == title }) { return found.id }
            continuation = page.continuation
        } while continuation != nil
        throw SyncError.badAnswer(op: "test", why: "no article titled \(title)")
    }

    @Test func articlesArriveAndMarksGoBothWays() async throws {
        try await server.reset()
        let name = "reader-\(UUID().uuidString.prefix(8))"
        _ = try await server.subscribeAndFetch(try server.writeFeed(name, title: "Harbor Sync", count: 12))
        let (dir, command) = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let reader = try ReaderTerminal(command, environment: ["TIDINGS_SYNC_PASSWORD": server.password])
        defer { reader.stop() }

        // Due at once (never synced): the articles arrive and the status line says what came.
        var screen = try reader.waitFor(text: "Synced: 1 feed (+1 −0), 12 new articles")
        #expect(screen.contains("Harbor Sync") && screen.contains("(12 unread, 12 total)"))
        #expect(!screen.contains(server.password))

        // The newest article (item 1) marked read in the reader, then R.
        try reader.send("Enter")
        try reader.waitFor(text: "Harbor Sync item 1")
        try reader.send("N")
        try reader.waitFor(text: "(11 unread, 12 total)")
        try reader.send("R")
        try reader.waitFor(text: "1 mark sent")

        let other = try server.session()
        _ = try await other.login()
        let first = try await serverID("Harbor Sync item 1", other)
        let second = try await serverID("Harbor Sync item 2", other)
        var states = try await other.stateIDs()
        #expect(!states.unread.contains(first) && states.unread.contains(second))

        // Another machine reads item 2: after R it shows read here, in place.
        try await other.setFlag(.read, true, ids: [second])
        try reader.send("R")
        screen = try reader.waitFor(text: "1 received")
        #expect(screen.contains("(10 unread, 12 total)"))
        states = try await other.stateIDs()
        #expect(!states.unread.contains(first))
        await other.logout()

        try reader.send("Q")
        try reader.waitFor(text: "[exited 0]")
    }

    @Test func aRefusedLoginIsOneLineAndTheReaderGoesOn() async throws {
        let (dir, command) = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let secret = "wrong-\(UUID().uuidString)"
        let reader = try ReaderTerminal(command, environment: ["TIDINGS_SYNC_PASSWORD": secret])
        defer { reader.stop() }
        let screen = try reader.waitFor(text: "refused the login of \(server.user)")
        #expect(!screen.contains(secret))
        // Every key still works: the help opens and closes.
        try reader.send("?")
        try reader.waitFor(text: "Keys — any other key closes")
        try reader.send("q")
        try reader.send("Q")
        try reader.waitFor(text: "[exited 0]")
    }

    @Test func quittingDuringASyncStopsItAndTheNextRoundLosesAndDoublesNothing() async throws {
        try await server.reset()
        let name = "quit-\(UUID().uuidString.prefix(8))"
        _ = try await server.subscribeAndFetch(try server.writeFeed(name, title: "Quit", count: 450))
        let (dir, command) = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let reader = try ReaderTerminal(command, environment: ["TIDINGS_SYNC_PASSWORD": server.password])
        defer { reader.stop() }
        try reader.waitFor(text: "Syncing…")
        try reader.send("Q")
        try reader.waitFor(text: "[exited 0]")

        let store = try ArticleStore(path: dir.appendingPathComponent("cache.sqlite").path)
        _ = try await SyncEngine(service: try server.session(), store: store).run()
        #expect(try store.totals().total == 450)
        #expect(try store.syncLedger().syncedArticles == 450)
    }
}
