import Foundation
import Testing
import TidingsCore
@testable import TidingsStore

@Suite("Keyset paging")
struct PagingTests {
    /// 250 articles published three to a minute, plus a second feed interleaved in time.
    private func populated() throws -> (ArticleStore, FeedID, FeedID) {
        let store = try ArticleStore.inMemory()
        let main = try store.registerFeed(source: "https://main.example/feed", title: "Main")
        let other = try store.registerFeed(source: "https://other.example/feed", title: "Other")
        _ = try store.apply(Fixture.document(count: 250, tie: 3), toFeed: main)
        _ = try store.apply(Fixture.document(count: 40, tie: 2, start: 1000), toFeed: other)
        return (store, main, other)
    }

    private func walkOlder(_ store: ArticleStore, _ scope: ListScope, pageSize: Int) throws -> [Headline] {
        var all: [Headline] = []
        var cursor: HeadlineCursor?
        while true {
            let page = try store.headlines(HeadlinePageRequest(scope: scope, cursor: cursor, direction: .older, limit: pageSize))
            #expect(page.count <= pageSize)
            all += page
            guard page.count == pageSize, let last = page.last else { return all }
            cursor = last.cursor
        }
    }

    private func walkNewer(_ store: ArticleStore, _ scope: ListScope, pageSize: Int) throws -> [Headline] {
        var all: [Headline] = []
        var cursor: HeadlineCursor?
        while true {
            let page = try store.headlines(HeadlinePageRequest(scope: scope, cursor: cursor, direction: .newer, limit: pageSize))
            all = page + all
            guard page.count == pageSize, let first = page.first else { return all }
            cursor = first.cursor
        }
    }

    private func isNewestFirst(_ list: [Headline]) -> Bool {
        zip(list, list.dropFirst()).allSatisfy { ($0.sortDate, $0.id) > ($1.sortDate, $1.id) }
    }

    @Test func walkingOlderPagesVisitsEveryRowOnceInDocumentOrder() throws {
        let (store, main, _) = try populated()
        let walked = try walkOlder(store, .feed(main), pageSize: 20)
        // Ties share a sort date; within a tie the document's order is kept.
        #expect(walked.map(\.title) == (0..<250).map { "Title \($0)" })
        #expect(Set(walked.map(\.id)).count == 250)
        #expect(isNewestFirst(walked))
    }

    @Test(arguments: [ListScope.all, .unread])
    func walkingBothWaysGivesTheSameSequenceAcrossFeeds(scope: ListScope) throws {
        let (store, _, _) = try populated()
        let older = try walkOlder(store, scope, pageSize: 20)
        let newer = try walkNewer(store, scope, pageSize: 20)
        #expect(older.count == 290)
        #expect(newer == older)
        #expect(isNewestFirst(older))
        #expect(Set(older.map(\.feedTitle)) == ["Main", "Other"])
    }

    @Test func walkingNewerFromTheBottomMatchesWalkingOlder() throws {
        let (store, main, _) = try populated()
        let older = try walkOlder(store, .feed(main), pageSize: 20)
        let newer = try walkNewer(store, .feed(main), pageSize: 20)
        #expect(newer.map(\.id) == older.map(\.id))
    }

    @Test func newerWithoutCursorIsTheBottomPageInListOrder() throws {
        let (store, main, _) = try populated()
        let bottom = try store.headlines(HeadlinePageRequest(scope: .feed(main), cursor: nil, direction: .newer, limit: 20))
        #expect(bottom.map(\.title) == (230..<250).map { "Title \($0)" })
    }

    @Test func pagesStopAtTheEdges() throws {
        let (store, main, _) = try populated()
        let list = try Fixture.everything(store, .feed(main))
        let afterLast = HeadlinePageRequest(scope: .feed(main), cursor: list.last?.cursor, direction: .older, limit: 20)
        let beforeFirst = HeadlinePageRequest(scope: .feed(main), cursor: list.first?.cursor, direction: .newer, limit: 20)
        #expect(try store.headlines(afterLast).isEmpty)
        #expect(try store.headlines(beforeFirst).isEmpty)
        #expect(try store.headlines(HeadlinePageRequest(scope: .all, cursor: nil, direction: .older, limit: 0)).isEmpty)
    }

    @Test(arguments: [0, 1, 2, 3, 19, 20, 21, 137, 249])
    func indexOfCursorIsItsPosition(position: Int) throws {
        let (store, main, _) = try populated()
        for scope in [ListScope.feed(main), .all] {
            let list = try Fixture.everything(store, scope)
            #expect(try store.index(of: list[position].cursor, in: scope) == position)
        }
    }

    @Test func unreadScopeHoldsOnlyUnreadArticlesOfEveryFeed() throws {
        // Given every third article of both feeds read
        let (store, _, _) = try populated()
        let all = try Fixture.everything(store, .all)
        let read = all.enumerated().filter { $0.offset % 3 == 0 }.map(\.element.id)
        try store.setRead(read, true)
        // Then the unread list is the rest, in the same order, and counts agree
        let unread = try Fixture.everything(store, .unread)
        #expect(unread.map(\.id) == all.map(\.id).filter { !read.contains($0) })
        #expect(unread.allSatisfy { !$0.isRead })
        #expect(try store.count(.unread) == unread.count)
        #expect(try store.count(.all) == 290)
        let position = 17
        #expect(try store.index(of: unread[position].cursor, in: .unread) == position)
    }
}
