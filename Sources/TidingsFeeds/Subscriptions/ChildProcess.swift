import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs `/bin/sh -c COMMAND` in its own process group with stdout and stderr captured, an
/// optional stdin, a deadline and an output cap. On timeout or overflow the whole group is
/// killed, so a command that started background helpers leaves nothing behind.
enum ChildProcess {
    private static let chunk = 64 * 1024
    private static let stderrKept = 8 * 1024

    static func shell(_ command: String, input: Data?, timeout: TimeInterval, maxBytes: Int) throws(SourceError) -> Data {
        guard !command.allSatisfy(\.isWhitespace) else { throw .emptyCommand }
        let shown = command.count > 80 ? String(command.prefix(79)) + "…" : command
        var fds = Pipes()
        defer { fds.closeAll() }
        guard fds.open(withInput: input != nil) else {
            throw .couldNotStart(command: shown, reason: String(cString: strerror(errno)))
        }
        let (spawned, spawnError) = spawn(command, fds: fds)
        guard let pid = spawned else { throw .couldNotStart(command: shown, reason: String(cString: strerror(spawnError))) }
        fds.closeChildEnds()

        let deadline = ContinuousClock.now + .seconds(max(0, timeout))
        var output = Data()
        var errTail: [UInt8] = []
        let bytesIn = input.map { [UInt8]($0) } ?? []
        var written = 0
        if input != nil, bytesIn.isEmpty { fds.close(&fds.inWrite) }

        while fds.outRead >= 0 || fds.errRead >= 0 {
            let left = deadline - .now
            guard left > .zero else { stop(pid); throw .timedOut(command: shown, seconds: timeout) }
            var polled: [pollfd] = []
            if fds.outRead >= 0 { polled.append(pollfd(fd: fds.outRead, events: Int16(POLLIN), revents: 0)) }
            if fds.errRead >= 0 { polled.append(pollfd(fd: fds.errRead, events: Int16(POLLIN), revents: 0)) }
            if fds.inWrite >= 0 { polled.append(pollfd(fd: fds.inWrite, events: Int16(POLLOUT), revents: 0)) }
            let ms = Int32(min(1000, max(1, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000)))
            if poll(&polled, nfds_t(polled.count), ms) < 0, errno != EINTR {
                stop(pid)
                throw .couldNotStart(command: shown, reason: String(cString: strerror(errno)))
            }
            for p in polled where p.revents != 0 {
                if p.fd == fds.inWrite {
                    let n = bytesIn.withUnsafeBytes { buf in
                        send(p.fd, buf.baseAddress! + written, min(chunk, bytesIn.count - written), Int32(MSG_NOSIGNAL))
                    }
                    if n > 0 { written += n }
                    // A script that stops reading early is its own business: its output still counts.
                    if written == bytesIn.count || (n < 0 && errno != EAGAIN && errno != EINTR) { fds.close(&fds.inWrite) }
                } else if p.fd == fds.outRead {
                    if !drain(&fds.outRead, into: &output) { fds.close(&fds.outRead) }
                    if output.count > maxBytes { stop(pid); throw .outputTooLarge(command: shown, limit: maxBytes) }
                } else if p.fd == fds.errRead {
                    var piece = Data()
                    if !drain(&fds.errRead, into: &piece) { fds.close(&fds.errRead) }
                    errTail.append(contentsOf: piece)
                    if errTail.count > stderrKept { errTail.removeFirst(errTail.count - stderrKept) }
                }
            }
        }
        fds.close(&fds.inWrite)

        var status: Int32 = 0
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r < 0, errno != EINTR { status = 0; break }
            if ContinuousClock.now >= deadline { stop(pid); throw .timedOut(command: shown, seconds: timeout) }
            usleep(2_000)
        }
        let signal = status & 0x7F
        if signal != 0 { throw .killed(command: shown, signal: signal, stderr: lastLine(errTail)) }
        let code = (status >> 8) & 0xFF
        if code != 0 { throw .failed(command: shown, status: code, stderr: lastLine(errTail)) }
        return output
    }

    /// Reads what is available; false at end of file or on a hard error.
    private static func drain(_ fd: inout Int32, into data: inout Data) -> Bool {
        var buffer = [UInt8](repeating: 0, count: chunk)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, chunk) }
            if n > 0 { data.append(contentsOf: buffer[0..<n]); if data.count > chunk * 4 { return true }; continue }
            if n == 0 { return false }
            return errno == EAGAIN || errno == EINTR
        }
    }

    private static func stop(_ pid: pid_t) {
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    }

    /// The last non-blank stderr line, made safe to show in one line.
    private static func lastLine(_ bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let line = text.split(whereSeparator: \.isNewline).last(where: { !$0.allSatisfy(\.isWhitespace) }) else { return nil }
        let clean = String(String.UnicodeScalarView(line.unicodeScalars.filter { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) }))
            .trimmingCharacters(in: .whitespaces)
        return clean.count > 300 ? String(clean.prefix(299)) + "…" : clean
    }

    private static func spawn(_ command: String, fds: Pipes) -> (pid_t?, Int32) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if fds.inRead >= 0 {
            posix_spawn_file_actions_adddup2(&actions, fds.inRead, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, fds.outWrite, 1)
        posix_spawn_file_actions_adddup2(&actions, fds.errWrite, 2)

        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attr, 0)
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setsigmask(&attr, &none)

        let copy = { (s: String) -> UnsafeMutablePointer<CChar>? in strdup(s) }
        let args = ["/bin/sh", "-c", command].map(copy)
        let env = ProcessInfo.processInfo.environment.map { copy("\($0.key)=\($0.value)") }
        defer { (args + env).forEach { free($0) } }
        var argv: [UnsafeMutablePointer<CChar>?] = args + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = env + [nil]
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, "/bin/sh", &actions, &attr, &argv, &envp)
        return rc == 0 ? (pid, 0) : (nil, rc)
    }
}

