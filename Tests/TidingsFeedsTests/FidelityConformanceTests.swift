import Foundation
import Testing
import TidingsCore
@testable import TidingsFeeds

/// One document and what a mature parser reads from it. The families follow the specifications
/// and common practice (RSS namespaces, Dublin Core fallbacks, body elements, RFC 4287 §4.2.1
/// author inheritance, JSON Feed authors, recovery from sloppy XML, inline markup in titles);
/// each case is one behaviour, so the count of passing cases is the suite's conformance.
struct FidelityCase: CustomTestStringConvertible, Sendable {
    let name: String
    let document: String
    let field: @Sendable (FeedDocument) -> String?
    let expected: String?
    var testDescription: String { name }

    init(_ name: String, _ document: String, _ expected: String?, _ field: @escaping @Sendable (FeedDocument) -> String?) {
        self.name = name; self.document = document; self.expected = expected; self.field = field
    }
}

private func rss(_ channel: String, root: String = "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">") -> String {
    "\(root)<channel>\(channel)</channel></rss>"
}

private func atom(_ body: String, namespace: String = "http://www.w3.org/2005/Atom") -> String {
    "<feed xmlns=\"\(namespace)\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\(body)</feed>"
}

private func iso(_ date: Date?) -> String? {
    guard let date else { return nil }
    let f = ISO8601DateFormatter()
    f.timeZone = TimeZone(identifier: "UTC")
    return f.string(from: date)
}

private let title: @Sendable (FeedDocument) -> String? = { $0.feed.title }
private let feedDescription: @Sendable (FeedDocument) -> String? = { $0.feed.description }
private let feedUpdated: @Sendable (FeedDocument) -> String? = { iso($0.feed.updated) }
private let itemTitle: @Sendable (FeedDocument) -> String? = { $0.items.first?.title }
private let itemLink: @Sendable (FeedDocument) -> String? = { $0.items.first?.link }
private let itemSummary: @Sendable (FeedDocument) -> String? = { $0.items.first?.summary }
private let itemContent: @Sendable (FeedDocument) -> String? = { $0.items.first?.content }
private let itemBody: @Sendable (FeedDocument) -> String? = { d in d.items.first.map { "\($0.contentType?.rawValue ?? "nil"): \($0.body ?? "nil")" } }
private let itemPublished: @Sendable (FeedDocument) -> String? = { iso($0.items.first?.published) }
private let itemUpdated: @Sendable (FeedDocument) -> String? = { iso($0.items.first?.updated) }
private let itemAuthors: @Sendable (FeedDocument) -> String? = { d in d.items.map { $0.author ?? "nil" }.joined(separator: " | ") }
private let format: @Sendable (FeedDocument) -> String? = { $0.format.rawValue }

