import ArgumentParser
import Foundation
import TidingsCore
import TidingsFetch
import TidingsStore
import TidingsSync
import TidingsText

/// `tidings sync`: one round with the feed server of `[sync]` (tt-rss).
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Sync subscriptions, articles and read/starred marks with your feed server (tt-rss).",
        discussion: """
            One round: the server's subscription list becomes the synced feeds (the server fetches them; \
            refresh skips them), new articles are stored, and read/starred marks are merged both ways: \
            marks made here since the last sync are sent, marks made elsewhere are taken, and when both \
            sides changed the same flag, unread and starred win. Marks made offline wait in the cache \
            until a sync sends them. Configure [sync] with service, url, user and password-command, or \
            put the password in TIDINGS_SYNC_PASSWORD. Exit status: 0 synced, 2 the round stopped \
            part-way (what was done is kept; the next sync resumes), 1 the server could not be reached \
            or refused the login.
            """)

    @OptionGroup var common: CommonOptions

    @Flag(name: .long, help: "Show the account, the last sync and the marks waiting to be sent; contacts no server.")
    var status = false

    @Flag(name: .long, help: "Print what changed as JSON.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Subscribe to this feed URL on the server, then sync.", valueName: "url"))
    var subscribe: String?

    @Option(name: .long, help: ArgumentHelp("Folder for --subscribe (must exist on the server).", valueName: "name"))
    var folder: String?

    @Option(name: .long, help: ArgumentHelp("Unsubscribe from this synced feed (id, title or URL) on the server, then sync.",
                                            valueName: "feed"))
    var unsubscribe: String?

    @Flag(name: .long, help: "Confirm --unsubscribe: tt-rss deletes the feed's unstarred articles on the server.")
    var yes = false

    func run() async throws {
        let config = try ConfigLoader.load(path: common.configPath, explicit: common.configIsExplicit)
        let store = try Headless.store(common)
        if status {
            try showStatus(config.sync, store)
            return
        }
        let service: any SyncService
        do {
            service = try SyncPassword.service(config, client: HTTPClient(version: TidingsVersion.string))
        } catch let error as SyncError {
            throw CommandFailure(error.description)
        }
        do {
            if let subscribe {
                _ = try await service.subscribe(url: subscribe, folder: folder)
            }
            if let unsubscribe {
                let feed = try Headless.feed(unsubscribe, in: store)
                guard let serverID = try store.syncServerFeedID(feed.id) else {
                    throw CommandFailure("\(feed.displayName) is not a synced feed; `tidings remove` removes local feeds")
                }
                guard try ServerSubscriptions.confirmUnsubscribe(feed, yes: yes) else {
                    await service.logout()
                    TextOutput.write("Kept \(TerminalSafe.singleLine(feed.displayName)); nothing was changed.\n")
                    return
                }
                try await service.unsubscribe(feedID: serverID)
            }
            let bar = SyncProgressLine(enabled: !json)
            let report = try await SyncEngine(service: service, store: store).run { bar.show($0) }
            bar.finish()
            await service.logout()
            if json { try Headless.printJSON(Self.json(report)) } else { TextOutput.write(report.line + "\n") }
        } catch let error as SyncError {
            await service.logout()
            throw error.isConnection ? CommandFailure(error.description) : Self.partial(error.description)
        } catch let error as StoreError {
            throw Self.partial(error.description)
        }
    }

    private static func partial(_ message: String) -> ExitCode {
        TextOutput.error(TerminalSafe.singleLine(message))
        return ExitCode(2)
    }

    private func showStatus(_ settings: SyncConfig?, _ store: ArticleStore) throws {
        let ledger = try Headless.attempt { try store.syncLedger() }
        if json {
            var out: [String: Any] = ["configured": settings != nil, "last_sync": Headless.iso(ledger.lastSync),
                                      "pending_marks": ledger.pendingMarks, "synced_feeds": ledger.syncedFeeds,
                                      "synced_articles": ledger.syncedArticles, "last_error": ledger.lastError ?? NSNull()]
            if let settings {
                out["service"] = settings.service
                out["url"] = URLCredentials.censor(settings.url)
                out["user"] = settings.user
            }
            try Headless.printJSON(out)
            return
        }
        var lines: [String] = []
        if let settings {
            lines.append("Account: \(settings.user) on \(URLCredentials.censor(settings.url)) (\(settings.service))")
        } else {
            lines.append("Account: none ([sync] is not in the config)")
        }
        lines.append("Last sync: " + (ledger.lastSync.map { "\(Headless.iso($0))" } ?? "never"))
        lines.append("Pending local changes: \(ledger.pendingMarks)")
        lines.append("Synced: \(ledger.syncedFeeds) feeds, \(ledger.syncedArticles) articles")
        if let error = ledger.lastError { lines.append("Last error: \(error)") }
        Headless.printLines(lines.map { TerminalSafe.singleLine($0) })
    }

    static func json(_ r: SyncReport) -> [String: Any] {
        [
            "feeds": ["total": r.feeds, "added": r.feedsAdded, "removed": r.feedsRemoved],
            "articles": ["new": r.articlesNew, "matched": r.articlesMatched],
            "received": ["read": r.pulledRead, "unread": r.pulledUnread, "starred": r.pulledStarred, "unstarred": r.pulledUnstarred],
            "sent": ["read": r.pushedRead, "unread": r.pushedUnread, "starred": r.pushedStarred, "unstarred": r.pushedUnstarred],
            "conflicts": r.conflicts,
            "seconds": (r.seconds * 1000).rounded() / 1000,
        ]
    }
}

/// The sync password: `TIDINGS_SYNC_PASSWORD`, else the first line printed by `password-command`.
/// Never stored, never printed.
enum SyncPassword {
    /// The service of `[sync]`, logged out, with its password found.
    static func service(_ config: Config, client: HTTPClient) throws -> any SyncService {
        guard let settings = config.sync else {
            throw SyncError.notConfigured("add a [sync] table (service, url, user) to the config")
        }
        return try SyncServices.make(settings, password: try find(settings), client: client, deadline: config.fetch.timeout)
    }

    static func find(_ settings: SyncConfig, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        if let password = environment["TIDINGS_SYNC_PASSWORD"], !password.isEmpty { return password }
        guard let command = settings.passwordCommand else {
            throw SyncError.notConfigured("set password-command in [sync] or the environment variable TIDINGS_SYNC_PASSWORD")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw SyncError.passwordCommand("cannot run /bin/sh") }
        try? output.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SyncError.passwordCommand("`\(command)` exited with status \(process.terminationStatus)")
        }
        guard let line = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).first,
              !line.isEmpty else {
            throw SyncError.passwordCommand("`\(command)` printed no password")
        }
        return String(line.hasSuffix("\r") ? line.dropLast() : line)
    }
}

/// The step a sync is at, on stderr when it is a terminal.
final class SyncProgressLine: @unchecked Sendable {
    let enabled: Bool
    init(enabled: Bool) { self.enabled = enabled && isatty(STDERR_FILENO) == 1 }
    func show(_ step: SyncProgress) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[KSyncing: \(step.label)".utf8))
    }
    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
