import Foundation
import Testing
@testable import TidingsFeeds
import TidingsCore

/// Cases where our output differed from what mature parsers (feedparser, gofeed) produce.
@Suite struct ConformanceTests {
    private func rss(_ items: String, channel: String = "") throws -> FeedDocument {
        try FeedParser.parse(Data("""
            <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title>\(channel)\(items)</channel></rss>
            """.utf8), baseURL: URL(string: "http://example.com/feed.xml"))
    }

    private func atom(_ body: String, prefix: String = "") throws -> FeedDocument {
        try FeedParser.parse(Data("""
            <feed xmlns="\(prefix.isEmpty ? "http://www.w3.org/2005/Atom" : prefix)"><title>T</title>\(body)</feed>
            """.utf8), baseURL: URL(string: "http://example.com/feed.xml"))
    }

    // MARK: RSS

    @Test(arguments: [("abc", "\"abc\""), ("-1", "\"-1\""), ("12,345", "\"12,345\"")])
    func badEnclosureLengthIsNullWithAWarning(_ length: String, _ quoted: String) throws {
        let doc = try rss("<item><title>x</title><enclosure url=\"a.mp3\" type=\"audio/mpeg\" length=\"\(length)\"/></item>")
        #expect(doc.items[0].enclosures == [FeedEnclosure(url: "http://example.com/a.mp3", type: "audio/mpeg", length: nil)])
        #expect(doc.warnings.contains { $0.contains(quoted) })
    }

    @Test func missingOrEmptyEnclosureLengthIsNullWithoutWarning() throws {
        let doc = try rss("<item><enclosure url=\"a.mp3\" length=\"\"/><media:content url=\"b.mp4\"/></item>")
        #expect(doc.items[0].enclosures.map(\.length) == [nil, nil])
        #expect(doc.warnings.isEmpty)
    }

    @Test func titleKeepsAngleBracketsThatAreNotHTML() throws {
        let doc = try rss("<item><title>Reply to &lt;jo@x.com&gt; about Vec&lt;T&gt; &lt;b&gt;now&lt;/b&gt;</title></item>")
        #expect(doc.items[0].title == "Reply to <jo@x.com> about Vec<T> now")
    }

    @Test func webMasterIsTheFeedAuthorWhenNothingElseIs() throws {
        #expect(try rss("", channel: "<webMaster>wm@x.com (Web Master)</webMaster>").feed.author == "Web Master")
        let both = try rss("", channel: "<webMaster>wm@x.com (Web Master)</webMaster><managingEditor>ed@x.com (Ed)</managingEditor>")
        #expect(both.feed.author == "Ed")
    }

    @Test func atomLinkInsideRSSDoesNotReplaceTheRSSLink() throws {
        let doc = try FeedParser.parse(Data("""
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>T</title>
            <link>http://example.com/</link><atom:link href="http://example.com/other"/>
            <item><link>http://example.com/a</link><atom:link href="http://example.com/b"/></item></channel></rss>
            """.utf8))
        #expect(doc.feed.link == "http://example.com/")
        #expect(doc.items[0].link == "http://example.com/a")
    }

    @Test func relativeGuidMarkedPermaLinkBecomesTheLink() throws {
        let doc = try rss("""
            <item><guid isPermaLink="true">/perma/y</guid></item><item><guid>/not/vouched</guid></item>
            """)
        #expect(doc.items.map(\.link) == ["http://example.com/perma/y", nil])
        #expect(doc.items[0].id == "/perma/y")
    }

    // MARK: Atom

    @Test func firstHTMLAlternateWins() throws {
        let doc = try atom("""
            <link rel="alternate" type="application/atom+xml" href="/feed"/><link href="/home"/>
            <entry><id>1</id><link rel="alternate" type="application/pdf" href="/a.pdf"/>
            <link rel="alternate" type="text/html" href="/a.html"/>
            <link rel="alternate" type="text/html" hreflang="fr" href="/a.fr.html"/></entry>
            """)
        #expect(doc.feed.link == "http://example.com/home")
        #expect(doc.items[0].link == "http://example.com/a.html")
    }

