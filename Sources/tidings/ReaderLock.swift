import Foundation

/// One interactive reader per cache: two readers would fight over the same read flags on screen.
/// Scripts (refresh, mark…) take no lock; SQLite serialises their writes.
final class ReaderLock {
    private let fd: Int32

    /// Takes `<cache>.lock`, or fails with a message naming the process that holds it.
    init(cachePath: String) throws {
        let path = cachePath + ".lock"
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw CommandFailure("cannot create \(path): \(String(cString: strerror(errno)))")
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            var buffer = [UInt8](repeating: 0, count: 32)
            let n = pread(fd, &buffer, buffer.count, 0)
            let pid = n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : "?"
            close(fd)
            throw CommandFailure("another Tidings reader (pid \(pid)) already has \(cachePath) open; quit it first")
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pwrite(fd, pid, pid.count, 0)
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
