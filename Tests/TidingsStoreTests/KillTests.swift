import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import TidingsCore
@testable import TidingsStore

/// Issue 4, "Safety of the data": SIGKILL at any instant never corrupts the cache and never loses a
/// read or starred flag already reported as set. Each round refreshes a changed set of local feeds
/// with the real binary while `mark` processes run beside it, kills everything at a seeded random
/// moment, then audits the file. `TIDINGS_KILL_ROUNDS` sets the rounds (Tests/kill-test.sh runs 50),
/// `TIDINGS_KILL_SEED` the seed.
@Suite("Killed processes")
struct KillTests {
    @Test func killedRefreshesAndMarksNeverCorruptTheCacheOrLoseFlags() async throws {
        let environment = ProcessInfo.processInfo.environment
        let rounds = environment["TIDINGS_KILL_ROUNDS"].flatMap { Int($0) }.map { max($0, 1) } ?? 5
        let seed = environment["TIDINGS_KILL_SEED"].flatMap { UInt64($0) } ?? 0x5EED_4
        let binary = KillProcess.binary
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build first: no executable at \(binary)")

        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // About a minute of processes started, killed and audited: off the cooperative pool.
        let (summary, violations, killedMidRun) = try await onOwnThread {
            var harness = try KillHarness(directory: directory, binary: binary, seed: seed)
            try harness.setUp()
            for round in 1...rounds { try harness.runRound(round) }
            try harness.finish()
            return (harness.summary(rounds: rounds), harness.violations, harness.killedMidRun)
        }
        print(summary)
        for violation in violations { Issue.record("\(violation)") }
        #expect(killedMidRun > 0, "no refresh was ever killed while running: the kill moments miss the work")
    }
}

// MARK: - Rounds

/// Drives the rounds and keeps what the audit needs: every id a `mark` confirmed, the feed files.
private struct KillHarness {
    let directory: URL
    let binary: String
    let seed: UInt64
    var cache: String { directory.appendingPathComponent("cache.sqlite").path }
    private var random: KillRandom
    private var corpus: KillCorpus
    /// Ids whose `mark read` / `mark star` exited 0: they must stay set forever (nothing unmarks).
    private var confirmedRead: Set<Int64> = []
    private var confirmedStarred: Set<Int64> = []
    private var existingIDs: [Int64] = []
    /// How long a round's refresh takes, from the last one that ran to completion; kill moments
    /// are spread up to a little beyond it, so most land while it works and a few after it ended.
    private var expectedRefresh: Double = 0
    private(set) var violations: [String] = []
    private(set) var killedMidRun = 0
    private var completed = 0
    private var marksConfirmed = 0
    private var marksKilled = 0
    private var marksFailed = 0
    private var marksStarted = 0
    private var roundTimes: [Double] = []
    private var auditTime = 0.0
    /// When each killed refresh was killed, in seconds after its start.
    private var killMoments: [Double] = []
    private var setupTime = 0.0

    init(directory: URL, binary: String, seed: UInt64) throws {
        self.directory = directory
        self.binary = binary
        self.seed = seed
        random = KillRandom(seed: seed)
        corpus = KillCorpus(directory: directory.appendingPathComponent("feeds"), seed: seed)
    }

    /// Writes the feeds, registers each with `tidings add --no-refresh`, then imports them
    /// once without a kill: that gives `mark` existing ids and times a full refresh.
    mutating func setUp() throws {
        let setupStart = KillClock.now
        defer { setupTime = KillClock.now - setupStart }
        try corpus.writeAll()
        for file in corpus.files {
            let add = try KillProcess.run(binary, ["add", "--no-refresh", file.path, "--cache", cache], logDirectory: directory, timeout: 60)
            try #require(add.exitCode == 0, "tidings add failed: \(add.stderr)")
        }
        let start = KillClock.now
        let first = try KillProcess.run(binary, ["refresh", "--cache", cache], logDirectory: directory, timeout: 300)
        try #require(first.exitCode == 0, "first refresh failed: \(first.stderr)")
        // Rounds rewrite about a third of the feeds and renew one; leftovers of killed rounds add to that.
        expectedRefresh = (KillClock.now - start) * 0.4
        audit(round: 0)
    }

