import Foundation
import Testing
import TidingsCore
@testable import TidingsStore

@Suite("Change detection and concurrent writers")
struct ChangeTokenTests {
    @Test func tokenMovesOnOwnWritesOnly() throws {
        let (store, feed) = try Fixture.storeWithFeed()
        let start = try store.changeToken()
        #expect(try store.changeToken() == start)
        _ = try store.search("x", limit: 5)
        #expect(try store.changeToken() == start)
        _ = try store.apply(Fixture.document(count: 2), toFeed: feed)
        let afterImport = try store.changeToken()
        #expect(afterImport != start)
        try store.setRead([], true)
        #expect(try store.changeToken() == afterImport)
    }

    @Test func tokenSeesAnotherProcessesCommit() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("cache.sqlite").path
        // Given a reader's store and a second store on the same file (another process, as cron's refresh)
        let reader = try ArticleStore(path: path)
        let refresher = try ArticleStore(path: path)
        let feed = try refresher.registerFeed(source: "s", title: nil)
        let before = try reader.changeToken()
        #expect(try reader.changeToken() == before)
        // When the other one writes
        _ = try refresher.apply(Fixture.document(count: 3), toFeed: feed)
        // Then the reader's token changes, and it sees the rows
        #expect(try reader.changeToken() != before)
        #expect(try reader.count(.all) == 3)
    }

    @Test func twoStoresOnOneFileWriteConcurrentlyWithoutLosingFlags() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("cache.sqlite").path
        let setup = try ArticleStore(path: path)
        let feed = try setup.registerFeed(source: "main", title: nil)
        _ = try setup.apply(Fixture.document(count: 400), toFeed: feed)
        let ids = try Fixture.everything(setup, .all).map(\.id)

        // When one store marks every article read one by one while another imports 40 feeds
        let marker = try ArticleStore(path: path)
        let importer = try ArticleStore(path: path)
        let errors = ErrorBox()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            do {
                for id in ids {
                    try marker.setRead([id], true)
                    if id % 3 == 0 { try marker.setStarred([id], true) }
                }
            } catch { errors.add(error) }
        }
        DispatchQueue.global().async(group: group) {
            do {
                for n in 0..<40 {
                    let other = try importer.registerFeed(source: "feed-\(n)", title: nil)
                    _ = try importer.apply(Fixture.document(count: 25, start: n * 100), toFeed: other)
                    _ = try importer.search("title", limit: 5)
                }
            } catch { errors.add(error) }
        }
        group.wait()

        // Then nothing failed and every flag is there
        #expect(errors.all.isEmpty, "\(errors.all)")
        let check = try ArticleStore(path: path)
        let main = try Fixture.everything(check, .feed(feed))
        #expect(main.allSatisfy { $0.isRead })
        #expect(main.filter(\.isStarred).map(\.id) == ids.filter { $0 % 3 == 0 })
        #expect(try check.totals() == (unread: 1000, total: 1400))
        #expect(try check.searchIndexCount() == 1400)
    }
}

/// Errors collected from worker threads.
final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [any Error] = []
    func add(_ error: any Error) { lock.lock(); errors.append(error); lock.unlock() }
    var all: [any Error] { lock.lock(); defer { lock.unlock() }; return errors }
}