let fidelityCases: [FidelityCase] = [
    // MARK: RSS in a namespace, or with a module namespace as the default
    FidelityCase("Userland rss namespace", "<rss xmlns=\"http://backend.userland.com/rss\"><channel><description>Example description</description></channel></rss>",
                 "Example description", feedDescription),
    FidelityCase("Userland rss2 namespace", "<rss xmlns=\"http://backend.userland.com/rss2\" version=\"2.0\"><channel><title>T</title><item><title>Item</title></item></channel></rss>",
                 "Item", itemTitle),
    FidelityCase("Harvard rss namespace", "<rss xmlns=\"http://blogs.law.harvard.edu/tech/rss\"><channel><description>Example description</description></channel></rss>",
                 "Example description", feedDescription),
    FidelityCase("namespaced rss keeps its version", "<rss xmlns=\"http://backend.userland.com/rss\" version=\"0.91\"><channel><title>T</title></channel></rss>",
                 "rss091", format),
    FidelityCase("prefixed rss elements, local-name clash in another namespace", """
        <r:rss version="2.0" xmlns:r="http://backend.userland.com/rss2" xmlns:szf="http://schemas.example/desc/"><r:channel><r:title>T</r:title>
        <r:item><szf:description>wrong</szf:description><r:description>correct description</r:description><szf:description>wrong</szf:description></r:item>
        </r:channel></r:rss>
        """, "correct description", itemSummary),
    FidelityCase("RSS 2.0 with the RSS 1.0 namespace as default", "<rss version=\"2.0\" xmlns=\"http://purl.org/rss/1.0/\"><channel><title>T</title><item><title>Namespaced item</title><link>https://example.com/ns</link></item></channel></rss>",
                 "https://example.com/ns", itemLink),
    FidelityCase("a module namespace declared as the default", "<rss version=\"2.0\" xmlns=\"http://purl.org/rss/1.0/modules/content/\" xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel><title>Games</title><description>New games</description><item><title>Chess</title><description>Play</description></item></channel></rss>",
                 "Chess", itemTitle),
    FidelityCase("a module namespace as default keeps the channel title", "<rss version=\"2.0\" xmlns=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Games</title></channel></rss>",
                 "Games", title),
    FidelityCase("rss in an unknown default namespace", "<rss version=\"2.0\" xmlns=\"http://example.com/made-up\"><channel><title>Made up</title></channel></rss>",
                 "Made up", title),
    FidelityCase("RSS 1.0 with no default namespace", """
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rss="http://purl.org/rss/1.0/"><rss:channel rdf:about="x"><rss:title>T</rss:title></rss:channel>
        <rss:item rdf:about="i"><rss:title>Test Item - RSS 1.0 no Default NS</rss:title></rss:item></rdf:RDF>
        """, "Test Item - RSS 1.0 no Default NS", itemTitle),

    // MARK: Dublin Core and DC terms as fallbacks
    FidelityCase("channel dc:title", rss("<dc:title>Example title</dc:title>"), "Example title", title),
    FidelityCase("channel dc:description", rss("<dc:description>Example description</dc:description>"), "Example description", feedDescription),
    FidelityCase("channel dc:date", rss("<dc:date>2003-12-31T10:14:55Z</dc:date>"), "2003-12-31T10:14:55Z", feedUpdated),
    FidelityCase("channel dcterms:modified", rss("<dcterms:modified>2003-12-31T10:14:55Z</dcterms:modified>"), "2003-12-31T10:14:55Z", feedUpdated),
    FidelityCase("channel dcterms:issued", rss("<dcterms:issued>2003-12-31T10:14:55Z</dcterms:issued>"), "2003-12-31T10:14:55Z", feedUpdated),
    FidelityCase("channel dcterms:created", rss("<dcterms:created>2003-12-31T10:14:55Z</dcterms:created>"), "2003-12-31T10:14:55Z", feedUpdated),
    FidelityCase("channel title wins over an earlier dc:title", rss("<dc:title>DC</dc:title><title>Core</title>"), "Core", title),
    FidelityCase("channel description wins over an earlier dc:description", rss("<dc:description>DC</dc:description><description>Core</description>"), "Core", feedDescription),
    FidelityCase("channel lastBuildDate wins over an earlier dc:date",
                 rss("<dc:date>2001-01-01T00:00:00Z</dc:date><lastBuildDate>Wed, 31 Dec 2003 10:14:55 GMT</lastBuildDate>"), "2003-12-31T10:14:55Z", feedUpdated),
    FidelityCase("item dc:title", rss("<item><dc:title>Example title</dc:title></item>"), "Example title", itemTitle),
    FidelityCase("item dc:description", rss("<item><dc:description>Example description</dc:description></item>"), "Example description", itemSummary),
    FidelityCase("item dc:date", rss("<item><dc:date>2003-12-31T10:14:55Z</dc:date></item>"), "2003-12-31T10:14:55Z", itemPublished),
    FidelityCase("item dcterms:issued", rss("<item><dcterms:issued>2003-12-31T10:14:55Z</dcterms:issued></item>"), "2003-12-31T10:14:55Z", itemPublished),
    FidelityCase("item dcterms:created", rss("<item><dcterms:created>2003-12-31T10:14:55Z</dcterms:created></item>"), "2003-12-31T10:14:55Z", itemPublished),
    FidelityCase("item dcterms:modified", rss("<item><dcterms:modified>2003-12-31T10:14:55Z</dcterms:modified></item>"), "2003-12-31T10:14:55Z", itemUpdated),
    FidelityCase("item pubDate wins over an earlier dc:date",
                 rss("<item><dc:date>2001-01-01T00:00:00Z</dc:date><pubDate>Wed, 31 Dec 2003 10:14:55 GMT</pubDate></item>"), "2003-12-31T10:14:55Z", itemPublished),
    FidelityCase("item title wins over an earlier dc:title", rss("<item><dc:title>DC</dc:title><title>Core</title></item>"), "Core", itemTitle),
    FidelityCase("item description wins over an earlier dc:description",
                 rss("<item><dc:description>DC</dc:description><description>Core</description></item>"), "Core", itemSummary),
    FidelityCase("channel dc:author, as dc:creator", rss("<dc:author>Example editor</dc:author>"), "Example editor", { $0.feed.author }),
    FidelityCase("item dc:author, as dc:creator", rss("<item><title>x</title><dc:author>Example author</dc:author></item>"), "Example author", itemAuthors),
    FidelityCase("RSS 1.0 item with dc:title only", """
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel rdf:about="x"><title>T</title></channel><item rdf:about="i"><dc:title>Only DC</dc:title><dc:date>2021-12-02</dc:date></item></rdf:RDF>
        """, "Only DC", itemTitle),
    FidelityCase("Atom entry with dc:title only", atom("<title>T</title><entry><id>1</id><dc:title>DC title</dc:title></entry>"), "DC title", itemTitle),

    // MARK: bodies
    FidelityCase("item xhtml:body", rss("<item><body xmlns=\"http://www.w3.org/1999/xhtml\"><p>Example content</p></body></item>"),
                 "html: <p>Example content</p>", itemBody),
    FidelityCase("item prefixed xhtml:body with links resolved", rss("<item><xhtml:body><p>See <a href=\"/a\">a</a></p></xhtml:body></item>"),
                 "html: <p>See <a href=\"http://example.com/a\">a</a></p>", itemBody),
    FidelityCase("item content:encoded is html", rss("<item><content:encoded>&lt;p&gt;Example content&lt;/p&gt;</content:encoded></item>"),
                 "html: <p>Example content</p>", itemBody),
    FidelityCase("item fullitem is html content", rss("<item><fullitem>&lt;p&gt;Example content&lt;/p&gt;</fullitem></item>"),
                 "html: <p>Example content</p>", itemBody),
    FidelityCase("content:encoded is the content beside a description", rss("<item><description>Short</description><content:encoded>&lt;p&gt;Long&lt;/p&gt;</content:encoded></item>"),
                 "<p>Long</p>", itemContent),

    // MARK: author inheritance
    FidelityCase("Atom entry without author takes the feed's", atom("<title>T</title><author><name>Feed Author</name></author><entry><id>1</id></entry><entry><id>2</id><author><name>Own</name></author></entry>"),
                 "Feed Author | Own", itemAuthors),
    FidelityCase("Atom feed author given after the entries", atom("<title>T</title><entry><id>1</id></entry><author><name>Late</name></author>"),
                 "Late", itemAuthors),
    FidelityCase("Atom entry source author wins over the feed's", atom("<title>T</title><author><name>Feed</name></author><entry><id>1</id><source><author><name>Source</name></author></source></entry>"),
                 "Source", itemAuthors),
    FidelityCase("Atom 0.3 entry takes the feed author", atom("<title>T</title><author><name>Old Feed</name></author><entry><id>1</id></entry>", namespace: "http://purl.org/atom/ns#"),
                 "Old Feed", itemAuthors),
    FidelityCase("JSON Feed 1.1 item takes top-level authors",
                 #"{"version":"https://jsonfeed.org/version/1.1","authors":[{"name":"Ann"},{"name":"Bo"}],"items":[{"id":"1"},{"id":"2","authors":[{"name":"Own"}]}]}"#,
                 "Ann, Bo | Own", itemAuthors),
    FidelityCase("JSON Feed 1.0 item takes top-level author",
                 #"{"version":"https://jsonfeed.org/version/1","author":{"name":"Ann"},"items":[{"id":"1"},{"id":"2","author":{"name":"Own"}}]}"#,
                 "Ann | Own", itemAuthors),

    // MARK: sloppy XML keeps the text
    FidelityCase("undefined entity in a title stays literal", rss("<title>A &doesnotexist; B</title>"), "A &doesnotexist; B", title),
    FidelityCase("undefined entity in an Atom text title stays literal", atom("<title type=\"text\">A &doesnotexist; B</title>"), "A &doesnotexist; B", title),
    FidelityCase("undefined entity in a description stays text", rss("<item><description>x &doesnotexist; y</description></item>"),
                 "x &doesnotexist; y", { $0.items.first?.summary.map(PlainText.fromHTML) }),
    FidelityCase("bare ampersand in text", rss("<title>Fish & chips</title>"), "Fish & chips", title),
    FidelityCase("bare ampersand in a link's query", rss("<item><link>http://example.com/get?a=1&b=2</link></item>"), "http://example.com/get?a=1&b=2", itemLink),
    FidelityCase("escaped ampersand in a link's query", rss("<item><link>http://example.com/get?a=1&amp;b=2</link></item>"), "http://example.com/get?a=1&b=2", itemLink),
    FidelityCase("bare ampersand in an attribute", rss("<item><enclosure url=\"http://example.com/a.mp3?x=1&y=2\" type=\"audio/mpeg\"/></item>"),
                 "http://example.com/a.mp3?x=1&y=2", { $0.items.first?.enclosures.first?.url }),
    FidelityCase("uppercase X character reference", rss("<title>&#X41;&#x42;&#67;</title>"), "ABC", title),
    FidelityCase("character references outside Unicode become U+FFFD", rss("<title>a &#1114112; b &#x110000; c &#55296; d</title>"),
                 "a \u{FFFD} b \u{FFFD} c \u{FFFD} d", title),
    FidelityCase("a bare < in text stays literal", rss("<title>1 < 2 <= 3 and I <3 it</title>"), "1 < 2 <= 3 and I <3 it", title),
    FidelityCase("a bare < does not cost the rest of the feed", rss("<title>a < b</title><item><title>Still here</title></item>"), "Still here", itemTitle),
    FidelityCase("a bare < in an attribute", rss("<item><category domain=\"x\">a</category><enclosure url=\"http://example.com/a?b=<1\" type=\"audio/mpeg\"/></item>"),
                 "http://example.com/a?b=<1", { $0.items.first?.enclosures.first?.url }),
    FidelityCase("a reference without a name stays literal", rss("<title>a &#; b &; c</title>"), "a &#; b &; c", title),
    FidelityCase("ampersands in CDATA are left alone", rss("<item><description><![CDATA[a & b &amp; c]]></description></item>"),
                 "a & b &amp; c", itemSummary),
    FidelityCase("a declared entity still expands", "<!DOCTYPE rss [<!ENTITY who \"Ann &amp; Bo\">]><rss version=\"2.0\"><channel><title>By &who;</title></channel></rss>",
                 "By Ann & Bo", title),
    FidelityCase("HTML named entities still decode", rss("<title>Caf&eacute; &hellip; &amp; more</title>"), "Café … & more", title),

    // MARK: inline markup in titles
    FidelityCase("escaped inline markup joins", rss("<item><title>H&lt;sub&gt;2&lt;/sub&gt;O</title></item>"), "H2O", itemTitle),
    FidelityCase("naked inline markup joins", rss("<item><title>H<sub>2</sub>O and E=mc<sup>2</sup></title></item>"), "H2O and E=mc2", itemTitle),
    FidelityCase("Atom html title joins inline markup", atom("<title type=\"html\">H&lt;sub&gt;2&lt;/sub&gt;O &lt;em&gt;now&lt;/em&gt;</title>"), "H2O now", title),
    FidelityCase("Atom xhtml title joins inline markup",
                 atom("<title type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">H<sub>2</sub>O is <b>wet</b></div></title>"), "H2O is wet", title),
    FidelityCase("block elements and br separate words", rss("<item><title>&lt;p&gt;One&lt;/p&gt;&lt;p&gt;Two&lt;/p&gt;Three&lt;br&gt;Four&lt;br/&gt;Five</title></item>"),
                 "One Two Three Four Five", itemTitle),
    FidelityCase("JSON Feed title with inline markup", #"{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","title":"H<sub>2</sub>O"}]}"#,
                 "H2O", itemTitle),
]

@Suite struct FidelityConformanceTests {
    @Test(arguments: fidelityCases)
    func fidelity(_ c: FidelityCase) throws {
        let doc = try FeedParser.parse(Data(c.document.utf8), baseURL: URL(string: "http://example.com/feed.xml"))
        #expect(c.field(doc) == c.expected, "\(c.name)")
    }
}
