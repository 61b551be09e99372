import Foundation

/// One interactive reader per cache: two readers would fight over the same read flags on screen.
/// Scripts (refresh, mark…) take no lock; SQLite serialises their writes.
public final class ReaderLock {
    private let fd: Int32

    /// Takes `<cache>.lock`, or fails with a message naming the process that holds it.
    public init(cachePath: String) throws(ReaderLockError) {
        let path = cachePath + ".lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        // The descriptor is stored only once the lock is ours: a throwing class initialiser whose
        // properties are all set still runs `deinit`, and a second close(2) of a number another
        // thread has reused since (libdispatch's epoll descriptor, once) breaks that thread.
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.holder(descriptor)
            close(descriptor)
            throw .held(cachePath: cachePath, pid: holder)
        }
        fd = descriptor
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pwrite(fd, pid, pid.count, 0)
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }

    private static func holder(_ descriptor: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = pread(descriptor, &buffer, buffer.count, 0)
        guard n > 0 else { return "?" }
        let text = String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "?" : text
    }
}

/// Why the reader could not claim its cache.
public enum ReaderLockError: Error, Equatable, CustomStringConvertible {
    /// The lock file next to the cache could not be created (permissions, missing folder).
    case cannotCreate(path: String, reason: String)
    /// Another reader holds the cache; `pid` is what it wrote into the lock file.
    case held(cachePath: String, pid: String)

    public var description: String {
        switch self {
        case let .cannotCreate(path, reason):
            return "cannot create \(path): \(reason)"
        case let .held(cachePath, pid):
            return "another Tidings reader (pid \(pid)) already has \(cachePath) open; quit it first"
        }
    }
}
