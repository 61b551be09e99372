internal import CNCursesW
import CTermGuard
import Foundation
import TidingsCore
import TidingsRender

/// Why the terminal could not be used.
public enum TerminalError: Error, CustomStringConvertible {
    case notATerminal
    case cannotInitialise(String)
    public var description: String {
        switch self {
        case .notATerminal: return "standard input and output must be a terminal to open the reader (use the subcommands for scripts)"
        case .cannotInitialise(let term): return "cannot initialise the terminal (TERM=\(term)); check that TERM names an installed terminfo entry"
        }
    }
}

/// The only owner of ncurses: sets the terminal up, turns input and signals into events,
/// copies screen differences out, and always gives the terminal back as it found it.
@MainActor
public final class TerminalSession {
    private enum Raw: Sendable { case input, signal(Int32), tick, wake }

    private let sources = EventSources()
    private var stream: AsyncStream<Raw>
    private var continuation: AsyncStream<Raw>.Continuation
    private var iterator: AsyncStream<Raw>.Iterator
    private var blitter: Blitter
    private var active = false
    private let tickSeconds: Double?

    /// `tickSeconds` asks for a periodic `.tick` event (to notice other writers of the cache).
    public init(theme: Theme, useColor: Bool, tickSeconds: Double? = nil) {
        let (stream, continuation) = AsyncStream.makeStream(of: Raw.self, bufferingPolicy: .unbounded)
        self.stream = stream
        self.continuation = continuation
        self.continuationForWaking = continuation
        self.iterator = stream.makeAsyncIterator()
        self.blitter = Blitter(theme: theme, useColor: useColor)
        self.tickSeconds = tickSeconds
    }

    /// A function any thread may call to make `next()` return `.wake`: how background work
    /// (a refresh) gets the loop to look at what it posted, without waiting for a key.
    public nonisolated var waker: @Sendable () -> Void {
        let cont = continuationForWaking
        return { cont.yield(.wake) }
    }
    private nonisolated let continuationForWaking: AsyncStream<Raw>.Continuation

    /// Enters curses mode and returns the terminal size.
    public func start() throws -> Size {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        // Wide characters need a UTF-8 locale; without one the blitter writes ASCII only.
        blitter.asciiOnly = ProcessLocale.charset == .ascii
        Self.defaultTERMIfMissing()
        // Esc must act at once; curses would otherwise wait a second for a possible escape sequence.
        if ProcessInfo.processInfo.environment["ESCDELAY"] == nil { setenv("ESCDELAY", "25", 1) }
        tg_save_terminal()
        var err: Int32 = 0
        let term = ProcessInfo.processInfo.environment["TERM"] ?? "unknown"
        if setupterm(nil, STDOUT_FILENO, &err) != OK {
            throw TerminalError.cannotInitialise(term)
        }
        sources.installSignalHandlers()
        guard initscr() != nil else { throw TerminalError.cannotInitialise(term) }
        active = true
        tg_set_restore_sequence(restoreSequence())
        tg_install_crash_handlers()
        cbreak()
        noecho()
        nonl()
        keypad(cn_stdscr(), true)
        nodelay(cn_stdscr(), true)
        curs_set(0)
        blitter.setUpColors()
        let cont = continuation
        sources.start(
            onSignal: { @Sendable sig in cont.yield(.signal(sig)) },
            onInput: { @Sendable in cont.yield(.input) },
            tickEvery: tickSeconds,
            onTick: { @Sendable in cont.yield(.tick) })
        return currentSize()
    }

    /// Leaves curses mode; safe to call twice.
    public func stop() {
        guard active else { return }
        active = false
        sources.stop()
        curs_set(1)
        endwin()
        tg_restore_terminal()
    }

    /// Waits for the next events; keys typed together arrive together.
    public func next() async -> [TerminalEvent] {
        var it = iterator
        let next = await it.next(isolation: #isolation)
        iterator = it
        guard let raw = next else { return [.terminate(signal: SIGTERM)] }
        switch raw {
        case .tick:
            return [.tick]
        case .wake:
            return [.wake]
        case .input:
            defer { sources.inputDrained() }
            return drainKeys()
        case .signal(let sig):
            switch sig {
            case SIGWINCH:
                return resize()
            case SIGTSTP:
                suspend()
                return [.continued] + resize()
            case SIGCONT:
                // The shell that ran `fg` may have put back the modes it saved when we stopped
                // (canonical input, echo): take ours back, then repaint everything.
                reset_prog_mode()
                clearok(cn_curscr(), true)
                blitter.invalidate()
                return [.continued]
            default:
                return [.terminate(signal: sig)]
            }
        }
    }

    /// Copies what changed since the last frame to the terminal in one update.
    public func draw(_ screen: Screen) {
        guard active else { return }
        blitter.draw(screen)
    }

    /// Makes the next draw repaint every cell (after ^L or anything that may have scribbled on the terminal).
    public func invalidate() {
        clearok(cn_curscr(), true)
        blitter.invalidate()
    }

    /// Gives the terminal to another program (a text browser, a pager) and takes it back afterwards.
    public func runOutside(_ body: () -> Void) {
        def_prog_mode()
        endwin()
        tg_restore_terminal()
        body()
        reset_prog_mode()
        refresh()
        invalidate()
    }

    private func suspend() {
        endwin()
        tg_restore_terminal()
        kill(getpid(), SIGSTOP)
        // Execution continues here after `fg`.
        refresh()
        invalidate()
    }

    /// Applies the new size; keys typed meanwhile are passed on (only ncurses' KEY_RESIZE is dropped).
    private func resize() -> [TerminalEvent] {
        var rows: Int32 = 0, cols: Int32 = 0
        if cn_winsize(&rows, &cols) == 0 { resizeterm(rows, cols) }
        let keys = drainKeys()
        blitter.invalidate()
        clearok(cn_curscr(), true)
        return [.resized(currentSize())] + keys
    }

    private func currentSize() -> Size {
        Size(width: Int(getmaxx(cn_stdscr())), height: Int(getmaxy(cn_stdscr())))
    }

    private func drainKeys() -> [TerminalEvent] {
        var events: [TerminalEvent] = []
        var ch: wint_t = 0
        // Bounded, so a paste of a huge text cannot stall the loop forever.
        for _ in 0..<4096 {
            let status = get_wch(&ch)
            if status == ERR { break }
            if status == KEY_CODE_YES && Int32(ch) == KEY_RESIZE { continue }
            if let key = KeyDecoder.decode(status: status, code: UInt32(ch)) { events.append(.key(key)) }
        }
        return events
    }

    /// With no TERM at all (an empty environment) ncurses refuses to start. Nearly every terminal
    /// today understands xterm's sequences, so the first of these that is installed is assumed;
    /// programs started from the reader inherit it.
    static let fallbackTerminals = ["xterm-256color", "xterm", "vt100"]

    private static func defaultTERMIfMissing() {
        guard (ProcessInfo.processInfo.environment["TERM"] ?? "").isEmpty else { return }
        var err: Int32 = 0
        for name in fallbackTerminals where setupterm(name, STDOUT_FILENO, &err) == OK {
            setenv("TERM", name, 1)
            return
        }
    }

    private func restoreSequence() -> String {
        var s = ""
        for cap in ["rmcup", "cnorm", "sgr0"] {
            if let p = cn_tigetstr(cap) { s += String(cString: p) }
        }
        return s.isEmpty ? "\u{1B}[?1049l\u{1B}[?25h\u{1B}[0m" : s
    }
}
