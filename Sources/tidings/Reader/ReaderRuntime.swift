import Foundation
import TidingsCore
import TidingsFetch
import TidingsRefresh
import TidingsRender
import TidingsStore
import TidingsTerminal

/// Runs the reader: feeds terminal events to the reducer, executes the effects it returns
/// against the cache, and draws the state after every batch of events.
@MainActor
final class ReaderRuntime {
    private let store: ArticleStore
    private let terminal: TerminalSession
    private var state: AppState
    private var quitting = false
    private var lastChangeToken: Int?
    private lazy var effects = EffectRunner(
        store: store, configSearches: config.searches.map { SavedSearch(name: $0.key, query: $0.value) },
        fullArticle: config.fullArticle)
    /// Full-article fetches in flight, by article; the one for an article no longer shown is cancelled.
    private var fullArticleTasks: [ArticleID: Task<Void, Never>] = [:]
    /// Retention limits (applied after `r`/`R`, as after `tidings refresh`) and saved searches.
    private let config: Config
    /// Results of background work, taken by the loop when the terminal session wakes it.
    private let inbox: Inbox
    private lazy var engine: RefreshEngine = {
        var settings = RefreshSettings(config: config)
        settings.background = true
        return RefreshEngine(store: store, client: HTTPClient(version: TidingsVersion.string), settings: settings)
    }()
    /// Searches run here, off the loop: a key during a slow query is drawn at once.
    private lazy var searches = SearchQueue(
        store: store,
        delay: (ProcessInfo.processInfo.environment["TIDINGS_TEST_SEARCH_DELAY_MS"].flatMap(Double.init) ?? 0) / 1000)
    /// The refresh running in the background, if any; cancelled on quit.
    private var refreshTask: Task<Void, Never>?
    /// Rounds with the `[sync]` server; nil without one.
    private lazy var syncer = BackgroundSync(config: config, store: store, client: engine.client, inbox: inbox)
    /// When automatic refresh next looks for due feeds.
    private var nextAutoCheck = Date()
    private var lastProgressCheck = Date.distantPast

    init(store: ArticleStore, terminal: TerminalSession, state: AppState, config: Config = Config()) {
        self.store = store
        self.terminal = terminal
        self.state = state
        self.config = config
        self.inbox = Inbox(wake: terminal.waker)
        self.state.syncEnabled = config.sync != nil
    }

    /// Returns the process exit code.
    func run() async -> Int32 {
        let size: Size
        do { size = try terminal.start() } catch {
            FileHandle.standardError.write(Data("tidings: \(error)\n".utf8))
            return 1
        }
        dispatch(.resized(size))
        // Taken before the first read, so a write between start-up and the first tick is noticed.
        lastChangeToken = try? store.changeToken()
        perform(.loadFeeds)
        draw()
        autoRefresh()
        autoSync()
        while !quitting {
            for event in await terminal.next() {
                switch event {
                case .key(let key): dispatch(.key(key))
                case .resized(let size): dispatch(.resized(size))
                case .continued: terminal.invalidate()
                case .tick:
                    checkForChanges()
                    autoRefresh()
                    autoSync()
                case .wake:
                    takeBackgroundResults()
                case .terminate(let signal):
                    refreshTask?.cancel()
                    syncer?.cancel()
                    terminal.stop()
                    return 128 + signal
                }
                if quitting { break }
            }
            if !quitting { draw() }
        }
        // Quitting stops a refresh or a sync at once; each feed, page or merge already written is a whole transaction.
        refreshTask?.cancel()
        syncer?.cancel()
        terminal.stop()
        return 0
    }

    /// Applies what the background refresh posted; new articles show as each feed is written.
    private func takeBackgroundResults() {
        let actions = inbox.drain()
        // Only the newest progress of a batch matters; it keeps its place before a finish.
        let newest = actions.lastIndex { if case .refreshProgress = $0 { true } else { false } }
        let newestSync = actions.lastIndex { if case .syncProgress = $0 { true } else { false } }
        for (index, action) in actions.enumerated() {
            if case .refreshProgress = action, index != newest { continue }
            if case .syncProgress = action, index != newestSync { continue }
            if case .refreshFinished = action { refreshTask = nil }
            if case .syncFinished = action { syncer?.ended() }
            if case .syncFailed = action { syncer?.ended() }
            if case .fullArticleLoaded(let id, _) = action { fullArticleTasks[id] = nil }
            if case .fullArticleFailed(let id, _) = action { fullArticleTasks[id] = nil }
            dispatch(action)
        }
        // Articles a sync or refresh has written show as they come, not only at the end.
        if newest != nil || newestSync != nil, Date().timeIntervalSince(lastProgressCheck) > 0.5 {
            lastProgressCheck = Date()
            checkForChanges()
        }
    }

