import Foundation
import Testing
import TidingsCore
@testable import TidingsFeeds

@Suite struct JSONFeedTests {
    @Test func version1() throws {
        let doc = try FeedParser.parse(Fixtures.data("jsonfeed10.json"))
        #expect(doc.format == .jsonfeed10)
        #expect(doc.feed == FeedMeta(title: "Kettle Weekly", link: "https://kettle.example/",
                                     description: "Notes on tea", author: "Earl Grey"))
        #expect(doc.items.count == 2)
        let first = doc.items[0]
        #expect(first == FeedItem(id: "k-1", title: "Steeping times", link: "https://kettle.example/posts/steeping",
                                  author: "Earl Grey",  // the feed's author applies to an item naming none
                                  published: utc(2021, 12, 2, 12), summary: "How long to wait",
                                  content: "<p>Three minutes.</p>", contentType: .html, categories: ["tea", "time"],
                                  enclosures: [FeedEnclosure(url: "https://kettle.example/whistle.mp3", type: "audio/mpeg", length: 4096)]))
        let second = doc.items[1]
        #expect(second.content == "Boil water.")
        #expect(second.contentType == .text)
        #expect(second.updated == utc(2021, 12, 1))
        #expect(doc.warnings.isEmpty)
    }

    @Test func version11() throws {
        let doc = try FeedParser.parse(Fixtures.data("jsonfeed11.json"))
        #expect(doc.format == .jsonfeed11)
        #expect(doc.feed.title == "Spindle & Thread")
        #expect(doc.feed.language == "en-US")
        #expect(doc.feed.author == "Wen Loom, Ada Shuttle")
        let item = try #require(doc.items.first)
        #expect(item.author == "Ada Shuttle")
        #expect(item.content == "<p>Cross the threads.</p>")
        #expect(item.contentType == .html)
        #expect(item.enclosures == [FeedEnclosure(url: "https://spindle.example/loom.jpg")])
    }

    @Test func wrongTypesAreWarningsNotFailures() throws {
        let json = """
        {"version": "https://jsonfeed.org/version/1.1", "title": 42, "authors": "nobody",
         "items": [
           "not an object",
           {"id": 7, "title": ["x"], "content_text": "kept", "tags": "solo", "date_published": "soon",
            "attachments": [{"mime_type": "audio/mpeg"}, {"url": "https://a.example/f.ogg", "size_in_bytes": "big"}]},
           {"title": "no id", "url": "https://a.example/p"}
         ]}
        """
        let doc = try FeedParser.parse(Data(json.utf8))
        #expect(doc.feed.title == nil)
        #expect(doc.items.count == 2)
        #expect(doc.items[0].id == "7")
        #expect(doc.items[0].title == nil)
        #expect(doc.items[0].content == "kept")
        #expect(doc.items[0].published == nil)
        #expect(doc.items[0].enclosures == [FeedEnclosure(url: "https://a.example/f.ogg")])
        #expect(doc.items[1].id == "link:https://a.example/p")
        #expect(doc.warnings.count >= 7, "\(doc.warnings)")
        #expect(doc.warnings.contains("item 1 is not an object; skipped"))
    }

    @Test(arguments: ["[1, 2]", "{\"hello\": 1}"])
    func jsonThatIsNotAFeed(_ json: String) {
        #expect(throws: FeedParseError.self) { try FeedParser.parse(Data(json.utf8)) }
    }

    @Test func brokenJSONIsMalformed() {
        #expect(throws: FeedParseError.malformed("invalid JSON")) {
            try FeedParser.parse(Data("{\"version\": \"https://jsonfeed.org/version/1\", \"items\": [".utf8))
        }
    }
}