    mutating func runRound(_ round: Int) throws {
        let roundStart = KillClock.now
        try corpus.mutate(round: round, random: &random)
        // One round in eight aims at start-up: opening the cache right after the previous kill.
        let window = random.next() % 8 == 0 ? 0.05 : max(expectedRefresh * 1.15, 0.01)
        let killAt = 0.002 + random.unit() * (window - 0.002)
        var marks: [(start: Double, args: [String], ids: [Int64], star: Bool)] = []
        if !existingIDs.isEmpty {
            for n in 0..<3 {
                let star = random.next() % 2 == 0
                let ids = (0..<(1 + Int(random.next() % 4))).map { _ in existingIDs[Int(random.next() % UInt64(existingIDs.count))] }
                // A mark lives about as long as its start-up; the last one starts just before the
                // kill so that marks, too, are often killed half-way.
                let at = n < 2 ? random.unit() * killAt : max(0, killAt - random.unit() * 0.1)
                marks.append((at, ["mark", star ? "star" : "read"] + ids.map(String.init) + ["--cache", cache], ids, star))
            }
        }
        marks.sort { $0.start < $1.start }

        let refresh = try KillProcess.spawn(binary, ["refresh", "--cache", cache], logDirectory: directory, name: "refresh-\(round)")
        let start = KillClock.now
        var running: [(KillProcess, [Int64], Bool)] = []
        var finishedMarks: [(KillProcess.Outcome, [Int64], Bool)] = []
        var refreshOutcome: KillProcess.Outcome?
        var next = 0
        // Poll every 0.2 ms: starts marks on schedule and notices processes that end on their own.
        while KillClock.now - start < killAt {
            // Once the refresh is over there is nothing left to interrupt: start the remaining marks now.
            let elapsed = refreshOutcome == nil ? KillClock.now - start : killAt
            if refreshOutcome != nil && next == marks.count && running.isEmpty { break }
            while next < marks.count && marks[next].start <= elapsed {
                let mark = try KillProcess.spawn(binary, marks[next].args, logDirectory: directory, name: "mark-\(round)-\(next)")
                running.append((mark, marks[next].ids, marks[next].star))
                marksStarted += 1
                next += 1
            }
            if refreshOutcome == nil, let outcome = refresh.poll() {
                refreshOutcome = outcome
                expectedRefresh = KillClock.now - start
            }
            running.removeAll { entry in
                guard let outcome = entry.0.poll() else { return false }
                finishedMarks.append((outcome, entry.1, entry.2))
                return true
            }
            usleep(200)
        }
        // The kill: refresh and every mark still running, at once.
        if refreshOutcome == nil { refresh.kill() }
        for entry in running { entry.0.kill() }
        let refreshEnd = refreshOutcome ?? refresh.wait(timeout: 30)
        for entry in running { finishedMarks.append((entry.0.wait(timeout: 30), entry.1, entry.2)) }

        switch refreshEnd {
        case .exited(let code):
            // Possibly in the instant between the last poll and the kill: it finished all the same.
            completed += 1
            if code != 0 { violations.append("round \(round): refresh ended with status \(code): \(refresh.stderr)") }
        case .signaled:
            killedMidRun += 1
            killMoments.append(killAt)
        case .unknown(let why): violations.append("round \(round): refresh: \(why)")
        }
        for (outcome, ids, star) in finishedMarks {
            switch outcome {
            case .exited(0):
                marksConfirmed += 1
                if star { confirmedStarred.formUnion(ids) } else { confirmedRead.formUnion(ids) }
            case .exited: marksFailed += 1
            case .signaled: marksKilled += 1
            case .unknown: marksFailed += 1
            }
        }
        audit(round: round)
        roundTimes.append(KillClock.now - roundStart)
    }

    /// One last refresh that is not killed must succeed and leave every current item in the cache.
    mutating func finish() throws {
        let last = try KillProcess.run(binary, ["refresh", "--cache", cache], logDirectory: directory, timeout: 300)
        if last.exitCode != 0 { violations.append("final refresh failed with status \(String(describing: last.exitCode)): \(last.stderr)") }
        audit(round: -1)
        do {
            let store = try ArticleStore(path: cache)
            let stored = Set(try store.rowsForTesting("SELECT f.source, a.guid, a.title FROM article a JOIN feed f ON f.id = a.feed_id")
                .map { row -> String in
                    "\(URL(fileURLWithPath: row[0] ?? "").lastPathComponent)\t\(row[1] ?? "")\t\(row[2] ?? "")"
                })
            let missing = corpus.currentItems().subtracting(stored)
            if !missing.isEmpty {
                violations.append("after the final refresh \(missing.count) current items are missing or stale, e.g. \(missing.sorted().prefix(3))")
            }
        } catch {
            violations.append("final check: \(error)")
        }
    }

