import Foundation
import Testing
import TidingsCore
@testable import TidingsFeeds

/// The older RSS dialects and the quirks real feeds carry, one fixture each.
@Suite struct FormatDialectTests {
    @Test(arguments: [
        ("rss090.rdf", FeedFormat.rss090), ("rss091.xml", .rss091), ("rss091-netscape.xml", .rss091),
        ("rss092.xml", .rss092), ("rss093.xml", .rss093), ("rss094.xml", .rss094), ("rss10.rdf", .rss10),
        ("rss20.xml", .rss20), ("quirks-rss20.xml", .rss20), ("atom03.xml", .atom03), ("atom10.xml", .atom10),
        ("jsonfeed10.json", .jsonfeed10), ("jsonfeed11.json", .jsonfeed11),
    ])
    func detectsFormat(_ fixture: String, _ format: FeedFormat) throws {
        #expect(try FeedParser.parse(Fixtures.data(fixture)).format == format)
    }

    @Test func rss090ItemsAreSiblingsOfTheChannel() throws {
        let doc = try FeedParser.parse(Fixtures.data("rss090.rdf"))
        #expect(doc.feed.title == "Mozilla Dot Org")
        #expect(doc.items.map(\.title) == ["New Status Updates", "Bugzilla Reorganized"])
        #expect(doc.items.map(\.id) == ["link:http://www.mozilla.org/status/", "link:http://www.mozilla.org/bugs/"])
        #expect(doc.warnings.isEmpty)
    }

    @Test func rss091NetscapeDTDIsNeverFetchedAndItsEntitiesStillDecode() throws {
        let doc = try FeedParser.parse(Fixtures.data("rss091-netscape.xml"))
        #expect(doc.feed.description == "News for web users that write back – café edition")
        #expect(doc.feed.updated == utc(2000, 6, 19, 12))
        #expect(doc.items.count == 1)  // <image> and <textinput> are not items
        #expect(doc.items[0].summary?.contains("&mdash;") == true)  // body stays HTML
        #expect(doc.warnings.isEmpty)
    }

    @Test func rss092ItemWithOnlyADescriptionAndAnEnclosure() throws {
        let doc = try FeedParser.parse(Fixtures.data("rss092.xml"))
        #expect(doc.feed.author == "Dave Winer")
        let song = doc.items[0]
        #expect(song.title == nil)
        #expect(song.id.hasPrefix("body:"))
        #expect(song.enclosures == [FeedEnclosure(url: "http://www.scripting.example/mp3s/weatherReportSuite.mp3",
                                                  type: "audio/mpeg", length: 12_216_320)])
        #expect(doc.items[1].categories == ["Rock"])
    }

    @Test func rss093PlainDescriptionAndSeveralEnclosures() throws {
        let item = try #require(try FeedParser.parse(Fixtures.data("rss093.xml")).items.first)
        #expect(item.summary == "Bright <not a tag> night.")
        #expect(item.contentType == .text)
        #expect(item.published == utc(2001, 9, 15, 21))
        #expect(item.enclosures.map(\.type) == ["image/jpeg", "audio/ogg"])
    }

    @Test func rss094GuidAndHTMLDescription() throws {
        let item = try #require(try FeedParser.parse(Fixtures.data("rss094.xml")).items.first)
        #expect(item.id == "http://field.example/heron")
        #expect(item.summary == "<p>A <b>grey</b> heron.</p>")
        #expect(item.contentType == .html)
        #expect(item.author == "Kit Wren")
        #expect(item.categories == ["Birds"])
    }

    @Test func realWorldQuirks() throws {
        let doc = try FeedParser.parse(Fixtures.data("quirks-rss20.xml"))
        #expect(doc.feed.title == "Fish & Chips Weekly")                    // CDATA title with markup → plain
        #expect(doc.feed.link == "https://quirks.example/news/")            // relative, against the root's xml:base
        #expect(doc.feed.description == "Bare & ampersands and undeclared… entities")  // a bare & kept; &nbsp; and &hellip; without a DTD
        #expect(doc.feed.author == "The Fryer")                              // itunes:author

        let batter = doc.items[0]
        #expect(batter.title == "Relative links resolve")                   // whitespace collapsed
        #expect(batter.link == "https://quirks.example/news/2021/12/batter.html")  // nested xml:base
        #expect(batter.published == utc(2021, 12, 2, 9))                    // dc:date
        #expect(batter.categories == ["Food"])                               // dc:subject, duplicates dropped
        #expect(batter.summary == "A &lt;b&gt; shown as text")               // media:description as escaped text
        #expect(batter.enclosures == [
            FeedEnclosure(url: "https://quirks.example/news/2021/video/batter.mp4", type: "video/mp4", length: 2048),
            FeedEnclosure(url: "https://quirks.example/news/2021/video/batter-small.mp4", type: "video/mp4"),
            FeedEnclosure(url: "https://quirks.example/news/2021/img/batter.png", type: "image/png"),
            FeedEnclosure(url: "https://cdn.quirks.example/cover.jpg", type: "image/jpeg"),
        ])

        let anonymous = doc.items[1]
        #expect(anonymous.link == nil)
        #expect(anonymous.id == "title:" + ItemIdentity.fnv1a("No guid, no link\n" + String(Int(utc(2021, 12, 2, 9).timeIntervalSince1970))))
        #expect(anonymous.published == utc(2021, 12, 2, 9))                 // "GMT+0100", full weekday name

        let broken = doc.items[2]
        #expect(broken.published == nil)
        #expect(doc.warnings.contains("unparseable date \"sometime last week\""))
        #expect(doc.warnings.contains { $0.contains("Opening and ending tag mismatch") })
        #expect(doc.warnings.contains { $0.contains("Extra content at the end") })
    }

    @Test func identityIsStableAcrossReloads() throws {
        let data = try Fixtures.data("quirks-rss20.xml")
        #expect(try FeedParser.parse(data).items.map(\.id) == FeedParser.parse(data).items.map(\.id))
    }

    @Test func atomLinkRelations() throws {
        let xml = """
        <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://rel.example/blog/">
          <title>Rel</title><link rel="self" href="/feed.atom"/><link href="./"/>
          <entry><id>urn:1</id><title>One</title>
            <link rel="related" href="https://elsewhere.example/"/>
            <link rel="self" href="/entries/1.atom"/>
            <link rel="alternate" type="text/html" href="posts/1"/>
            <link rel="enclosure" type="audio/mpeg" length="99" href="one.mp3"/>
          </entry>
        </feed>
        """
        let doc = try FeedParser.parse(Data(xml.utf8))
        #expect(doc.feed.link == "https://rel.example/blog/")
        #expect(doc.items[0].link == "https://rel.example/blog/posts/1")
        #expect(doc.items[0].enclosures == [FeedEnclosure(url: "https://rel.example/blog/one.mp3", type: "audio/mpeg", length: 99)])
    }

    @Test(arguments: [
        ("<title type=\"text\">A &amp;lt;b&amp;gt; is text</title>", "A &lt;b&gt; is text"),
        ("<title type=\"html\">A &lt;b&gt;bold&lt;/b&gt; title</title>", "A bold title"),
        ("<title type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">An <b>xhtml</b> title</div></title>", "An xhtml title"),
    ])
    func atomTextConstructsInTitles(_ element: String, _ expected: String) throws {
        let xml = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>x</id>\(element)</entry></feed>"
        #expect(try FeedParser.parse(Data(xml.utf8)).items.first?.title == expected)
    }
}

