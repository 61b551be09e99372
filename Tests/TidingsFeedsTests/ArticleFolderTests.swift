import Foundation
import Testing
import TidingsCore
@testable import TidingsFeeds

@Suite struct ArticleFolderTests {
    @Test func fullMarkdownArticle() throws {
        let text = try String(contentsOf: Fixtures.url("articles/harbour-ferry.md"), encoding: .utf8)
        let item = ArticleFolder.parseMarkdownArticle(text, fileName: "harbour-ferry.md")
        #expect(item.id == "https://example.org/2021/12/02/ferry-returns")
        #expect(item.link == "https://example.org/2021/12/02/ferry-returns")
        #expect(item.title == "Ferry returns to the *old* harbour")
        #expect(item.author == "Ola Tern, Bo Keel")
        #expect(item.categories == ["Coastline News Agency"])
        #expect(item.published == utc(2021, 12, 2))
        #expect(item.contentType == .html)
        let html = try #require(item.content)
        #expect(html.hasPrefix("<p><strong>Photo: the ferry at dawn, seen from the pier</strong></p>"))
        #expect(html.contains("<del>two</del>"))
        #expect(html.contains("<h2>Timetable</h2>"))
        #expect(html.contains("<table>"))
        #expect(html.contains("<blockquote>"))
        #expect(html.contains("<a href=\"https://example.org/pier\">Pier repairs finish</a>"))
        #expect(!html.contains("<script>"))
        for gone in ["Ferry returns", "By ", "December 02", "Original url", "ferry-returns"] {
            #expect(!html.contains(gone), "\(gone)")
        }
    }

    @Test func markdownWithEveryOptionalLineMissing() throws {
        let text = try String(contentsOf: Fixtures.url("articles/short-note.markdown"), encoding: .utf8)
        let item = ArticleFolder.parseMarkdownArticle(text, fileName: "short-note.markdown")
        #expect(item == FeedItem(id: "short-note.markdown",
                                 content: "<p>Just a body with no title, byline, date or original url.</p>\n<p>Second paragraph.</p>\n",
                                 contentType: .html))
    }

    @Test(arguments: [
        ("By A", "A", nil),
        ("By A and B", "A, B", nil),
        ("By A, B and C for Agency", "A, B, C", "Agency"),
        ("By [Jane Doe](https://x.example/j) for The Wire", "Jane Doe", "The Wire"),
    ] as [(String, String, String?)])
    func bylines(_ line: String, _ authors: String, _ agency: String?) {
        let item = ArticleFolder.parseMarkdownArticle("# T\n\(line)\n\nBody", fileName: "f.md")
        #expect(item.author == authors)
        #expect(item.categories == (agency.map { [$0] } ?? []))
    }

    @Test func titleOnlyAndOriginalURLOnSameLine() {
        let item = ArticleFolder.parseMarkdownArticle("# Only a title\nOriginal url: https://x.example/a\n", fileName: "a.md")
        #expect(item == FeedItem(id: "https://x.example/a", title: "Only a title", link: "https://x.example/a"))
    }

    @Test func readsFolderNewestFirst() throws {
        let doc = try ArticleFolder.read(Fixtures.url("articles"))
        #expect(doc.format == .markdown)
        #expect(doc.feed.title == "Articles")
        #expect(doc.items.map(\.id) == ["tide-tables.htm", "market-day.md",
                                        "https://example.org/2021/12/02/ferry-returns", "short-note.markdown", "museum.html"])
        let museum = try #require(doc.items.first { $0.id == "museum.html" })
        #expect(museum.title == "Museum & archive open late")
        #expect(museum.contentType == .html)
        #expect(museum.content?.contains("<p>Open until nine.</p>") == true)
        let tides = doc.items[0]
        #expect(tides.published == utc(2021, 12, 4, 6, 30))   // from <time datetime>
        #expect(tides.author == "Ria Neap")
        #expect(tides.link == "https://harbour.example/tide-tables")
        #expect(tides.title == "Tide tables for December")
        let market = doc.items[1]
        #expect(market.author == "Lin Stall, Mo Crate, Pat Basket")
        #expect(market.published == utc(2021, 12, 3))
        #expect(market.content?.contains("<a href=\"https://example.org/market\">") == true)
        #expect(doc.warnings.isEmpty)
    }

    @Test func emptyFolderGivesWarning() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tidings-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("x".utf8).write(to: dir.appendingPathComponent("readme.txt"))
        let doc = try ArticleFolder.read(dir)
        #expect(doc.items.isEmpty)
        #expect(doc.warnings.count == 1)
    }

    @Test func folderTitleIsPrettified() {
        #expect(ArticleFolder.prettify("world-news_2021") == "World News 2021")
    }

    @Test(arguments: [
        ("<meta property=\"article:published_time\" content=\"2021-12-02T10:00:00Z\">", utc(2021, 12, 2, 10)),
        ("<META NAME='date' CONTENT='Thu, 02 Dec 2021 10:00:00 GMT'>", utc(2021, 12, 2, 10)),
        ("<meta name=dc.date content=2021-12-02>", utc(2021, 12, 2)),
        ("<p><time datetime=\"2021-12-02 10:00\">today</time></p>", utc(2021, 12, 2, 10)),
        ("<timeline datetime=\"2021-12-02\"></timeline>", nil),
        ("<time>no attribute</time>", nil),
        ("<meta name=\"date\" content=\"soon\"><time datetime=\"2020-01-01\">", utc(2020, 1, 1)),
    ] as [(String, Date?)])
    func htmlArticleDates(_ head: String, _ expected: Date?) {
        let item = HTMLArticle.parse("<html><head>\(head)<title>t</title></head><body></body></html>", fileName: "a.html")
        #expect(item.published == expected, "\(head)")
    }
}
