import Foundation
import TidingsCore
import TidingsFetch
import TidingsStore

/// One feed's result, reported as soon as it is written (the reader shows new articles then).
public struct RefreshEvent: Sendable {
    public var feed: FeedInfo
    public var status: RefreshStatus
    /// Feeds finished so far (skipped ones included), of `total`.
    public var done: Int
    public var total: Int
    public var failed: Int
}

/// Which feeds a refresh fetches.
public struct RefreshSelection: Sendable, Equatable {
    /// Ignore backoff, Retry-After and 410 for the feeds given (the user asked for them by name).
    public var force: Bool
    /// Only feeds whose next-fetch time has come (cron, the reader's automatic refresh).
    public var dueOnly: Bool
    public init(force: Bool = false, dueOnly: Bool = false) { self.force = force; self.dueOnly = dueOnly }
}

/// The refresh pipeline for every kind of source: downloads run concurrently (one per host,
/// `concurrency` overall, hosts interleaved), parsing runs off the writer, and one writer commits
/// each feed in its own transaction. Cancelling the task stops it at once; what was written stays.
public final class RefreshEngine: Sendable {
    let store: ArticleStore
    public let client: HTTPClient
    public let settings: RefreshSettings

    public init(store: ArticleStore, client: HTTPClient, settings: RefreshSettings = RefreshSettings()) {
        self.store = store
        self.client = client
        self.settings = settings
    }

    /// Refreshes `feeds`, reporting each as it is written, then applies the retention limits to
    /// those read successfully.
    public func run(_ feeds: [FeedInfo], selection: RefreshSelection = RefreshSelection(), now: Date = Date(),
                    onFeed: @escaping @Sendable (RefreshEvent) -> Void = { _ in }) async -> RefreshRun {
        // Feeds that come from the sync server are fetched by the server, never polled from here.
        let synced = (try? store.syncedFeedIDs()) ?? []
        let feeds = synced.isEmpty ? feeds : feeds.filter { !synced.contains($0.id) }
        let collector = RunCollector(total: feeds.count, onFeed: onFeed)
        var jobs: [HostScheduler<FeedInfo>.Job] = []
        for feed in feeds {
            if let reason = Self.skipReason(feed, selection: selection, now: now) {
                collector.add(feed, .skipped(reason))
            } else {
                if selection.force && (feed.gone || feed.failures > 0 || feed.rateLimitedUntil != nil) {
                    try? store.reenable(feed.id)
                }
                jobs.append(HostScheduler<FeedInfo>.Job(payload: feed, host: Self.hostKey(feed)))
            }
        }
        let scheduler = HostScheduler(jobs)
        let writer = Writer(store: store, lowPriority: settings.background)
        let gate = ParseGate(permits: 2)
        let workers = min(settings.concurrency, max(1, jobs.count))
        await withTaskCancellationHandler {
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<workers {
                    group.addTask { [self] in
                        while let job = await scheduler.next() {
                            if Task.isCancelled { break }
                            let prepared = await prepare(job.payload, now: Date(), gate: gate)
                            // A host that asked to wait loses its queue before it counts as idle,
                            // or another worker could send it one more request in between.
                            if case .rateLimited(let until, _) = prepared {
                                let dropped = await scheduler.block(job.host)
                                try? store.setRateLimited(until: until, feeds: dropped.map(\.payload.id)
                                                          + otherFeeds(onHost: job.host, than: job.payload.id))
                                for other in dropped { collector.add(other.payload, .skipped(.hostRateLimited(until: until))) }
                            }
                            await scheduler.finished(job.host)
                            if Task.isCancelled, case .failed(_, nil) = prepared { break }
                            let status = await writer.commit(prepared, for: job.payload)
                            if case .document = prepared { await gate.release() }
                            collector.add(job.payload, status)
                        }
                    }
                }
            }
        } onCancel: {
            Task { await scheduler.stop() }
        }
        var run = collector.finish()
        if !Task.isCancelled { run.fullArticles = await extractNewArticles(of: run, since: now) }
        if !Task.isCancelled { applyRetention(&run) }
        return run
    }

    /// Feeds set to `full-article = "always"`: the new articles of this refresh get their web
    /// page extracted, at most `fullArticleLimit` a run, one request per host at a time.
    private func extractNewArticles(of run: RefreshRun, since start: Date) async -> Int {
        let feeds = run.outcomes.compactMap { outcome -> FeedID? in
            guard case .updated(let report, _) = outcome.status, report.inserted > 0,
                  settings.fullArticle.policy(source: outcome.feed.source, title: outcome.feed.title) == .always else { return nil }
            return outcome.feed.id
        }
        guard !feeds.isEmpty,
              let wanted = try? store.articlesWantingFullText(feeds: feeds, since: start.addingTimeInterval(-1),
                                                               minimumVersion: ArticleExtractorVersion.current,
                                                               limit: settings.fullArticleLimit), !wanted.isEmpty else { return 0 }
        let jobs = wanted.map { HostScheduler<(id: ArticleID, link: String)>.Job(payload: $0, host: URL(string: $0.link)?.host ?? $0.link) }
        let scheduler = HostScheduler(jobs)
        let done = Counter()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<min(settings.concurrency, jobs.count) {
                group.addTask { [self] in
                    while let job = await scheduler.next() {
                        if Task.isCancelled { break }
                        let ok = (try? await FullArticleService.fullArticle(for: job.payload.id, link: job.payload.link, store: store,
                                                                             client: client, settings: settings)) != nil
                        await scheduler.finished(job.host)
                        if ok { done.add() }
                    }
                }
            }
        }
        return done.value
    }

    /// Reads a source without writing it: HTTP through the client, local kinds off the cooperative pool.
    func prepare(_ feed: FeedInfo, now: Date, discover: Bool = false, gate: ParseGate? = nil) async -> Prepared {
        if feed.kind == .url {
            let state: FetchState
            do { state = try store.fetchState(feed.id) } catch { return .failed("\(error)", record: nil) }
            return await HTTPSource.prepare(feed, state: state, store: store, client: client, settings: settings, gate: gate,
                                            discover: discover, now: now)
        }
        let store = self.store
        await gate?.acquire()
        let prepared = await Offload.run(lowPriority: settings.background) { Refresher.prepareLocal(feed, store: store, now: now) }
        if case .document = prepared {} else { await gate?.release() }
        return prepared
    }

    /// Fetches one feed now and writes it; for `add`, a web page comes back as `.page` with its feed links.
    public func refreshOne(_ feed: FeedInfo, discover: Bool = false) async -> (RefreshStatus, [DiscoveredLink]) {
        let prepared = await prepare(feed, now: Date(), discover: discover)
        if case .page(let links) = prepared { return (.failed("this is a web page, not a feed"), links) }
        return (await Writer(store: store, lowPriority: settings.background).commit(prepared, for: feed), [])
    }

    static func skipReason(_ feed: FeedInfo, selection: RefreshSelection, now: Date) -> SkipReason? {
        guard !selection.force else { return nil }
        if feed.gone { return .gone }
        if let until = feed.rateLimitedUntil, until > now { return .rateLimited(until: until) }
        if feed.failures > 0, let next = feed.nextFetch, next > now { return .backoff(until: next, failures: feed.failures) }
        if selection.dueOnly, let next = feed.nextFetch, next > now { return .notDue(until: next) }
        return nil
    }

    /// Requests are serialised per host name; local sources each run on their own.
    static func hostKey(_ feed: FeedInfo) -> String {
        guard feed.kind == .url, let host = URL(string: feed.source)?.host?.lowercased() else { return "local:\(feed.id)" }
        return host
    }

    private func otherFeeds(onHost host: String, than id: FeedID) -> [FeedID] {
        ((try? store.feeds()) ?? []).filter { $0.id != id && $0.kind == .url && Self.hostKey($0) == host }.map(\.id)
    }

    private func applyRetention(_ run: inout RefreshRun) {
        let read = run.outcomes.compactMap { outcome -> FeedID? in
            switch outcome.status {
            case .updated, .unchanged: return outcome.feed.id
            default: return nil
            }
        }
        guard !read.isEmpty, !settings.retention.isUnlimited else { return }
        do {
            run.purged = try store.cleanup(policy: settings.retention, feeds: read, compact: false).deleted
        } catch {
            run.problems.append("retention: \(error)")
        }
    }
}