    @Test func authorEmailStandsInForAMissingName() throws {
        let doc = try atom("<author><email>feed@x</email></author><entry><id>1</id><author><email>only@x</email></author></entry>")
        #expect(doc.feed.author == "feed@x")
        #expect(doc.items[0].author == "only@x")
        let named = try atom("<entry><id>1</id><author><email>e@x</email><name>Name</name></author></entry>")
        #expect(named.items[0].author == "Name")
    }

    @Test func atom03IssuedIsPublishedEvenWhenCreatedFollows() throws {
        let doc = try atom("""
            <entry><id>1</id><issued>2003-12-13T08:29:29-04:00</issued><created>2003-12-13T01:00:00Z</created></entry>
            <entry><id>2</id><created>2003-12-13T01:00:00Z</created></entry>
            """, prefix: "http://purl.org/atom/ns#")
        #expect(doc.items[0].published == utc(2003, 12, 13, 12, 29, 29))
        #expect(doc.items[1].published == utc(2003, 12, 13, 1))
    }

    // MARK: JSON Feed

    @Test func jsonContentHTMLRelativeLinksAreResolved() throws {
        let json = #"{"version":"https://jsonfeed.org/version/1.1","home_page_url":"https://ex.org/","items":[{"id":"1","content_html":"<a href=\"p/2\">x</a> <img src=\"/i.png\">"}]}"#
        #expect(try FeedParser.parse(Data(json.utf8)).items[0].content == #"<a href="https://ex.org/p/2">x</a> <img src="https://ex.org/i.png">"#)
    }

    @Test func jsonBooleanIdIsNotAnId() throws {
        let json = #"{"version":"https://jsonfeed.org/version/1.1","items":[{"id":true,"url":"https://ex.org/6"}]}"#
        let doc = try FeedParser.parse(Data(json.utf8))
        #expect(doc.items[0].id == "link:https://ex.org/6")
        #expect(doc.warnings.contains { $0.contains("\"id\"") })
    }

    // MARK: encodings

    private static let latin = Data("<rss version=\"2.0\"><channel><title>Caf".utf8) + Data([0xE9, 0x20, 0x80, 0x20, 0x93, 0x71, 0x94])
        + Data("</title></channel></rss>".utf8)

    @Test(arguments: ["", "<?xml version=\"1.0\" encoding=\"utf-8\"?>", "<?xml version=\"1.0\" encoding=\"us-ascii\"?>"])
    func windows1252BytesInAFeedLabelledUTF8OrNothing(_ prolog: String) throws {
        let doc = try FeedParser.parse(Data(prolog.utf8) + Self.latin)
        #expect(doc.feed.title == "Café € “q”")
        #expect(doc.warnings.contains { $0.contains("Windows-1252") })
    }

    @Test func oneBadByteInUTF8TextIsStillReplaced() throws {
        let data = Data("<rss version=\"2.0\"><channel><title>Café ".utf8) + Data([0xE9]) + Data("</title></channel></rss>".utf8)
        #expect(try FeedParser.parse(data).feed.title == "Café \u{FFFD}")
    }

    @Test func utf32WithoutBOM() throws {
        let xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Café €</title></channel></rss>"
        for enc in [String.Encoding.utf32LittleEndian, .utf32BigEndian] {
            #expect(try FeedParser.parse(xml.data(using: enc)!).feed.title == "Café €")
        }
    }

    @Test func utf16DeclarationOverASCIIBytesIsIgnored() throws {
        let data = Data("<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss version=\"2.0\"><channel><title>Café</title></channel></rss>".utf8)
        let doc = try FeedParser.parse(data)
        #expect(doc.feed.title == "Café")
        #expect(!doc.warnings.isEmpty)
    }

    @Test func encodingHintMayBeAWholeContentType() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>"
        let data = Data(xml.utf8) + Data([0xD0, 0xD2, 0xC9]) + Data("</title></channel></rss>".utf8)
        #expect(try FeedParser.parse(data, encodingHint: "text/xml; charset=KOI8-R").feed.title == "при")
    }

    @Test func byteUndefinedInWindows1252IsReplacedWithAWarning() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>"
        let doc = try FeedParser.parse(Data(xml.utf8) + Data([0x93, 0x71, 0x94, 0x20, 0x81]) + Data("</title></channel></rss>".utf8))
        #expect(doc.feed.title == "“q” \u{FFFD}")
        #expect(!doc.warnings.isEmpty)
    }
}