    /// With `auto-refresh` on: at start and then every minute, fetch the feeds whose time has come.
    private func autoRefresh() {
        guard config.fetch.autoRefresh, refreshTask == nil, Date() >= nextAutoCheck else { return }
        nextAutoCheck = Date().addingTimeInterval(60)
        for action in startRefresh(nil, dueOnly: true) { dispatch(action) }
    }

    /// With `[sync]`: a round at start when the last one is an interval old, then every interval.
    private func autoSync() {
        guard let syncer else { return }
        for action in syncer.startIfDue() { dispatch(action) }
    }

    /// Starts a refresh in the background; its progress and result come back through the inbox.
    private func startRefresh(_ ids: [FeedID]?, dueOnly: Bool, quietIfNothing: Bool = false) -> [Action] {
        guard refreshTask == nil else { return [] }
        let now = Date()
        let all: [FeedInfo]
        do { all = try store.feeds() } catch { return dueOnly ? [] : [.failed("\(error)")] }
        var feeds = ids.map { wanted in all.filter { wanted.contains($0.id) } } ?? all
        // The server fetches the synced feeds; progress counts only the ones read from here.
        let synced = (try? store.syncedFeedIDs()) ?? []
        let wantedSynced = feeds.contains { synced.contains($0.id) }
        feeds.removeAll { synced.contains($0.id) }
        if dueOnly { feeds = feeds.filter { $0.isDue(at: now) } }
        guard !feeds.isEmpty else {
            if dueOnly { return [] }
            // After a sync with no local feeds beside it, the sync's own line stays.
            if ids == nil && !synced.isEmpty { return [] }
            return [.refreshFinished(wantedSynced ? "That feed comes from the sync server: R syncs it." : "No feeds to refresh.")]
        }
        let engine = self.engine
        let inbox = self.inbox
        let selection = RefreshSelection(dueOnly: dueOnly)
        let targets = feeds
        refreshTask = Task.detached { @Sendable in
            let run = await engine.run(targets, selection: selection) { event in
                inbox.post(.refreshProgress(done: event.done, total: event.total, failed: event.failed))
            }
            guard !Task.isCancelled else { return }
            var summary = run.line
            if let first = run.problems.first { summary += " — " + first }
            // An automatic refresh that brought nothing and broke nothing has nothing to say.
            let quiet = (dueOnly || quietIfNothing) && run.inserted == 0 && run.updated == 0 && run.unsuccessful == 0
            inbox.post(.refreshFinished(quiet ? "" : summary))
        }
        return [.refreshStarted(total: feeds.count)]
    }

    /// Polled once a second: another process (a cron refresh) committed to the cache.
    private func checkForChanges() {
        guard let token = try? store.changeToken() else { return }
        defer { lastChangeToken = token }
        if let last = lastChangeToken, last != token { dispatch(.cacheChanged) }
    }

    private func draw() {
        terminal.draw(AppView.render(state))
    }

    /// Reduces an action and everything its effects lead to, before the next frame is drawn.
    private func dispatch(_ action: Action) {
        var queue = [action]
        var steps = 0
        while !queue.isEmpty && steps < 64 {
            steps += 1
            let next = queue.removeFirst()
            for effect in reduce(&state, next) { queue += perform(effect) }
        }
        // Leaving an article (q, Esc, the next one) stops fetching its page.
        for (id, task) in fullArticleTasks where id != state.reader?.headline.id {
            task.cancel()
            fullArticleTasks[id] = nil
        }
    }

    /// The page behind the article, fetched and extracted in the background (or the kept copy).
    private func fetchFullArticle(_ id: ArticleID, _ url: String) {
        fullArticleTasks[id]?.cancel()
        let store = self.store, engine = self.engine, inbox = self.inbox
        fullArticleTasks[id] = Task.detached { @Sendable in
            do {
                let kept = try await FullArticleService.fullArticle(for: id, link: url, store: store, client: engine.client,
                                                                    settings: engine.settings)
                inbox.post(.fullArticleLoaded(id, FullArticle(html: kept.html, url: kept.url, textLength: kept.textLength)))
            } catch {
                if !Task.isCancelled { inbox.post(.fullArticleFailed(id, "\(error)")) }
            }
        }
    }

