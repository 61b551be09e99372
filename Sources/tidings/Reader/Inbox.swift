import Foundation
import TidingsCore

/// Actions posted from background tasks for the reader's loop, which takes them on its own
/// actor: the reducer stays the only place state changes.
final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var actions: [Action] = []
    /// One wake-up at a time: 300 feeds finishing must not queue 300 redraws ahead of a key.
    private var wakePending = false
    private let wake: @Sendable () -> Void

    init(wake: @escaping @Sendable () -> Void) { self.wake = wake }

    func post(_ action: Action) {
        lock.lock()
        actions.append(action)
        let needsWake = !wakePending
        wakePending = true
        lock.unlock()
        if needsWake { wake() }
    }

    func drain() -> [Action] {
        lock.lock()
        defer { lock.unlock() }
        let taken = actions
        actions = []
        wakePending = false
        return taken
    }
}
