import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks up front that the cache and its directory (WAL needs `-wal` and `-shm` files next to it)
/// can be written, so the user reads "read-only" rather than SQLite's "unable to open database file".
enum WriteProbe {
    static func check(directory: String, file: String?, path: String) throws(StoreError) {
        if let file {
            let fd = open(file, O_RDWR | O_CLOEXEC)
            if fd < 0 { try fail(errno, path: path) } else { close(fd) }
        }
        let probe = directory + "/.tidings-probe-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(probe, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if fd < 0 { try fail(errno, path: path) }
        close(fd)
        unlink(probe)
    }

    private static func fail(_ code: Int32, path: String) throws(StoreError) {
        switch code {
        case EACCES, EPERM, EROFS:
            throw .readOnly(path: path)
        case ENOSPC, EDQUOT:
            throw .diskFull(path: path)
        default:
            throw .cannotOpen(path: path, reason: String(cString: strerror(code)))
        }
    }
}