    /// Checks every invariant on a freshly opened store; a violation names the SQL that shows it.
    private mutating func audit(round: Int) {
        let label = round == 0 ? "setup" : round < 0 ? "final" : "round \(round)"
        let auditStart = KillClock.now
        defer { auditTime += KillClock.now - auditStart }
        do {
            let store = try ArticleStore(path: cache)
            let found = try KillAudit.violations(store, read: confirmedRead, starred: confirmedStarred)
            violations += found.map { "\(label): \($0)" }
            existingIDs = try store.integersForTesting("SELECT id FROM article")
        } catch {
            violations.append("\(label): the cache cannot be opened or read: \(error)")
        }
    }

    func summary(rounds: Int) -> String {
        let average = roundTimes.isEmpty ? 0 : roundTimes.reduce(0, +) / Double(roundTimes.count)
        let moments = killMoments.sorted()
        let spread = moments.isEmpty ? "" : String(format: " at %.0f–%.0f ms (median %.0f)",
                                                     moments[0] * 1000, moments[moments.count - 1] * 1000, moments[moments.count / 2] * 1000)
        let verdict = violations.isEmpty ? "all invariants held" : "\(violations.count) VIOLATIONS"
        return "kill-test: \(rounds) rounds (seed \(seed)): \(killedMidRun) refreshes killed mid-run\(spread), \(completed) finished first; "
            + "marks: \(marksStarted) started, \(marksConfirmed) confirmed (\(confirmedRead.count) read + \(confirmedStarred.count) starred ids checked), "
            + "\(marksKilled) killed, \(marksFailed) failed; \(existingIDs.count) articles; "
            + String(format: "%.2f s per round, setup %.2f s, audits %.2f s; ", average, setupTime, auditTime) + verdict
    }
}

// MARK: - Invariants

private enum KillAudit {
    /// Each check is a query that returns nothing on a healthy cache.
    static let emptyQueries: [(String, String)] = [
        ("foreign keys", "PRAGMA foreign_key_check"),
        ("duplicate (feed_id, guid)", "SELECT feed_id, guid, count(*) FROM article GROUP BY feed_id, guid HAVING count(*) > 1"),
        ("feed counters differ from a recount", """
            SELECT f.id, f.unread_count, f.total_count,
                   (SELECT count(*) FROM article a WHERE a.feed_id = f.id AND a.is_read = 0) AS unread,
                   (SELECT count(*) FROM article a WHERE a.feed_id = f.id) AS total
              FROM feed f WHERE unread <> f.unread_count OR total <> f.total_count
            """),
        // The index keeps no rows of its own (its content is a view of the articles), so its
        // entries are read from its `_docsize` table: one row per indexed article.
        ("articles missing from the search index",
         "SELECT a.id FROM article a WHERE NOT EXISTS (SELECT 1 FROM article_fts_docsize x WHERE x.id = a.id)"),
        ("search entries without an article",
         "SELECT x.id FROM article_fts_docsize x WHERE NOT EXISTS (SELECT 1 FROM article a WHERE a.id = x.id)"),
    ]

    static func violations(_ store: ArticleStore, read: Set<Int64>, starred: Set<Int64>) throws -> [String] {
        var found: [String] = []
        let integrity = try store.rowsForTesting("PRAGMA integrity_check").map { $0.first ?? nil }
        if integrity != ["ok"] { found.append("PRAGMA integrity_check: \(integrity.prefix(5))") }
        for (name, sql) in emptyQueries {
            let rows = try store.rowsForTesting(sql)
            if !rows.isEmpty {
                let oneLine = sql.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                found.append("\(name): \(rows.count) rows from `\(oneLine)`, e.g. \(rows.prefix(3))")
            }
        }
        let articles = try store.integersForTesting("SELECT count(*) FROM article").first ?? -1
        let indexed = try store.integersForTesting("SELECT count(*) FROM article_fts_docsize").first ?? -1
        if articles != indexed { found.append("SELECT count(*): \(articles) articles but \(indexed) entries in article_fts") }
        // Every term of every article, no more and no less: stale entries would hide here.
        found += try store.searchIndexDifferences().map { "search index differs from a fresh one: \($0)" }
        for (column, ids) in [("is_read", read), ("is_starred", starred)] where !ids.isEmpty {
            let list = ids.map(String.init).joined(separator: ",")
            let sql = "SELECT id FROM article WHERE \(column) = 1 AND id IN (\(list))"
            let kept = Set(try store.integersForTesting(sql))
            let lost = ids.subtracting(kept)
            if !lost.isEmpty { found.append("\(column) lost on confirmed ids \(lost.sorted().prefix(10)) (`\(sql)`)") }
        }
        // FTS5's own consistency check: its index against its stored rows. It is written as an
        // INSERT, so it needs the write path; nothing else runs now.
        do {
            try store.executeForTesting("INSERT INTO article_fts(article_fts) VALUES ('integrity-check')")
        } catch {
            found.append("FTS5 integrity-check: \(error)")
        }
        return found
    }
}

