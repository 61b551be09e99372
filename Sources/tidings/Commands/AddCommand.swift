import ArgumentParser
import Foundation
import TidingsCore
import TidingsFetch
import TidingsRefresh
import TidingsStore
import TidingsText

/// `tidings add SOURCE`: subscribes to a URL, a local feed file, an article folder or `exec:COMMAND`.
struct AddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Subscribe to a feed: an http(s) URL, a local feed file, a folder of Markdown/HTML articles, or exec:COMMAND.",
        discussion: """
            An http(s) URL costs one GET and its articles are imported at once. Given a web page instead \
            of a feed, Tidings subscribes to the first feed the page links to (<link rel="alternate">) and \
            lists the others. Adding a feed that is already there updates its title and tags and \
            re-enables it if it was gone or backing off. With [sync] configured, a URL is subscribed on \
            the server instead (--tag names the server's folder, which must exist there) and a sync \
            brings the feed here; files, folders and exec: stay local.
            """)

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp("The source.", valueName: "source"))
    var source: String

    @Option(name: .long, help: "A title of your own for the feed.")
    var title: String?

    @Option(name: .long, help: "A tag (repeat for several).")
    var tag: [String] = []

    @Flag(name: .long, help: "Do not read the source now.")
    var noRefresh = false

    func run() async throws {
        let config = try ConfigLoader.load(path: common.configPath, explicit: common.configIsExplicit)
        let normalized = try Sources.normalize(source, relativeTo: FileManager.default.currentDirectoryPath)
        let store = try Headless.store(common)
        if config.sync != nil, normalized.lowercased().hasPrefix("http") {
            // With sync on, the server's list is the truth for URL feeds: subscribe there.
            guard tag.count <= 1 else {
                throw CommandFailure("a synced feed has one folder on the server: give one --tag (the server's folder)")
            }
            let server = try ServerSubscriptions(config: config, store: store)
            Headless.printLines(try await server.add(normalized, folder: tag.first, title: title, syncNow: !noRefresh))
            return
        }
        var (feed, existed) = try register(normalized, in: store)
        let verb = existed ? "Updated" : "Added"
        if noRefresh {
            TextOutput.write("\(verb) feed \(feed.id): \(feed.displaySource)\n")
            return
        }
        let engine = RefreshEngine(store: store, client: HTTPClient(version: TidingsVersion.string),
                                   settings: RefreshSettings(config: config))
        var status: RefreshStatus
        var others: [DiscoveredLink] = []
        if feed.kind == .url {
            let (first, links) = await engine.refreshOne(feed, discover: true)
            status = first
            if let chosen = links.first {
                // A web page: subscribe to the feed it names instead of the page itself.
                if !existed { try Headless.attempt { try store.removeFeed(feed.id) } }
                (feed, existed) = try register(chosen.url, in: store)
                others = Array(links.dropFirst())
                TextOutput.write("\(Userinfo.censor(normalized)) is a web page; subscribing to the feed it links to: \(feed.displaySource)\n")
                status = await engine.refreshOne(feed).0
            } else if case .failed = first, links.isEmpty, isPage(first) {
                if !existed { try? store.removeFeed(feed.id) }
                throw CommandFailure("\(Userinfo.censor(normalized)) is a web page that links to no RSS, Atom or JSON feed")
            }
        } else {
            status = Refresher.refreshLocal(feed, store: store)
        }
        let shown = (try? store.feeds().first { $0.id == feed.id }) ?? feed
        switch status {
        case .updated(let report, _):
            TextOutput.write("\(verb) feed \(shown.id): \(TerminalSafe.singleLine(shown.displayName)) (\(report.inserted) new articles)\n")
        case .unchanged:
            TextOutput.write("\(verb) feed \(shown.id): \(TerminalSafe.singleLine(shown.displayName)) (unchanged)\n")
        case .skipped(let why):
            TextOutput.write("\(verb) feed \(shown.id): \(shown.displaySource) (not read now: \(why.description))\n")
        case .rateLimited(let until):
            TextOutput.write("\(verb) feed \(shown.id): \(shown.displaySource) (the server asks to wait until \(Clock.short(until)))\n")
        case .gone:
            throw CommandFailure("added feed \(shown.id), but the server says it is gone (HTTP 410)")
        case .failed(let why):
            throw CommandFailure("added feed \(shown.id), but reading it failed: \(TerminalSafe.singleLine(why))")
        }
        for link in others {
            TextOutput.write("Also on the page: \(link.url)" + (link.title.map { " (\(TerminalSafe.singleLine($0)))" } ?? "") + "\n")
        }
    }

    private func isPage(_ status: RefreshStatus) -> Bool {
        if case .failed(let why) = status { return why == "this is a web page, not a feed" }
        return false
    }

    /// Registers (or updates) the subscription; an existing one keeps its title, tags and filter
    /// unless new ones are given, and is re-enabled.
    private func register(_ source: String, in store: ArticleStore) throws -> (FeedInfo, Bool) {
        let existing = try Headless.attempt { try store.feeds() }.first { $0.source == source }
        let id = try Headless.attempt {
            try store.registerFeed(source: source, title: title ?? existing?.customTitle,
                                   tags: tag.isEmpty ? (existing?.tags ?? []) : tag, hidden: existing?.hidden ?? false,
                                   filter: existing?.filter)
        }
        if existing != nil { try Headless.attempt { try store.reenable(id) } }
        guard let feed = try Headless.attempt({ try store.feeds() }).first(where: { $0.id == id }) else {
            throw CommandFailure("the feed was added but cannot be read back from \(common.cachePath)")
        }
        return (feed, existing != nil)
    }
}

/// Source strings as the cache stores them.
enum Sources {
    /// URLs and `exec:` commands stay as written; local paths become absolute and must exist.
    static func normalize(_ source: String, relativeTo base: String) throws -> String {
        let trimmed = source.trimmingCharacters(in: .whitespaces)
        let lower = trimmed.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            guard let url = URL(string: trimmed), url.host != nil else { throw CommandFailure("\(source) is not a valid URL") }
            return trimmed
        }
        if lower.hasPrefix("exec:") {
            guard !trimmed.dropFirst(5).trimmingCharacters(in: .whitespaces).isEmpty else {
                throw CommandFailure("exec: needs a command, e.g. exec:~/bin/make-feed.sh")
            }
            return trimmed
        }
        let path = absolutePath(trimmed, relativeTo: base)
        guard FileManager.default.fileExists(atPath: path) else {
            if trimmed.contains("://") { throw CommandFailure("\(source): only http, https, file and exec: sources are supported") }
            throw CommandFailure("no such file or folder: \(path)")
        }
        return path
    }

    /// A local path as the cache stores it (absolute, `~/` and `file://` expanded, no trailing
    /// slash), whether or not the file still exists.
    static func absolutePath(_ source: String, relativeTo base: String) -> String {
        var path = source
        if source.lowercased().hasPrefix("file://") { path = URL(string: source)?.path ?? String(source.dropFirst(7)) }
        if path.hasPrefix("~/") { path = Paths.home.appendingPathComponent(String(path.dropFirst(2))).path }
        if !path.hasPrefix("/") { path = URL(fileURLWithPath: base).appendingPathComponent(path).path }
        return URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
