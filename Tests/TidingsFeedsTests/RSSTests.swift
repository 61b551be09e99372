import Foundation
import Testing
import TidingsCore
@testable import TidingsFeeds

@Suite struct RSSTests {
    @Test func rss20WithContentEncodedAndExtensions() throws {
        let doc = try FeedParser.parse(Fixtures.data("rss20.xml"), baseURL: URL(string: "https://gazette.example/feed.xml"))
        #expect(doc.format == .rss20)
        #expect(doc.feed == FeedMeta(title: "Harbour Gazette — Tides", link: "https://gazette.example/",
                                     description: "Small news from a small harbour", language: "en-gb",
                                     updated: utc(2021, 12, 2, 10, 30), author: "Mira Quay"))
        #expect(doc.items.count == 3)

        let ferry = doc.items[0]
        #expect(ferry.id == "gazette-ferry-1")
        #expect(ferry.title == "Ferry & pier reopen")
        #expect(ferry.link == "https://gazette.example/2021/12/ferry")
        #expect(ferry.author == "Ola Tern")
        #expect(ferry.published == utc(2021, 12, 2, 8, 15))
        #expect(ferry.summary == "Short teaser.")
        #expect(ferry.content == "<p>The ferry is <b>back</b> caf&eacute;.</p>")  // CDATA: HTML entity kept for the renderer
        #expect(ferry.contentType == .html)
        #expect(ferry.categories == ["Transport", "Local"])
        #expect(ferry.enclosures == [
            FeedEnclosure(url: "https://gazette.example/audio/ferry.mp3", type: "audio/mpeg", length: 123456),
            FeedEnclosure(url: "https://gazette.example/img/ferry.jpg", type: "image/jpeg"),
        ])

        let diary = doc.items[1]
        #expect(diary.id == "https://gazette.example/2021/11/diary")
        #expect(diary.link == "https://gazette.example/2021/11/diary")  // permalink guid stands in for a link
        #expect(diary.title == "Lighthouse keeper’s diary")
        #expect(diary.summary == "<p>Entry one&hellip; a stormy night — again.</p>")
        #expect(diary.content == nil)
        #expect(diary.body == diary.summary)
        #expect(diary.contentType == .html)
        #expect(diary.author == "Ana Beam")
        #expect(diary.published == utc(2021, 12, 1, 23))

        let bare = doc.items[2]
        #expect(bare.id == "title:" + ItemIdentity.fnv1a("No identifiers here\n"))
        #expect(bare.link == nil)
        #expect(doc.warnings.isEmpty, "\(doc.warnings)")
    }

    @Test func rss091InLatin1() throws {
        let doc = try FeedParser.parse(Fixtures.data("rss091.xml"))
        #expect(doc.format == .rss091)
        #expect(doc.feed.title == "Old Mill Notes")
        #expect(doc.feed.language == "fr")
        #expect(doc.items.map(\.title) == ["Réunion du lundi"])
        #expect(doc.items[0].id == "link:http://mill.example/reunion")
        #expect(doc.items[0].summary == "Le moulin tourne.")
    }

    @Test(arguments: [("0.92", FeedFormat.rss092), ("0.93", .rss093), ("0.94", .rss094), ("2.0", .rss20)])
    func versionAttributeSetsFormat(_ version: String, _ format: FeedFormat) throws {
        let xml = "<rss version=\"\(version)\"><channel><title>T</title></channel></rss>"
        #expect(try FeedParser.parse(Data(xml.utf8)).format == format)
    }

    @Test func rss10RDF() throws {
        let doc = try FeedParser.parse(Fixtures.data("rss10.rdf"))
        #expect(doc.format == .rss10)
        #expect(doc.feed == FeedMeta(title: "Orchard Log", link: "https://orchard.example/",
                                     description: "Apples, mostly", updated: utc(2021, 12, 1, 8)))
        #expect(doc.items.count == 1)
        let item = doc.items[0]
        #expect(item.id == "https://orchard.example/pruning")
        #expect(item.title == "Pruning season")
        #expect(item.author == "Pip Russet")
        #expect(item.published == utc(2021, 11, 30, 15, 45))
        #expect(item.summary == "Cut back the <em>old</em> wood.")
        #expect(item.categories == ["Trees"])
    }

    @Test func rss090() throws {
        let xml = """
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
          <channel><title>Netscape era</title><link>http://old.example/</link></channel>
          <item><title>First</title><link>http://old.example/1</link></item>
        </rdf:RDF>
        """
        let doc = try FeedParser.parse(Data(xml.utf8))
        #expect(doc.format == .rss090)
        #expect(doc.feed.title == "Netscape era")
        #expect(doc.items.map(\.link) == ["http://old.example/1"])
    }

    @Test func undeclaredEntitiesStillDecodeAfterABareAmpersand() throws {
        // A bare & is an error; libxml2 alone would drop it and then every later entity reference.
        let xml = "<rss version=\"2.0\"><channel><item><title>Tom & Jerry</title><description>&lt;p&gt;caf&eacute;&nbsp;&amp;&lt;/p&gt;</description></item></channel></rss>"
        let doc = try FeedParser.parse(Data(xml.utf8))
        #expect(doc.items.first?.summary == "<p>café\u{A0}&</p>", "\(doc.warnings)")
        #expect(doc.items.first?.title == "Tom & Jerry")
        #expect(doc.warnings.contains { $0.contains("kept as text") })
    }

    @Test func unparseableDateIsAWarning() throws {
        let xml = "<rss version=\"2.0\"><channel><item><title>T</title><pubDate>someday soon</pubDate></item></channel></rss>"
        let doc = try FeedParser.parse(Data(xml.utf8))
        #expect(doc.items.first?.published == nil)
        #expect(doc.warnings == ["unparseable date \"someday soon\""])
    }
}
