import Foundation
import TidingsCore
import TidingsFetch
import TidingsStore
import TidingsSync
import TidingsText

/// Syncs with the `[sync]` server off the reader's loop: at start when a round is due, after `R`,
/// and every `interval`. Progress and the outcome come back through the inbox as actions; what a
/// round writes reaches the screen through the cache, which the reader already watches.
@MainActor
final class BackgroundSync {
    private let config: Config
    private let interval: TimeInterval
    private let store: ArticleStore
    private let client: HTTPClient
    private let inbox: Inbox
    private var task: Task<Void, Never>?
    private var nextDue: Date

    /// Nil without `[sync]`.
    init?(config: Config, store: ArticleStore, client: HTTPClient, inbox: Inbox) {
        guard let settings = config.sync else { return nil }
        self.config = config
        self.interval = settings.interval
        self.store = store
        self.client = client
        self.inbox = inbox
        // Due at once when the last round (of this reader or of `tidings sync`) is an interval old.
        let last = (try? store.syncValue("last-sync")).flatMap(Double.init)
        nextDue = last.map { Date(timeIntervalSince1970: $0).addingTimeInterval(settings.interval) } ?? .distantPast
    }

    /// Called at start and on every tick.
    func startIfDue(now: Date = Date()) -> [Action] {
        guard task == nil, now >= nextDue else { return [] }
        return start(refreshAfter: false)
    }

    /// Starts a round unless one runs (the reducer has then already told the user).
    func start(refreshAfter: Bool) -> [Action] {
        guard task == nil else { return [] }
        // A failed round waits a whole interval too: a server that is down is not asked every second.
        nextDue = Date().addingTimeInterval(interval)
        let config = self.config, store = self.store, client = self.client, inbox = self.inbox
        let automatic = !refreshAfter
        task = Task.detached { @Sendable in
            let service: any SyncService
            do {
                service = try SyncPassword.service(config, client: client)
            } catch {
                inbox.post(.syncFailed(TerminalSafe.singleLine("\(error)")))
                return
            }
            do {
                let report = try await SyncEngine(service: service, store: store).run { step in
                    inbox.post(.syncProgress(step.label))
                }
                await service.logout()
                guard !Task.isCancelled else { return }
                // An automatic round that changed nothing has nothing to say.
                inbox.post(.syncFinished(automatic && report.changedNothing ? "" : report.line))
            } catch {
                await service.logout()
                guard !Task.isCancelled else { return }
                inbox.post(.syncFailed(TerminalSafe.singleLine("\(error)")))
            }
        }
        return [.syncStarted(refreshAfter: refreshAfter)]
    }

    /// The round's outcome was taken from the inbox.
    func ended() { task = nil }

    /// Quitting: the round stops where it stands. Each page and the merge commit whole, and a
    /// mark not yet confirmed by the server stays queued for the next round.
    func cancel() {
        task?.cancel()
        task = nil
    }
}
