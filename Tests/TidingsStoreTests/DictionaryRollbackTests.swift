import Foundation
import Testing
import TidingsCore
@testable import TidingsStore
internal import GRDB

/// A dictionary id inserted by a transaction that rolls back is handed out again by the next
/// insert (AUTOINCREMENT's counter rolls back with it), so no cache may keep what it learnt there.
@Suite("Dictionary ids after a rollback")
struct DictionaryRollbackTests {
    private struct Abandon: Error {}

    private static func dictionary(_ phrase: String) -> BodyDictionary {
        BodyDictionary(bytes: Array(String(repeating: phrase, count: 3_000).utf8.suffix(BodyDictionary.maximumBytes)))!
    }

    /// Writes `text` packed with `dictionary` (a new row) into article big-1; the id it got.
    private static func write(_ text: String, with dictionary: BodyDictionary, feed: FeedID, _ db: Database) throws -> Int64 {
        let id = try BodyDictionarySchema.insert(try #require(dictionary.stored()), feed: feed, db)
        let body = try #require(BodyPacker(dictionary)).prepare(text).stored(dictionaryID: id, text: text)
        #expect(DictionaryFixture.dictionaryID(body) == id)
        try db.execute(sql: "UPDATE article SET content = ? WHERE guid = 'big-1'", arguments: [body])
        return id
    }

    @Test func aReusedIdIsReadAfresh() throws {
        let (store, feed) = try Fixture.storeWithFeed()
        _ = try store.apply(DictionaryFixture.document(count: 3), toFeed: feed, seenAt: Fixture.base)
        // Bodies made of their dictionary's phrase: read with the other dictionary, they would
        // come out as the other one's words.
        let first = Self.dictionary("<p>alpha kestrel gamma</p> ")
        let second = Self.dictionary("<li>zeta osprey theta</li> ")
        let firstText = String(repeating: "<p>alpha kestrel gamma</p> ", count: 40)
        let secondText = String(repeating: "<li>zeta osprey theta</li> ", count: 40)
        // When a transaction writes a body with a new dictionary (the search trigger reads it) and rolls back
        var abandoned: Int64 = 0
        #expect(throws: Abandon.self) {
            try store.writer.write { db in
                abandoned = try Self.write(firstText, with: first, feed: feed, db)
                throw Abandon()
            }
        }
        // And the next one gets the same id for another dictionary
        let kept = try store.writer.write { db in try Self.write(secondText, with: second, feed: feed, db) }
        #expect(kept == abandoned)
        // Then the body and its index entry come from the dictionary that was kept
        let id = try #require(try Fixture.everything(store, .all).first { $0.title == "Story 1" }?.id)
        #expect(try store.article(id)?.body == secondText)
        #expect(try store.search("osprey", limit: 5).map(\.id) == [id])
        #expect(try store.search("kestrel", limit: 5).isEmpty)
        #expect(try store.searchIndexDifferences() == [])
        // And deleting it takes exactly that entry out
        try store.executeForTesting("DELETE FROM article WHERE guid = 'big-1'")
        #expect(try store.searchIndexDifferences() == [])
    }
}