@Suite struct BodyLinkTests {
    @Test(arguments: [
        ("<a href=\"/a\">x</a>", "<a href=\"https://s.example/a\">x</a>"),
        ("<img src='i.png' alt=''>", "<img src='https://s.example/feed/i.png' alt=''>"),
        ("<a HREF=\"b?x=1&amp;y=2\">", "<a HREF=\"https://s.example/feed/b?x=1&amp;y=2\">"),
        ("<a href=\"https://o.example/\">", "<a href=\"https://o.example/\">"),
        ("<a href=\"#top\">", "<a href=\"#top\">"),
        ("<a href=\"mailto:a@b.example\">", "<a href=\"mailto:a@b.example\">"),
        ("<a data-href=\"/x\">", "<a data-href=\"/x\">"),
        ("no markup at all", "no markup at all"),
        ("<a href=\"/unterminated", "<a href=\"/unterminated"),
    ])
    func relativeLinksInEscapedHTML(_ html: String, _ expected: String) {
        #expect(LinkResolver.resolveInHTML(html, against: URL(string: "https://s.example/feed/rss.xml")) == expected)
    }

    @Test func rssDescriptionLinksResolveAgainstTheFeedURL() throws {
        let xml = "<rss version=\"2.0\"><channel><item><title>t</title><description>&lt;img src=\"/pic.jpg\"&gt;</description></item></channel></rss>"
        let doc = try FeedParser.parse(Data(xml.utf8), baseURL: URL(string: "https://news.example/feed"))
        #expect(doc.items[0].summary == "<img src=\"https://news.example/pic.jpg\">")
    }
}

@Suite struct BodyLinkEdgeTests {
    @Test(arguments: [
        ("<a href=\"/p/../q\">", "<a href=\"https://s.example:8443/q\">"),          // dot segments: general resolver
        ("<a href=\"//cdn.example/x\">", "<a href=\"https://cdn.example/x\">"),      // scheme-relative
        ("<a href=\"/a b\">", "<a href=\"https://s.example:8443/a%20b\">"),          // space needs encoding
        ("<a href=\"/plain\">", "<a href=\"https://s.example:8443/plain\">"),         // fast path keeps the port
        ("<a href=\"?page=2\">", "<a href=\"https://s.example:8443/feed/rss.xml?page=2\">"),
        ("<a href=\"a:b/c\">", "<a href=\"a:b/c\">"),                                 // a scheme
        ("<a href=\"./a:b\">", "<a href=\"https://s.example:8443/feed/a:b\">"),
    ])
    func edgeCases(_ html: String, _ expected: String) {
        #expect(LinkResolver.resolveInHTML(html, against: URL(string: "https://s.example:8443/feed/rss.xml")) == expected)
    }
}
