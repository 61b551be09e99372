import CTermGuard
import Dispatch
import Foundation
import TidingsCore

/// What the outside world did: a key, a resize, a suspend/continue or a request to stop.
public enum TerminalEvent: Sendable, Equatable {
    case key(Key)
    case resized(Size)
    case continued
    case terminate(signal: Int32)
    case tick
    /// Background work posted results (see `TerminalSession.waker`).
    case wake
}

/// Waits for keys, signals and ticks on a thread of its own and hands them to the main actor.
/// (A main-actor loop blocked in get_wch would not see SIGWINCH until the next key.) Signals arrive
/// through a self-pipe written by a C handler, so delivery does not depend on which thread the
/// kernel picks; stdin is watched with poll(2), which keeps working across Ctrl-Z and `fg`
/// (a Dispatch read source on the terminal stopped firing after a stop/continue cycle).
final class EventSources: @unchecked Sendable {
    static let signals: [Int32] = [SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT, SIGQUIT]
    private var signalFD: Int32 = -1
    private var wakeFDs: [Int32] = [-1, -1]
    private let inputConsumed = DispatchSemaphore(value: 0)
    private var thread: Thread?

    /// Installs the signal handlers. Call before `initscr`: ncurses then sees handlers already in
    /// place and leaves SIGTSTP, SIGWINCH, SIGINT and SIGTERM alone instead of racing us for them.
    func installSignalHandlers() {
        guard signalFD < 0 else { return }
        signalFD = Self.signals.withUnsafeBufferPointer { tg_open_signal_pipe($0.baseAddress, Int32($0.count)) }
    }

    func start(onSignal: @escaping @Sendable (Int32) -> Void, onInput: @escaping @Sendable () -> Void,
               tickEvery seconds: Double?, onTick: @escaping @Sendable () -> Void) {
        installSignalHandlers()
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return }
        wakeFDs = fds
        let signalFD = self.signalFD, wake = fds[0], consumed = inputConsumed
        let thread = Thread {
            EventSources.loop(signalFD: signalFD, wake: wake, consumed: consumed, tick: seconds,
                              onSignal: onSignal, onInput: onInput, onTick: onTick)
        }
        thread.name = "tidings.terminal.events"
        thread.start()
        self.thread = thread
    }

    /// The main actor has read the pending keys: the watcher may look at stdin again.
    func inputDrained() { inputConsumed.signal() }

    func stop() {
        if wakeFDs[1] >= 0 {
            var byte: UInt8 = 1
            _ = write(wakeFDs[1], &byte, 1)
            inputConsumed.signal()
        }
        Self.signals.withUnsafeBufferPointer { tg_reset_signals($0.baseAddress, Int32($0.count)) }
    }

    private static func loop(signalFD: Int32, wake: Int32, consumed: DispatchSemaphore, tick: Double?,
                             onSignal: (Int32) -> Void, onInput: () -> Void, onTick: () -> Void) {
        var nextTick = tick.map { DispatchTime.now().uptimeNanoseconds + UInt64($0 * 1e9) }
        while true {
            var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: signalFD, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
            var timeout: Int32 = -1
            if let due = nextTick {
                let now = DispatchTime.now().uptimeNanoseconds
                timeout = due > now ? Int32(min(60_000, (due - now) / 1_000_000 + 1)) : 0
            }
            let ready = poll(&fds, nfds_t(fds.count), timeout)
            if ready < 0 && errno != EINTR { return }
            if fds[2].revents != 0 { return }
            if fds[1].revents & Int16(POLLIN) != 0 {
                var bytes = [UInt8](repeating: 0, count: 64)
                let n = read(signalFD, &bytes, bytes.count)
                if n > 0 { for b in bytes[0..<n] { onSignal(Int32(b)) } }
            }
            if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 && fds[0].revents & Int16(POLLIN) == 0 {
                // The terminal went away: treat it as a hang-up.
                onSignal(SIGHUP)
                return
            }
            if fds[0].revents & Int16(POLLIN) != 0 {
                onInput()
                consumed.wait()
            }
            if let due = nextTick, let tick, DispatchTime.now().uptimeNanoseconds >= due {
                onTick()
                nextTick = DispatchTime.now().uptimeNanoseconds + UInt64(tick * 1e9)
            }
        }
    }
}
