import Foundation
import Testing
import TidingsCore
@testable import TidingsStore

@Suite("Next and previous unread")
struct FirstUnreadTests {
    /// Two feeds of 10 articles each; only the positions listed in `unread` (list order over `.all`) stay unread.
    private func store(unread: Set<Int>) throws -> (ArticleStore, [Headline], FeedID) {
        let store = try ArticleStore.inMemory()
        let a = try store.registerFeed(source: "a", title: "A")
        let b = try store.registerFeed(source: "b", title: "B")
        _ = try store.apply(Fixture.document(count: 10, tie: 2), toFeed: a)
        _ = try store.apply(Fixture.document(count: 10, tie: 2, start: 5), toFeed: b)
        let all = try Fixture.everything(store, .all)
        try store.setRead(all.enumerated().filter { !unread.contains($0.offset) }.map(\.element.id), true)
        return (store, try Fixture.everything(store, .all), a)
    }

    @Test(arguments: [
        (from: nil, direction: PageDirection.older, expected: 3),
        (from: nil, direction: .newer, expected: 17),
        (from: 3, direction: .older, expected: 4),
        (from: 4, direction: .older, expected: 11),
        (from: 5, direction: .older, expected: 11),
        (from: 11, direction: .older, expected: 17),
        (from: 17, direction: .older, expected: nil),
        (from: 17, direction: .newer, expected: 11),
        (from: 10, direction: .newer, expected: 4),
        (from: 3, direction: .newer, expected: nil),
    ] as [(from: Int?, direction: PageDirection, expected: Int?)])
    func findsTheNearestUnreadAcrossFeeds(from: Int?, direction: PageDirection, expected: Int?) throws {
        let (store, list, _) = try store(unread: [3, 4, 11, 17])
        let found = try store.firstUnread(in: .all, after: from.map { list[$0].cursor }, direction: direction)
        #expect(found?.id == expected.map { list[$0].id })
    }

    @Test func staysInsideOneFeed() throws {
        let (store, list, a) = try store(unread: [3, 4, 11, 17])
        let inA = Set(try Fixture.everything(store, .feed(a)).map(\.id))
        let unreadInA = [3, 4, 11, 17].filter { inA.contains(list[$0].id) }
        #expect(!unreadInA.isEmpty)
        let first = try store.firstUnread(in: .feed(a), after: nil, direction: .older)
        #expect(first?.id == list[unreadInA[0]].id)
        let last = try store.firstUnread(in: .feed(a), after: nil, direction: .newer)
        #expect(last?.id == list[unreadInA[unreadInA.count - 1]].id)
    }

    @Test func unreadScopeSkipsReadCursorRows() throws {
        let (store, list, _) = try store(unread: [3, 4, 11])
        // The cursor itself may be a read article (just marked read while open).
        let next = try store.firstUnread(in: .unread, after: list[6].cursor, direction: .older)
        #expect(next?.id == list[11].id)
    }

    @Test func nothingUnreadGivesNil() throws {
        let (store, _, _) = try store(unread: [])
        #expect(try store.firstUnread(in: .all, after: nil, direction: .older) == nil)
        #expect(try store.firstUnread(in: .unread, after: nil, direction: .newer) == nil)
    }
}