    @discardableResult
    private func perform(_ effect: Effect) -> [Action] {
        switch effect {
        case .redraw:
            terminal.invalidate()
            return []
        case .quit:
            quitting = true
            return []
        case .openLink(let id):
            return openLink(id)
        case .openURL(let url):
            return open(url)
        case .refresh(let ids):
            return refresh(ids)
        case .sync(let refreshAfter):
            return syncer?.start(refreshAfter: refreshAfter) ?? []
        case .refreshAfterSync:
            return startRefresh(nil, dueOnly: false, quietIfNothing: true)
        case .saveText(let text, let path):
            return save(text, to: path)
        case .pipeText(let text, let command):
            return pipe(text, into: command)
        case .loadFeeds:
            let actions = effects.run(effect)
            for action in actions { dispatch(action) }
            return []
        case .setRead, .setStarred, .markAllRead:
            return runOwnWrite(effect)
        case .search(let query, let limit):
            let inbox = self.inbox
            searches.submit(query, limit: limit, countingUpTo: AppState.searchCountLimit) { outcome in
                Self.post(outcome, query: query, after: nil, to: inbox)
            }
            return []
        case .searchMore(let query, let after, let limit):
            let inbox = self.inbox
            searches.submit(query, limit: limit, after: after) { outcome in
                Self.post(outcome, query: query, after: after, to: inbox)
            }
            return []
        case .cancelSearch:
            searches.cancel()
            return []
        case .fetchFullArticle(let id, let url):
            fetchFullArticle(id, url)
            return []
        case .cancelFullArticle(let id):
            fullArticleTasks.removeValue(forKey: id)?.cancel()
            return []
        default:
            return effects.run(effect)
        }
    }

    /// Runs a write whose result the state already shows. Its commit must not come back as
    /// `.cacheChanged`: that reload drops just-read rows from "Unread" under the cursor, so a
    /// second N toggled the next article instead of undoing the first. A change by another
    /// process noticed before the write is still reported at the next tick.
    /// A search's answer as the action the reducer expects; a cancelled one says nothing.
    nonisolated private static func post(_ outcome: SearchQueue.Outcome, query: String, after: SearchCursor?, to inbox: Inbox) {
        switch outcome {
        case .page(let page): inbox.post(.searchPage(query, page, after: after))
        case .counted(let count): inbox.post(.searchCounted(query, count))
        case .failed(let error): inbox.post(.failed("\(error)"))
        case .cancelled: break
        }
    }

    private func runOwnWrite(_ effect: Effect) -> [Action] {
        let before = try? store.changeToken()
        let actions = effects.run(effect)
        if before != nil, before == lastChangeToken, let after = try? store.changeToken() { lastChangeToken = after }
        return actions
    }

    private func openLink(_ id: ArticleID) -> [Action] {
        let link: String?
        do { link = try store.article(id)?.link } catch { return [.failed("\(error)")] }
        guard let link, !link.isEmpty else { return [.failed("This article has no link.")] }
        return open(link)
    }

    /// `r`/`R`: every feed asked for, due or not (backoff and Retry-After are still honoured).
    private func refresh(_ ids: [FeedID]?) -> [Action] {
        startRefresh(ids, dueOnly: false)
    }

    /// Writes all at once and never over an existing file (see `NewFile`).
    private func save(_ text: String, to path: String) -> [Action] {
        var expanded = path
        if expanded.hasPrefix("~/") { expanded = Paths.home.appendingPathComponent(String(expanded.dropFirst(2))).path }
        let url = URL(fileURLWithPath: expanded).standardizedFileURL
        do {
            try NewFile.create(url.path, with: Data(text.utf8))
        } catch {
            return [.failed(error.description)]
        }
        return [.notice("Saved to \(url.path)")]
    }

    /// Gives the terminal to `command` (the user's own, run by /bin/sh) with the text on its stdin.
    private func pipe(_ text: String, into command: String) -> [Action] {
        let env = ProcessInfo.processInfo.environment
        let line = command.isEmpty ? (env["PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "less") : command
        var status: Int32 = 0
        var failure: String?
        terminal.runOutside {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", line]
            let input = Pipe()
            process.standardInput = input
            do {
                try process.run()
                // A command that stops reading early must not kill us with SIGPIPE: ignore write errors.
                signal(SIGPIPE, SIG_IGN)
                try? input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
                try? input.fileHandleForWriting.close()
                process.waitUntilExit()
                status = process.terminationStatus
            } catch {
                failure = (error as NSError).localizedDescription
            }
        }
        if let failure { return [.failed("Could not run \(line): \(failure)")] }
        return status == 0 ? [] : [.failed("\(line) exited with status \(status)")]
    }

    private func open(_ link: String) -> [Action] {
        var result: Result<Void, BrowserError> = .success(())
        terminal.runOutside { result = BrowserLauncher.open(link) }
        if case .failure(let error) = result { return [.failed(error.description)] }
        // The browser may open on another screen or desktop: say that something happened.
        return [.notice("Opened \(link)")]
    }
}
