import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process on a pseudo-terminal of a fixed size, with its output kept as one byte
/// stream so that the time at which a given text was drawn can be found.
final class PTYSession {
    let pid: pid_t
    private let master: Int32
    /// Monotonic nanoseconds just before the fork.
    let startedAt: UInt64
    private(set) var output: [UInt8] = []
    /// What the terminal shows after every byte read so far.
    private(set) var screen: VTScreen
    private var closed = false

    /// Starts `path` with `arguments` on a new pseudo-terminal of `columns` x `rows`.
    init(path: String, arguments: [String], environment: [String: String], columns: UInt16 = 120, rows: UInt16 = 40) throws {
        guard access(path, X_OK) == 0 else { throw BenchError.spawnFailed("\(path): not an executable file") }
        // Everything the child needs is built before the fork: after it, the child only calls execve and _exit.
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        var fd: Int32 = -1
        startedAt = Monotonic.now()
        let child = forkpty(&fd, nil, nil, &size)
        if child == 0 {
            execve(path, argv, envp)
            _exit(127)
        }
        guard child > 0 else { throw BenchError.spawnFailed("\(path): forkpty failed, errno \(errno)") }
        pid = child
        screen = VTScreen(columns: Int(columns), rows: Int(rows))
        master = fd
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        if !closed { close(master) }
    }

    /// Sends keys as the terminal would.
    func send(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { write(master, $0.baseAddress! + offset, $0.count - offset) }
            if n > 0 { offset += n } else if errno != EINTR && errno != EAGAIN { return }
        }
    }

    /// Reads until `isComplete` holds for the screen as a terminal would show it; returns the
    /// monotonic time of the read that made it hold.
    func waitUntil(timeout: Double, what: String, _ isComplete: (VTScreen) -> Bool) throws -> UInt64 {
        let deadline = Monotonic.now() + UInt64(timeout * 1e9)
        while true {
            if isComplete(screen) {
                if Self.dumpScreens { FileHandle.standardError.write(Data("--- \(what):\n\(screen.text())\n".utf8)) }
                return lastRead
            }
            let now = Monotonic.now()
            guard now < deadline, !closed else {
                throw BenchError.timedOut(what: what, after: timeout, tail: tail())
            }
            pump(timeoutMilliseconds: Int32(min(100, (deadline - now) / 1_000_000 + 1)))
        }
    }

    /// TIDINGS_BENCH_DUMP=1 prints each screen the harness accepted, to check what it waits for.
    static let dumpScreens = ProcessInfo.processInfo.environment["TIDINGS_BENCH_DUMP"] == "1"

    /// Reads until nothing has arrived for `quiet` seconds (at most `timeout`).
    func settle(quiet: Double, timeout: Double) {
        let deadline = Monotonic.now() + UInt64(timeout * 1e9)
        var last = Monotonic.now()
        while Monotonic.now() < deadline && !closed {
            let before = output.count
            pump(timeoutMilliseconds: 10)
            if output.count != before { last = Monotonic.now() } else if Monotonic.now() - last > UInt64(quiet * 1e9) { return }
        }
    }

    /// Monotonic time of the most recent read that returned bytes.
    private(set) var lastRead: UInt64 = 0

    /// The child's peak resident memory so far (VmHWM), in bytes. wait4's ru_maxrss would count
    /// the pages the child inherited from this process at fork, so it is not used.
    func peakRSS() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kilobytes = line.dropFirst(6).split(whereSeparator: { $0 == " " || $0 == "\t" }).first.flatMap { Int($0) }
            return kilobytes.map { $0 * 1024 }
        }
        return nil
    }

    /// Waits for the child to exit, killing it after `timeout` seconds; returns its wait status.
    @discardableResult
    func finish(timeout: Double) -> Int32 {
        let deadline = Monotonic.now() + UInt64(timeout * 1e9)
        var status: Int32 = 0
        var usage = rusage()
        while true {
            pump(timeoutMilliseconds: 20)
            let r = wait4(pid, &status, WNOHANG, &usage)
            if r == pid { break }
            if r < 0 && errno != EINTR { break }
            if Monotonic.now() > deadline {
                kill(pid, SIGKILL)
                _ = wait4(pid, &status, 0, &usage)
                break
            }
        }
        if !closed { close(master); closed = true }
        return status
    }

    /// The end of the output with escape bytes made visible, for error messages.
    func tail(_ count: Int = 300) -> String {
        let slice = output.suffix(count)
        return String(decoding: slice, as: UTF8.self).replacingOccurrences(of: "\u{1B}", with: "^[")
    }

    private func pump(timeoutMilliseconds: Int32) {
        guard !closed else { return }
        var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&pfd, 1, timeoutMilliseconds) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress!, $0.count) }
            if n > 0 {
                lastRead = Monotonic.now()
                output.append(contentsOf: buffer[0..<n])
                screen.feed(buffer[0..<n])
                continue
            }
            // EIO: the child closed its side; EAGAIN: nothing more for now.
            if n == 0 || (n < 0 && errno == EIO) { close(master); closed = true }
            return
        }
    }
}

/// CLOCK_MONOTONIC in nanoseconds.
enum Monotonic {
    static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    static func milliseconds(_ from: UInt64, _ to: UInt64) -> Double { Double(to &- from) / 1e6 }
}
