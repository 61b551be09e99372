import ArgumentParser
import Foundation
import TidingsCore
import TidingsFetch
import TidingsRefresh
import TidingsStore
import TidingsText

/// `tidings refresh [FEED...]`: fetches feeds now (http(s) politely and concurrently, local sources read).
struct RefreshCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refresh",
        abstract: "Update feeds from their sources now (all feeds, or the ones named).",
        discussion: """
            http(s) feeds are fetched concurrently (one request per host at a time) with their ETag and \
            Last-Modified, so an unchanged feed costs a 304. Feeds that are gone (HTTP 410), rate-limited \
            by their server or backing off after errors are skipped with the reason; --force fetches them \
            anyway. Prints one summary line; each feed that failed gets a line on stderr and keeps the \
            error (see `tidings feeds`) while the other feeds are still refreshed. Exit status: 0 when no \
            feed failed, 2 when some feeds failed and others were refreshed, 1 when none could be refreshed \
            or the command itself could not run.
            """)

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp("Feeds to refresh: id, title or source. All when none is given.", valueName: "feed"))
    var feeds: [String] = []

    @Flag(name: .long, help: "Only feeds whose next fetch time has come (for cron).")
    var due = false

    @Flag(name: .long, help: "Fetch even feeds in error backoff, rate-limited by their server, or gone (re-enables them).")
    var force = false

    @Flag(name: .long, help: "Print the result of each feed as JSON.")
    var json = false

    func run() async throws {
        let config = try ConfigLoader.load(path: common.configPath, explicit: common.configIsExplicit)
        let store = try Headless.store(common)
        let targets = feeds.isEmpty ? try Headless.attempt { try store.feeds() } : try feeds.map { try Headless.feed($0, in: store) }
        let engine = RefreshEngine(store: store, client: HTTPClient(version: TidingsVersion.string),
                                   settings: RefreshSettings(config: config))
        let bar = ProgressBar(total: targets.count, enabled: !json)
        let summary = await engine.run(targets, selection: RefreshSelection(force: force, dueOnly: due)) { event in
            bar.show(event.done, failed: event.failed, label: event.feed.displayName)
        }
        bar.finish()
        store.checkpointAndTruncateLog()
        if json {
            try Headless.printJSON(summary.outcomes.map(Self.json))
        } else {
            TextOutput.write(summary.line + "\n")
        }
        for line in summary.problems { TextOutput.error(TerminalSafe.singleLine(line)) }
        let bad = summary.unsuccessful
        if bad > 0 { throw ExitCode(bad + summary.skipped == targets.count ? 1 : 2) }
    }

    static func json(_ outcome: RefreshRun.Outcome) -> [String: Any] {
        let feed = outcome.feed
        var out: [String: Any] = ["id": feed.id, "title": feed.displayName, "source": feed.displaySource]
        switch outcome.status {
        case .updated(let r, let warnings):
            out["status"] = "updated"; out["new"] = r.inserted; out["updated"] = r.updated; out["unchanged"] = r.unchanged
            out["warnings"] = warnings
        case .unchanged: out["status"] = "unchanged"
        case .skipped(let why): out["status"] = "skipped"; out["reason"] = why.description
        case .failed(let why): out["status"] = "failed"; out["error"] = why
        case .rateLimited(let until): out["status"] = "rate-limited"; out["until"] = Headless.iso(until)
        case .gone: out["status"] = "gone"
        }
        return out
    }
}

extension RefreshSettings {
    init(config: Config) {
        self.init(concurrency: config.fetch.concurrency, timeout: config.fetch.timeout,
                  interval: config.fetch.interval, retention: config.retention)
        fullArticle = config.fullArticle
    }
}

/// A one-line progress bar on standard error, drawn only when it is a terminal; feeds finish on
/// several threads, so drawing is serialised.
final class ProgressBar: @unchecked Sendable {
    let total: Int
    let enabled: Bool
    private let lock = NSLock()

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled && isatty(STDERR_FILENO) == 1 && total > 0
    }

    func show(_ done: Int, failed: Int, label: String) {
        guard enabled else { return }
        let width = 24
        let filled = total == 0 ? width : done * width / total
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let name = String(TerminalSafe.singleLine(label).prefix(40))
        let failures = failed > 0 ? " · \(failed) failed" : ""
        lock.lock()
        FileHandle.standardError.write(Data("\r\u{1B}[K[\(bar)] \(done)/\(total)\(failures) \(name)".utf8))
        lock.unlock()
    }

    func finish() {
        guard enabled else { return }
        lock.lock()
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        lock.unlock()
    }
}
