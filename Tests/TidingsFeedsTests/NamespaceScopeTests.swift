import Foundation
import Testing
import TidingsCore
@testable import TidingsFeeds

/// The SAX driver makes each element name and namespace URI once per document; a prefix bound
/// to different namespaces in different scopes must still give each element its own.
@Suite("Namespaces by scope")
struct NamespaceScopeTests {
    @Test func onePrefixBoundToTwoNamespacesMapsEachElementByItsOwn() throws {
        let xml = """
            <?xml version="1.0"?>
            <rss version="2.0"><channel><title>Scopes</title>
            <item xmlns:x="http://purl.org/rss/1.0/modules/content/"><guid>a</guid><x:encoded>&lt;p&gt;Body A&lt;/p&gt;</x:encoded></item>
            <item xmlns:x="http://purl.org/dc/elements/1.1/"><guid>b</guid><x:creator>Writer B</x:creator><x:encoded>not content</x:encoded></item>
            <item><guid>c</guid><x:encoded xmlns:x="urn:elsewhere">not content either</x:encoded><description>Summary C</description></item>
            </channel></rss>
            """
        let items = try FeedParser.parse(Data(xml.utf8)).items
        #expect(items.map(\.id) == ["a", "b", "c"])
        #expect(items[0].content == "<p>Body A</p>")
        #expect(items[1].author == "Writer B" && items[1].content == nil)
        #expect(items[2].content == nil && items[2].summary == "Summary C")
    }

    @Test func theSameDocumentParsedTwiceGivesTheSameItems() throws {
        let xml = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Twice</title>
            <entry><id>urn:1</id><title>One</title><content type="html">&lt;b&gt;x&lt;/b&gt;</content></entry>
            <entry xmlns:a="http://www.w3.org/2005/Atom"><a:id>urn:2</a:id><a:title>Two</a:title></entry>
            </feed>
            """
        let first = try FeedParser.parse(Data(xml.utf8)).items
        let second = try FeedParser.parse(Data(xml.utf8)).items
        #expect(first.map(\.id) == ["urn:1", "urn:2"] && first.map(\.title) == ["One", "Two"])
        #expect(second.map(\.id) == first.map(\.id) && second.map(\.title) == first.map(\.title))
    }
}
