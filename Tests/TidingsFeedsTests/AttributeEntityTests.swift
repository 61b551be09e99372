import Foundation
import Testing
import TidingsCore
@testable import TidingsFeeds

/// Entity references inside attribute values (links, categories, enclosure URLs) come out whole.
@Suite struct AttributeEntityTests {
    static func parse(_ xml: String) throws -> FeedDocument {
        try FeedParser.parse(Data(xml.utf8), baseURL: URL(string: "https://feed.example/"))
    }

    @Test func ampersandsAndHTMLNamesInAttributesAreDecoded() throws {
        let doc = try Self.parse("""
        <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>x</id>
        <entry><id>1</id><title>A &amp; B &eacute;</title>
        <link rel="alternate" href="http://example.org/a?b=1&amp;c=2&#38;d=caf&eacute;"/>
        <category term="caf&eacute;" label="Caf&#233; &amp; co"/>
        <link rel="enclosure" type="audio/mpeg" length="12" href="http://example.org/e.mp3?x=1&amp;y=2"/>
        </entry></feed>
        """)
        let item = try #require(doc.items.first)
        #expect(item.title == "A & B é")
        #expect(item.link == "http://example.org/a?b=1&c=2&d=café")
        #expect(item.categories == ["Café & co"])
        #expect(item.enclosures == [FeedEnclosure(url: "http://example.org/e.mp3?x=1&y=2", type: "audio/mpeg", length: 12)])
    }

    /// The rewrite streams its output so a large feed is never copied whole; pieces of any size,
    /// even ones that cut a reference or a CDATA marker in two, must join to the same document.
    @Test(arguments: [1, 2, 3, 7, 9, 64, 4096])
    func theStreamedRewriteEqualsTheWholeOne(piece: Int) {
        let text = """
            <!DOCTYPE rss [<!ENTITY mine "x">]><rss><channel><title>Caf&eacute; &mine; &amp; &nbsp;&hellip;</title>
            <item><description><![CDATA[<p>&eacute; stays ]] here</p>]]>&copy; &notanentity; &#233; &</description>
            <link href="a?b=1&amp;c=&eacute;"/></item></channel></rss>
            """
        let bytes = Array(text.utf8)
        let whole = XMLReferenceRepair.repair(bytes)
        var streamed: [UInt8] = []
        var pieces = 0
        bytes.withUnsafeBufferPointer { buffer in
            _ = XMLReferenceRepair.repair(buffer, piece: piece) { streamed.append(contentsOf: $0); pieces += 1 }
        }
        #expect(streamed == whole)
        #expect(piece > bytes.count || pieces > 1)
        let out = String(decoding: whole, as: UTF8.self)
        #expect(out.contains("Caf&#233; &mine; &amp; &#160;&#8230;"))
        #expect(out.contains("<![CDATA[<p>&eacute; stays ]] here</p>]]>&#169; &amp;notanentity; &#233; &amp;</description>"))
    }

    @Test func rssEnclosureAndGuidAttributes() throws {
        let doc = try Self.parse("""
        <rss version="2.0"><channel><title>T</title>
        <item><title>x</title><guid isPermaLink="false">g&amp;1</guid>
        <enclosure url="http://example.org/a.mp3?u=1&amp;v=&#x2713;&hellip;" type="audio/mpeg" length="5"/></item>
        </channel></rss>
        """)
        let item = try #require(doc.items.first)
        #expect(item.id == "g&1")
        #expect(item.enclosures.first?.url == "http://example.org/a.mp3?u=1&v=✓…")
    }

    @Test func entitiesInsideCDATAAreLeftForTheHTMLRenderer() throws {
        let doc = try Self.parse("""
        <rss version="2.0"><channel><title>T &mdash; U</title>
        <item><title>x</title><description><![CDATA[<p>caf&eacute; &amp; more</p>]]></description></item>
        </channel></rss>
        """)
        #expect(doc.feed.title == "T — U")
        // Either spelling decodes to the same text when the body is rendered as HTML.
        let body = try #require(doc.items.first?.summary)
        #expect(body.contains("caf&eacute;") || body.contains("caf&#233;"))
    }
}
