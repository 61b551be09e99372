import Foundation
import Testing
import TidingsStore
import TidingsSync

/// With `[sync]`, `tidings add URL` subscribes on the server and `tidings remove` unsubscribes
/// there, asking first because tt-rss then deletes the feed's unstarred articles; files, folders
/// and `exec:` stay local. Against the real tt-rss.
@Suite(.serialized, .oneAccount, .enabled(if: TTRSSServer.current != nil, TTRSSServer.skipReason))
struct ServerSubscriptionTests {
    let server = TTRSSServer.current!

    func serverURLs() async throws -> [String: String?] {
        let other = try server.session()
        _ = try await other.login()
        let feeds = try await other.subscriptions()
        await other.logout()
        var out: [String: String?] = [:]
        for feed in feeds { out[feed.url] = feed.folder }
        return out
    }

    /// A cache already holding one synced feed of three articles; returns its URL.
    func syncedFeed(_ path: String) async throws -> String {
        let url = try server.writeFeed("remove-\(UUID().uuidString.prefix(8))", title: "Removable", count: 3)
        _ = try await server.subscribeAndFetch(url)
        #expect(try server.cli(path, ["sync"]).terminationStatus == 0, "\(server.output(path))")
        return url
    }

    @Test func addSubscribesOnTheServerInTheFolderAndBringsTheFeedHere() async throws {
        try await server.reset()
        let url = try server.writeFeed("add-\(UUID().uuidString.prefix(8))", title: "Added here", count: 4)
        let (store, path) = try temporaryCache()
        defer { removeCache(path) }
        let add = try server.cli(path, ["add", url, "--tag", "News", "--title", "Mine"])
        #expect(add.terminationStatus == 0, "\(server.output(path))")
        #expect(server.output(path).contains("Subscribed on the server: feed"))
        #expect(server.output(path).contains("Mine (4 articles)"))
        #expect(try await serverURLs()[url] == "News")
        let feed = try #require(try store.feeds().first { $0.source == url })
        #expect(try store.syncedFeedIDs() == [feed.id])
        #expect(feed.tags == ["News"] && feed.total == 4 && feed.title == "Mine")
    }

    @Test func localSourcesStayLocal() async throws {
        try await server.reset()
        let (store, path) = try temporaryCache()
        defer { removeCache(path) }
        let file = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("local.rss")
        try "<rss version=\"2.0\"><channel><title>Local only</title><item><title>One</title><guid>l-1</guid></item></channel></rss>"
            .write(to: file, atomically: true, encoding: .utf8)
        let add = try server.cli(path, ["add", file.path])
        #expect(add.terminationStatus == 0, "\(server.output(path))")
        #expect(server.output(path).contains("Added feed"))
        #expect(try await serverURLs().isEmpty)
        #expect(try store.syncedFeedIDs().isEmpty && store.feeds().count == 1)
    }

    @Test func removeWithoutATerminalOrYesRefusesThenYesUnsubscribes() async throws {
        try await server.reset()
        let (store, path) = try temporaryCache()
        defer { removeCache(path) }
        let url = try await syncedFeed(path)

        let refused = try server.cli(path, ["remove", url])
        #expect(refused.terminationStatus == 1)
        let said = server.output(path).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!said.contains("\n") && said.contains("deletes the unstarred articles") && said.contains("--yes"))
        #expect(try await serverURLs()[url] != nil)
        #expect(try store.feeds().count == 1)

        let removed = try server.cli(path, ["remove", url, "--yes"])
        #expect(removed.terminationStatus == 0, "\(server.output(path))")
        #expect(server.output(path).contains("Unsubscribed on the server and removed feed"))
        #expect(try await serverURLs()[url] == nil)
        #expect(try store.feeds().isEmpty)
        // The next sync agrees: nothing comes back.
        #expect(try server.cli(path, ["sync"]).terminationStatus == 0)
        #expect(try store.feeds().isEmpty)
    }

    @Test func removeOnATerminalAsksAndNoKeepsEverything() async throws {
        try await server.reset()
        let (store, path) = try temporaryCache()
        defer { removeCache(path) }
        let url = try await syncedFeed(path)
        let command = try server.commandLine(path, ["remove", url])

        let declined = try ReaderTerminal(command, environment: ["TIDINGS_SYNC_PASSWORD": server.password])
        defer { declined.stop() }
        try declined.waitFor(text: "[y/N]")
        try declined.send("n", "Enter")
        let screen = try declined.waitFor(text: "[exited 0]")
        #expect(screen.contains("nothing was removed"))
        #expect(try await serverURLs()[url] != nil)
        #expect(try store.feeds().count == 1)

        let accepted = try ReaderTerminal(command, environment: ["TIDINGS_SYNC_PASSWORD": server.password])
        defer { accepted.stop() }
        try accepted.waitFor(text: "[y/N]")
        try accepted.send("y", "Enter")
        try accepted.waitFor(text: "Unsubscribed on the server")
        try accepted.waitFor(text: "[exited 0]")
        #expect(try await serverURLs()[url] == nil)
        #expect(try store.feeds().isEmpty)
    }
}
