import Foundation

/// Creates a file that did not exist, all at once: readers never see it half-written and an
/// existing file is never replaced, even one that appears while we write.
enum NewFile {
    enum Failure: Error, CustomStringConvertible {
        case exists(String)
        case cannotWrite(String, reason: String)

        var description: String {
            switch self {
            case let .exists(path): return "\(path) already exists; choose another name."
            case let .cannotWrite(path, reason): return "Could not save to \(path): \(reason)"
            }
        }
    }

    /// Writes `data` to a temporary name beside `path`, then links it into place (link(2) refuses
    /// to replace, unlike rename(2)); file systems without hard links get an exclusive create.
    static func create(_ path: String, with data: Data) throws(Failure) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tidings-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        try write(data, to: temporary, finalPath: path)
        defer { unlink(temporary) }
        if link(temporary, path) == 0 { return }
        switch errno {
        case EEXIST: throw .exists(path)
        case EPERM, EOPNOTSUPP, EXDEV, EMLINK: try write(data, to: path, finalPath: path)
        case let code: throw .cannotWrite(path, reason: String(cString: strerror(code)))
        }
    }

    private static func write(_ data: Data, to target: String, finalPath: String) throws(Failure) {
        let fd = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else {
            throw errno == EEXIST ? .exists(finalPath) : .cannotWrite(finalPath, reason: String(cString: strerror(errno)))
        }
        var failure: Int32 = 0
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += n
            }
        }
        if failure == 0, fsync(fd) != 0 { failure = errno }
        close(fd)
        if failure != 0 {
            unlink(target)
            throw .cannotWrite(finalPath, reason: String(cString: strerror(failure)))
        }
    }
}
