import ArgumentParser
import Foundation
import TidingsCore
import TidingsStore
import TidingsText

/// `tidings refresh [FEED...]`: brings local, folder and exec: sources up to date now.
struct RefreshCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refresh",
        abstract: "Update feeds from their sources now (all feeds, or the ones named).",
        discussion: """
            Prints one summary line; each feed that failed gets a line on stderr and keeps the error \
            (see `tidings feeds`) while the other feeds are still refreshed. Exit status: 0 when no feed \
            failed (feeds skipped because http(s) fetching is not in this version do not count), 2 when \
            some feeds failed and others were refreshed, 1 when none could be refreshed or the command \
            itself could not run.
            """)

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp("Feeds to refresh: id, title or source. All when none is given.", valueName: "feed"))
    var feeds: [String] = []

    @Flag(name: .long, help: "Print the result of each feed as JSON.")
    var json = false

    func run() throws {
        let store = try Headless.store(common)
        let targets = feeds.isEmpty ? try Headless.attempt { try store.feeds() } : try feeds.map { try Headless.feed($0, in: store) }
        let config = try ConfigLoader.load(path: common.configPath, explicit: common.configIsExplicit)
        let summary = RefreshRun.run(targets, store: store, progress: !json, retention: config.retention)
        if json {
            try Headless.printJSON(summary.outcomes.map(\.json))
        } else {
            print(summary.line)
        }
        for line in summary.problems { FileHandle.standardError.write(Data("tidings: \(line)\n".utf8)) }
        if summary.failed > 0 { throw ExitCode(summary.failed + summary.skipped == targets.count ? 1 : 2) }
    }
}

/// Refreshes feeds one after another with a progress bar on a terminal, and sums up.
struct RefreshRun {
    struct Outcome {
        var feed: FeedInfo
        var status: RefreshStatus
        var json: [String: Any] {
            var out: [String: Any] = ["id": feed.id, "title": feed.title, "source": feed.source]
            switch status {
            case .updated(let r, let warnings):
                out["status"] = "updated"; out["new"] = r.inserted; out["updated"] = r.updated; out["unchanged"] = r.unchanged
                out["warnings"] = warnings
            case .unchanged: out["status"] = "unchanged"
            case .skipped(let why): out["status"] = "skipped"; out["reason"] = why
            case .failed(let why): out["status"] = "failed"; out["error"] = why
            }
            return out
        }
    }
    var outcomes: [Outcome] = []
    var inserted = 0, updated = 0, unchanged = 0, skipped = 0, failed = 0, warned = 0
    /// Articles removed by retention limits after the refresh.
    var purged = 0
    var problems: [String] = []

    /// Refreshes `feeds`, then applies `retention` to those read successfully (no VACUUM: that is
    /// `tidings cleanup`'s job), as newsboat applies max-items on every reload; time passes even
    /// for a feed that did not change, so keep-days applies to those too.
    static func run(_ feeds: [FeedInfo], store: ArticleStore, progress: Bool,
                    retention: RetentionPolicy = RetentionPolicy()) -> RefreshRun {
        var run = RefreshRun()
        let bar = ProgressBar(total: feeds.count, enabled: progress)
        // Reading and parsing the next source overlaps with writing this one: two cores, two halves.
        let prepared = Pipeline(feeds) { Refresher.prepare($0, store: store) }
        var skipReasons: [String: Int] = [:]
        for (i, feed) in feeds.enumerated() {
            bar.show(i, label: feed.title)
            let status = Refresher.commit(prepared.next(), for: feed, store: store)
            switch status {
            case .updated(let r, let warnings):
                run.inserted += r.inserted; run.updated += r.updated
                if let first = warnings.first {
                    run.warned += 1
                    let more = warnings.count > 1 ? " (and \(warnings.count - 1) more)" : ""
                    run.problems.append("\(feed.title): warning: \(first)\(more)")
                }
            case .unchanged: run.unchanged += 1
            case .skipped(let why): run.skipped += 1; skipReasons[why, default: 0] += 1
            case .failed(let why): run.failed += 1; run.problems.append("\(feed.title): \(why)")
            }
            run.outcomes.append(Outcome(feed: feed, status: status))
        }
        bar.finish()
        let read = run.outcomes.compactMap { outcome -> FeedID? in
            switch outcome.status {
            case .updated, .unchanged: return outcome.feed.id
            case .skipped, .failed: return nil
            }
        }
        if !read.isEmpty, !retention.isUnlimited {
            do {
                run.purged = try store.cleanup(policy: retention, feeds: read, compact: false).deleted
            } catch {
                run.problems.append("retention: \(error)")
            }
        }
        // One line per reason, not per feed: 300 http(s) feeds must not mean 300 lines from cron.
        for (why, count) in skipReasons.sorted(by: { $0.key < $1.key }) {
            run.problems.append("skipped \(count) feed\(count == 1 ? "" : "s"): \(why)")
        }
        return run
    }

    var line: String {
        "Refreshed \(outcomes.count) feed\(outcomes.count == 1 ? "" : "s"): \(inserted) new, \(updated) updated articles; "
            + "\(unchanged) unchanged, \(skipped) skipped, \(failed) failed" + (warned > 0 ? ", \(warned) with warnings" : "")
            + (purged > 0 ? "; \(purged) old articles removed by retention limits" : "")
    }
}

/// A one-line progress bar on standard error, drawn only when it is a terminal.
struct ProgressBar {
    let total: Int
    let enabled: Bool
    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled && isatty(STDERR_FILENO) == 1 && total > 0
    }

    func show(_ done: Int, label: String) {
        guard enabled else { return }
        let width = 24
        let filled = total == 0 ? width : done * width / total
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let name = String(TerminalSafe.singleLine(label).prefix(40))
        FileHandle.standardError.write(Data("\r\u{1B}[K[\(bar)] \(done)/\(total) \(name)".utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
