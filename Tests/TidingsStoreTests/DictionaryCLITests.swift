import Foundation
import Testing
import TidingsCore
@testable import TidingsStore

/// `tidings show` reads dictionary-packed bodies from a cache file (a pool of connections, each
/// with its own dictionary cache).
@Suite("Dictionary-packed bodies from the command line")
struct DictionaryCLITests {
    @Test func showPrintsTheBodyAndJSON() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let store = try ArticleStore(path: cli.cache)
        let feed = try store.registerFeed(source: "https://harbor.example/rss", title: "Harbor Gazette")
        _ = try store.apply(DictionaryFixture.document(count: 120), toFeed: feed, seenAt: Fixture.base)
        #expect(try DictionaryFixture.dictionaries(store, feed: feed).count == 1)
        let story = try #require(try store.search("zeppelin", limit: 1).first)
        #expect(DictionaryFixture.dictionaryID(try DictionaryFixture.storedContent(store, guid: "big-7")) != nil)
        let expected = DictionaryFixture.body(7) + " <p>A zeppelin was sighted.</p>"

        let html = try cli.run(["show", String(story.id), "--format", "html"])
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stdout == expected + "\n")
        let json = try #require(try cli.run(["show", String(story.id), "--format", "json"]).json() as? [String: Any])
        #expect(json["body"] as? String == expected)
        let text = try cli.run(["show", String(story.id), "--width", "80"])
        #expect(text.stdout.contains("zeppelin"))
    }
}
