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
}

/// Signal and stdin sources on a background queue, yielding into one stream the main actor consumes.
/// (A main-actor loop blocked in get_wch would not see SIGWINCH until the next key.) Signals arrive
/// through a self-pipe written by a C handler, so delivery does not depend on which thread the
/// kernel picks or on per-thread signal masks.
final class EventSources: @unchecked Sendable {
    static let signals: [Int32] = [SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT, SIGQUIT]
    private var sources: [DispatchSourceProtocol] = []
    private let queue = DispatchQueue(label: "tidings.terminal.events")
    private var signalFD: Int32 = -1

    func start(onSignal: @escaping @Sendable (Int32) -> Void, onInput: @escaping @Sendable () -> Void,
               tickEvery seconds: Double?, onTick: @escaping @Sendable () -> Void) {
        signalFD = Self.signals.withUnsafeBufferPointer { tg_open_signal_pipe($0.baseAddress, Int32($0.count)) }
        if signalFD >= 0 {
            let fd = signalFD
            let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
            source.setEventHandler { @Sendable in
                var bytes = [UInt8](repeating: 0, count: 64)
                let n = read(fd, &bytes, bytes.count)
                if n > 0 { for b in bytes[0..<n] { onSignal(Int32(b)) } }
            }
            source.resume()
            sources.append(source)
        }
        let input = DispatchSource.makeReadSource(fileDescriptor: STDIN_FILENO, queue: queue)
        input.setEventHandler { @Sendable in onInput() }
        input.resume()
        sources.append(input)
        if let seconds {
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.schedule(deadline: .now() + seconds, repeating: seconds)
            timer.setEventHandler { @Sendable in onTick() }
            timer.resume()
            sources.append(timer)
        }
    }

    func stop() {
        for s in sources { s.cancel() }
        sources.removeAll()
        Self.signals.withUnsafeBufferPointer { tg_reset_signals($0.baseAddress, Int32($0.count)) }
    }
}
