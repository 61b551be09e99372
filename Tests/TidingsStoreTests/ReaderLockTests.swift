import Foundation
import Synchronization
import Testing
import TidingsStore

@Suite("One reader per cache")
struct ReaderLockTests {
    @Test func aSecondLockIsRefusedNamingTheHolderAndFreedWithTheFirst() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = directory.appendingPathComponent("c.sqlite").path
        do {
            let first = try ReaderLock(cachePath: cache)
            #expect(throws: ReaderLockError.held(cachePath: cache, pid: "\(getpid())")) {
                _ = try ReaderLock(cachePath: cache)
            }
            withExtendedLifetime(first) {}
        }
        // Released with the first holder: the next reader gets it.
        _ = try ReaderLock(cachePath: cache)
    }

    @Test func aMissingFolderIsOneClearError() {
        #expect(throws: ReaderLockError.cannotCreate(path: "/nonexistent-tidings/c.sqlite.lock", reason: "No such file or directory")) {
            _ = try ReaderLock(cachePath: "/nonexistent-tidings/c.sqlite")
        }
    }

    /// A refused lock once closed its descriptor twice; by then another thread had reused the
    /// number (libdispatch's epoll descriptor) and the reader died with SIGILL instead of saying why.
    @Test func aRefusedLockNeverClosesAnotherThreadsDescriptor() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = directory.appendingPathComponent("c.sqlite").path
        let holder = try ReaderLock(cachePath: cache)
        let stop = Atomic<Bool>(false)
        let stolen = Atomic<Int>(0)
        let other = Thread {
            while !stop.load(ordering: .relaxed) {
                let fd = open("/dev/null", O_RDONLY)
                for _ in 0..<50 where fcntl(fd, F_GETFD) == -1 {
                    stolen.add(1, ordering: .relaxed)
                    break
                }
                close(fd)
            }
        }
        other.start()
        for _ in 0..<3_000 {
            _ = try? ReaderLock(cachePath: cache)
        }
        stop.store(true, ordering: .relaxed)
        while !other.isFinished { usleep(1_000) }
        withExtendedLifetime(holder) {}
        #expect(stolen.load(ordering: .relaxed) == 0)
    }
}