/// The single database writer: one feed's transaction at a time, in order, off the cooperative pool.
final class Writer: Sendable {
    let store: ArticleStore
    private let queue = DispatchQueue(label: "tidings.refresh.writer")
    private let lowPriority: Bool
    init(store: ArticleStore, lowPriority: Bool) { self.store = store; self.lowPriority = lowPriority }

    func commit(_ prepared: Prepared, for feed: FeedInfo) async -> RefreshStatus {
        let store = self.store
        let box = PreparedEnvelope(prepared)
        return await withCheckedContinuation { continuation in
            queue.async { [lowPriority] in
                if lowPriority { BackgroundPriority.lowerThisThread() }
                continuation.resume(returning: Refresher.commit(box.value, for: feed, store: store))
            }
        }
    }
}

struct PreparedEnvelope: @unchecked Sendable {
    var value: Prepared
    init(_ value: Prepared) { self.value = value }
}

/// Collects outcomes from the workers in the order they finish and reports each one.
final class RunCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var run = RefreshRun()
    private let total: Int
    private let onFeed: @Sendable (RefreshEvent) -> Void

    init(total: Int, onFeed: @escaping @Sendable (RefreshEvent) -> Void) {
        self.total = total
        self.onFeed = onFeed
    }

    func add(_ feed: FeedInfo, _ status: RefreshStatus) {
        lock.lock()
        run.add(feed, status)
        let event = RefreshEvent(feed: feed, status: status, done: run.outcomes.count, total: total, failed: run.failed)
        lock.unlock()
        onFeed(event)
    }

    func finish() -> RefreshRun {
        lock.lock()
        defer { lock.unlock() }
        run.finish()
        return run
    }
}
