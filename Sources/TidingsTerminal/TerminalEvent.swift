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
/// (A main-actor loop blocked in get_wch would not see SIGWINCH until the next key.)
final class EventSources: @unchecked Sendable {
    private var sources: [DispatchSourceProtocol] = []
    private let queue = DispatchQueue(label: "tidings.terminal.events")

    func start(onSignal: @escaping @Sendable (Int32) -> Void, onInput: @escaping @Sendable () -> Void,
               tickEvery seconds: Double?, onTick: @escaping @Sendable () -> Void) {
        for sig in [SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT, SIGQUIT] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: queue)
            source.setEventHandler { @Sendable in onSignal(sig) }
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
    }
}
