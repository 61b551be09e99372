import Foundation
import Testing
import TidingsCore
import TidingsFetch
@testable import TidingsRefresh
import TidingsStore

typealias Server = LoopbackServer
typealias Reply = LoopbackServer.Reply
typealias Header = LoopbackServer.Header

/// A temporary cache and the engine that refreshes it, as the CLI and the reader build them.
final class Harness: @unchecked Sendable {
    let directory: URL
    let store: ArticleStore
    var cachePath: String { directory.appendingPathComponent("cache.sqlite").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tidings-refresh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try ArticleStore(path: directory.appendingPathComponent("cache.sqlite").path)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: directory) }

    @discardableResult
    func add(_ source: String) throws -> FeedInfo {
        let id = try store.registerFeed(source: source, title: nil, tags: [])
        return try feed(id)
    }

    func feed(_ id: FeedID) throws -> FeedInfo {
        try #require(try store.feeds().first { $0.id == id })
    }

    func state(_ feed: FeedInfo) throws -> FetchState { try store.fetchState(feed.id) }

    func titles(_ feed: FeedInfo) throws -> [String] {
        try store.articles(feed: feed.id, limit: 10_000).map(\.title).sorted()
    }

    func engine(_ settings: RefreshSettings = Harness.settings(), classifier: HostClassifier = HostClassifier(),
                idleTimeout: TimeInterval = 10) -> RefreshEngine {
        RefreshEngine(store: store, client: HTTPClient(version: "test", classifier: classifier, idleTimeout: idleTimeout),
                      settings: settings)
    }

    /// Short deadlines: a failure costs seconds, not the default minute.
    static func settings(concurrency: Int = 6, timeout: TimeInterval = 30, maxBytes: Int = 15 << 20) -> RefreshSettings {
        var settings = RefreshSettings(concurrency: concurrency, timeout: timeout)
        settings.maxBytes = maxBytes
        return settings
    }

    /// Refreshes the given feeds (all by default) as they stand in the cache now.
    func refresh(_ feeds: [FeedInfo]? = nil, selection: RefreshSelection = RefreshSelection(),
                 engine: RefreshEngine? = nil) async throws -> RefreshRun {
        let current = try store.feeds()
        let targets = feeds.map { wanted in wanted.compactMap { w in current.first { $0.id == w.id } } } ?? current
        return await (engine ?? self.engine()).run(targets, selection: selection)
    }
}

extension RefreshRun {
    func status(_ feed: FeedInfo) -> RefreshStatus? { outcomes.first { $0.feed.id == feed.id }?.status }

    func error(_ feed: FeedInfo) -> String? {
        if case .failed(let why) = status(feed) { return why }
        return nil
    }

    func inserted(_ feed: FeedInfo) -> Int? {
        if case .updated(let report, _) = status(feed) { return report.inserted }
        return nil
    }

    func warnings(_ feed: FeedInfo) -> [String]? {
        if case .updated(_, let warnings) = status(feed) { return warnings }
        return nil
    }
}

enum FeedText {
    /// An RSS 2.0 document with one item per title (guid = title).
    static func rss(_ title: String = "Loopback", items: [String], ttl: Int? = nil, extra: String = "") -> String {
        let entries = items.map { "<item><title>\($0)</title><guid isPermaLink=\"false\">\($0)</guid><link>http://example.invalid/\($0.hashValue)</link></item>" }
        return """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>\(title)</title><link>http://example.invalid/</link>\(ttl.map { "<ttl>\($0)</ttl>" } ?? "")\(extra)
            \(entries.joined(separator: "\n"))
            </channel></rss>
            """
    }

    static func page(links: [(String, String)] = [], base: String? = nil) -> String {
        let head = links.map { "<link rel=\"alternate\" type=\"\($0.1)\" href=\"\($0.0)\">" }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html><head><title>A blog</title>\(base.map { "<base href=\"\($0)\">" } ?? "")
            \(head)
            </head><body><p>Hello, this is a web page.</p></body></html>
            """
    }
}

/// A server that always answers one good feed, to show the other feeds of a refresh still update.
func goodServer(host: String = "127.0.0.1") throws -> Server {
    try Server(host: host) { r in .ok(FeedText.rss("Good", items: ["good-1", "good-2"]), headers: [Header("ETag", "\"good\"")]) }
}

/// Checks the control feed was written in the same refresh that failed elsewhere.
func expectGoodFeedUpdated(_ run: RefreshRun, _ good: FeedInfo, _ harness: Harness,
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
    #expect(run.inserted(good) == 2, "the healthy feed must still update: \(String(describing: run.status(good)))",
            sourceLocation: sourceLocation)
    #expect(try harness.titles(good) == ["good-1", "good-2"], sourceLocation: sourceLocation)
}

/// A value a server's handler reads while the test changes it.
final class Shared<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }
}
