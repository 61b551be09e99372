import Foundation
import Testing
import TidingsCore
@testable import TidingsFeeds

@Suite struct AtomTests {
    @Test func atom10TextConstructsAndXMLBase() throws {
        let doc = try FeedParser.parse(Fixtures.data("atom10.xml"))
        #expect(doc.format == .atom10)
        #expect(doc.feed == FeedMeta(title: "Atlas Notes", link: "https://atlas.example/blog/",
                                     description: "Maps and margins", language: "en",
                                     updated: utc(2021, 12, 2, 12), author: "Rho Compass"))
        #expect(doc.items.count == 3)

        let contours = doc.items[0]
        #expect(contours.id == "tag:atlas.example,2021:contours")
        #expect(contours.title == "Contour lines")
        #expect(contours.link == "https://atlas.example/blog/posts/contours")
        #expect(contours.published == utc(2021, 12, 2, 8, 0, 0.25))
        #expect(contours.updated == utc(2021, 12, 2, 11))
        #expect(contours.summary == "Lines that join equal heights.")
        #expect(contours.content == "<p>See <a href=\"https://atlas.example/maps\">maps</a>.</p>")  // against xml:base
        #expect(contours.contentType == .html)
        #expect(contours.categories == ["Cartography", "hills"])
        #expect(contours.enclosures == [FeedEnclosure(url: "https://atlas.example/img/contours.png", type: "image/png", length: 2048)])
        #expect(contours.author == "Rho Compass")  // the feed's author applies (RFC 4287 §4.2.1)

        let scale = doc.items[1]
        #expect(scale.title == "Scale bars")
        #expect(scale.link == "https://atlas.example/other/scale")
        #expect(scale.author == "Tau Meridian")
        #expect(scale.content == "<p>One <b>cm</b> &amp; one <a href=\"https://atlas.example/other/km\">km</a> &lt;tag&gt;</p><img src=\"https://atlas.example/other/bar.png\">")
        #expect(scale.contentType == .html)
        #expect(scale.published == nil)

        let plain = doc.items[2]
        #expect(plain.title == "Plain & simple <not a tag>")
        #expect(plain.content == "Just words <b> here.")
        #expect(plain.contentType == .text)
        #expect(doc.warnings.isEmpty, "\(doc.warnings)")
    }

    @Test func atom03ModesAndDates() throws {
        let doc = try FeedParser.parse(Fixtures.data("atom03.xml"))
        #expect(doc.format == .atom03)
        #expect(doc.feed == FeedMeta(title: "Clockwork Diary", link: "http://clock.example/", description: "Tick tock",
                                     updated: utc(2004, 5, 1, 12), author: "Gear Wheeler"))
        #expect(doc.items.count == 2)
        #expect(doc.items[0].published == utc(2004, 4, 30, 13))
        #expect(doc.items[0].updated == utc(2004, 4, 30, 9))
        #expect(doc.items[0].content == "<p>It <em>ticks</em>.</p>")
        #expect(doc.items[0].contentType == .html)
        #expect(doc.items[0].summary == "The part that ticks.")
        #expect(doc.items[1].content == "Swing & sway")
        #expect(doc.items[1].contentType == .text)
        #expect(doc.items[1].link == "http://clock.example/pendulum")
    }

    @Test func relativeLinksResolveAgainstBaseURLWithoutXMLBase() throws {
        let xml = """
        <feed xmlns="http://www.w3.org/2005/Atom"><title>R</title>
        <entry><id>1</id><title>x</title><link href="../a/b"/></entry></feed>
        """
        let doc = try FeedParser.parse(Data(xml.utf8), baseURL: URL(string: "https://r.example/feeds/atom.xml"))
        #expect(doc.items.first?.link == "https://r.example/a/b")
    }

    @Test func prefixesDoNotMatterOnlyNamespaces() throws {
        let xml = """
        <a:feed xmlns:a="http://www.w3.org/2005/Atom" xmlns:x="urn:other">
        <a:entry><a:id>1</a:id><x:title>wrong</x:title><a:title>right</a:title></a:entry></a:feed>
        """
        let doc = try FeedParser.parse(Data(xml.utf8))
        #expect(doc.items.map(\.title) == ["right"])
    }
}