// MARK: - Feeds

/// Deterministic RSS files: 40 feeds × 150 items of about 3 KB. Each round rewrites about a
/// third of them with new items and edited titles, and one gets a whole new set of items so
/// that refreshes also carry large insert transactions.
private struct KillCorpus {
    struct Item {
        var seq: Int
        var revision: Int
    }

    static let feedCount = 40
    static let itemsPerFeed = 150

    let directory: URL
    let seed: UInt64
    private var items: [[Item]]
    private var nextSeq: [Int]

    var files: [URL] { (0..<Self.feedCount).map(file) }

    init(directory: URL, seed: UInt64) {
        self.directory = directory
        self.seed = seed
        items = (0..<Self.feedCount).map { _ in (0..<Self.itemsPerFeed).map { Item(seq: $0, revision: 0) } }
        nextSeq = Array(repeating: Self.itemsPerFeed, count: Self.feedCount)
    }

    func file(_ feed: Int) -> URL { directory.appendingPathComponent(String(format: "feed%02d.xml", feed)) }

    mutating func writeAll() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for feed in 0..<Self.feedCount { try write(feed) }
    }

    mutating func mutate(round: Int, random: inout KillRandom) throws {
        let renewed = Int(random.next() % UInt64(Self.feedCount))
        for feed in 0..<Self.feedCount {
            if feed == renewed {
                items[feed] = (0..<Self.itemsPerFeed).map { Item(seq: nextSeq[feed] + $0, revision: 0) }
                nextSeq[feed] += Self.itemsPerFeed
            } else if random.next() % 3 == 0 {
                let fresh = 2 + Int(random.next() % 8)
                items[feed] = (0..<fresh).map { Item(seq: nextSeq[feed] + $0, revision: 0) } + items[feed]
                items[feed].removeLast(fresh)
                nextSeq[feed] += fresh
                for _ in 0..<(1 + Int(random.next() % 10)) {
                    items[feed][Int(random.next() % UInt64(Self.itemsPerFeed))].revision = round
                }
            } else {
                continue
            }
            try write(feed)
        }
    }

    /// "file\tguid\ttitle" of every item now in the files.
    func currentItems() -> Set<String> {
        var set: Set<String> = []
        for feed in 0..<Self.feedCount {
            for item in items[feed] { set.insert("\(file(feed).lastPathComponent)\t\(guid(feed, item))\t\(title(feed, item))") }
        }
        return set
    }

    private func guid(_ feed: Int, _ item: Item) -> String { "kill-\(feed)-\(item.seq)" }

    private func title(_ feed: Int, _ item: Item) -> String {
        "Feed \(feed) item \(item.seq)" + (item.revision > 0 ? " (revised in round \(item.revision))" : "")
    }

    private static let words = ["harbor", "ferry", "market", "valley", "river", "stone", "lantern", "north", "paper", "window",
                                "garden", "café", "東京", "bridge", "council", "weather", "festival", "orchard", "signal", "tide"]

    private func write(_ feed: Int) throws {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Kill feed \(feed)</title>"
            + "<link>https://kill.example/\(feed)</link><description>Generated for the kill test</description>\n"
        for item in items[feed] {
            var words = KillRandom(seed: seed &+ UInt64(feed) &* 1_000_003 &+ UInt64(item.seq))
            var body = ""
            for _ in 0..<6 {
                body += "<p>"
                for _ in 0..<70 { body += Self.words[Int(words.next() % UInt64(Self.words.count))] + " " }
                body += "</p>"
            }
            // Minutes since a fixed day: newer items get later dates, without a date formatter.
            let minutes = item.seq % (60 * 24 * 28)
            let day = 1 + minutes / (60 * 24)
            let time = String(format: "%02d:%02d:00", (minutes / 60) % 24, minutes % 60)
            xml += "<item><title>\(title(feed, item))</title><guid isPermaLink=\"false\">\(guid(feed, item))</guid>"
                + "<link>https://kill.example/\(feed)/\(item.seq)</link>"
                + "<pubDate>\(String(format: "%02d", day)) Feb 2026 \(time) GMT</pubDate>"
                + "<description><![CDATA[\(body)]]></description></item>\n"
        }
        xml += "</channel></rss>\n"
        // Atomic, so a refresh never reads half a file: the test is about the cache, not the parser.
        try Data(xml.utf8).write(to: file(feed), options: .atomic)
    }
}