/// The descriptors between parent and child; every one is close-on-exec so that processes
/// spawned concurrently by other threads never inherit them.
private struct Pipes {
    var inRead: Int32 = -1, inWrite: Int32 = -1
    var outRead: Int32 = -1, outWrite: Int32 = -1
    var errRead: Int32 = -1, errWrite: Int32 = -1

    mutating func open(withInput: Bool) -> Bool {
        var p: [Int32] = [-1, -1]
        guard sys_pipe2(&p, O_CLOEXEC) == 0 else { return false }
        (outRead, outWrite) = (p[0], p[1])
        guard sys_pipe2(&p, O_CLOEXEC) == 0 else { return false }
        (errRead, errWrite) = (p[0], p[1])
        if withInput {
            // A socket rather than a pipe, so writing after the child quit gives EPIPE, not SIGPIPE.
            guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &p) == 0 else { return false }
            (inWrite, inRead) = (p[0], p[1])
            shutdown(inWrite, Int32(SHUT_RD))
            _ = fcntl(inWrite, F_SETFL, fcntl(inWrite, F_GETFL) | O_NONBLOCK)
        }
        _ = fcntl(outRead, F_SETFL, fcntl(outRead, F_GETFL) | O_NONBLOCK)
        _ = fcntl(errRead, F_SETFL, fcntl(errRead, F_GETFL) | O_NONBLOCK)
        return true
    }

    mutating func closeChildEnds() {
        close(&inRead)
        close(&outWrite)
        close(&errWrite)
    }

    mutating func closeAll() {
        closeChildEnds()
        close(&inWrite)
        close(&outRead)
        close(&errRead)
    }

    func close(_ fd: inout Int32) {
        if fd >= 0 { _ = Glibc.close(fd) }
        fd = -1
    }
}

/// glibc's pipe2 (hidden from Swift behind _GNU_SOURCE): a pipe that is close-on-exec from birth.
@_silgen_name("pipe2")
private func sys_pipe2(_ fds: UnsafeMutablePointer<Int32>, _ flags: Int32) -> Int32