private typealias KillRandom = SeededGenerator

// MARK: - Processes

private enum KillClock {
    /// Monotonic seconds.
    static var now: Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}

/// A child started with posix_spawn and reaped with waitpid: Foundation's `Process` has stalled
/// in `waitUntilExit()` under the test runner, and every wait here is bounded.
private final class KillProcess {
    enum Outcome: Equatable {
        case exited(Int32)
        case signaled(Int32)
        case unknown(String)
    }

    struct Finished {
        var exitCode: Int32?
        var stderr: String
    }

    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["TIDINGS_BIN"], !path.isEmpty { return path }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/tidings").path
    }

    let pid: pid_t
    let stderrPath: String
    private var outcome: Outcome?

    var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    private init(pid: pid_t, stderrPath: String) {
        self.pid = pid
        self.stderrPath = stderrPath
    }

    /// Starts `binary arguments` with stdin and stdout on /dev/null and stderr in a log file.
    static func spawn(_ binary: String, _ arguments: [String], logDirectory: URL, name: String) throws -> KillProcess {
        let stderrPath = logDirectory.appendingPathComponent("\(name).stderr").path
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        environment["TZ"] = "UTC"
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The runner's blocked or ignored signals must not leak into the child.
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let status = posix_spawn(&pid, binary, &actions, &attributes, argv, envp)
        guard status == 0 else { throw KillSpawnError(binary: binary, code: status) }
        return KillProcess(pid: pid, stderrPath: stderrPath)
    }

    /// Runs to the end (killed after `timeout` seconds).
    static func run(_ binary: String, _ arguments: [String], logDirectory: URL, timeout: Double) throws -> Finished {
        let process = try spawn(binary, arguments, logDirectory: logDirectory, name: "run-\(arguments[0])")
        switch process.wait(timeout: timeout) {
        case .exited(let code): return Finished(exitCode: code, stderr: process.stderr)
        case .signaled(let signal): return Finished(exitCode: nil, stderr: "killed by signal \(signal) (after \(timeout) s?) " + process.stderr)
        case .unknown(let why): return Finished(exitCode: nil, stderr: why)
        }
    }

    /// The outcome if the child has ended, without blocking.
    func poll() -> Outcome? {
        if let outcome { return outcome }
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        if result == 0 { return nil }
        if result == pid {
            let signal = status & 0x7F
            outcome = signal == 0 ? .exited((status >> 8) & 0xFF) : .signaled(signal)
        } else {
            outcome = .unknown("waitpid(\(pid)) failed: errno \(errno)")
        }
        return outcome
    }

    func kill() {
        if outcome == nil { _ = Glibc.kill(pid, SIGKILL) }
    }

    /// Waits for the end; past `timeout` the child is killed, so this never hangs.
    func wait(timeout: Double) -> Outcome {
        let deadline = KillClock.now + timeout
        while true {
            if let outcome = poll() { return outcome }
            if KillClock.now > deadline {
                kill()
                usleep(10_000)
                if case .signaled(let signal)? = poll() { return .unknown("still running after \(timeout) s; killed (signal \(signal))") }
            }
            usleep(1_000)
        }
    }
}

private struct KillSpawnError: Error, CustomStringConvertible {
    var binary: String
    var code: Int32
    var description: String { "posix_spawn \(binary) failed: \(String(cString: strerror(code)))" }
}
