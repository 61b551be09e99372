import Foundation
import Testing
@testable import TidingsFeeds

@Suite struct OPMLImportTests {
    private func parse(_ fixture: String) throws -> SubscriptionImport {
        try SubscriptionList.parse(Fixtures.data("subscriptions/\(fixture)"))
    }

    @Test func opml1NestedFoldersBecomeTagsOutermostFirst() throws {
        let r = try parse("opml1-nested.opml")
        #expect(r.format == .opml1)
        #expect(r.subscriptions == [
            Subscription(source: "https://news.example/world.xml", title: "Agence & Co", tags: ["News", "World"],
                         siteLink: "https://news.example/"),
            Subscription(source: "https://zh.example/atom", title: "Café Zürich", tags: ["News", "World"]),
            Subscription(source: "http://local.example/rss", title: "Lökal", tags: ["News"]),
            Subscription(source: "https://top.example/feed", title: "Top level"),
        ])
    }

    /// Hand-written OPML is as sloppy as feeds: a bare & in a query and an unknown entity stay as written.
    @Test func bareAmpersandsAndUnknownEntitiesInAttributesAreKept() throws {
        let opml = """
            <opml version="2.0"><body><outline text="Fish & Chips &unknown;" xmlUrl="https://ex.example/feed?a=1&b=2&amp;c=3"/></body></opml>
            """
        let r = try SubscriptionList.parse(Data(opml.utf8))
        #expect(r.subscriptions == [Subscription(source: "https://ex.example/feed?a=1&b=2&c=3", title: "Fish & Chips &unknown;")])
    }

    @Test func opml1ReportsDuplicatesFoldersWithoutFeedsLinksAndOddSchemes() throws {
        let r = try parse("opml1-nested.opml")
        #expect(r.skipped.map(\.description) == ["outline 5: duplicate of outline 1.1.1: https://news.example/world.xml"])
        #expect(r.notUnderstood.map(\.location) == [.outline([2]), .outline([3]), .outline([6])])
        #expect(r.notUnderstood[0].reason.contains("no feed URL"))
        #expect(r.notUnderstood[1].reason.contains("\"link\" is not a feed"))
        #expect(r.notUnderstood[2].text == "gopher://old.example/")
    }

    @Test func opml2CategoriesAddTagsAfterFolders() throws {
        let r = try parse("opml2-categories.opml")
        #expect(r.format == .opml2)
        #expect(r.subscriptions == [
            Subscription(source: "https://lang.example/feed", title: "Lang", tags: ["Tech", "Programming", "Swift", "rust"]),
            Subscription(source: "https://tech.example/feed", title: "Tech", tags: ["Tech"]),
            Subscription(source: "https://jp.example/rss", title: "日本語のニュース", tags: ["アジア"]),
            Subscription(source: "https://untitled.example/feed"),
            Subscription(source: "https://q.example/?a=1&b=2", title: "Quotes \"and\" <angles>"),
            Subscription(source: "https://parent.example/feed", title: "Feed with children"),
            Subscription(source: "https://child.example/feed", title: "Child"),
        ])
        #expect(r.notUnderstood.map(\.location) == [.outline([5])])
        #expect(r.skipped.isEmpty)
    }

    @Test func aFeedDocumentIsNotOPML() {
        let rss = Data("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>x</title></channel></rss>".utf8)
        #expect(throws: SubscriptionError.notOPML(root: "rss")) { try SubscriptionList.parse(rss) }
        #expect(throws: SubscriptionError.notOPML(root: nil)) { try SubscriptionList.parse(Data("  <<<>".utf8)) }
    }

    @Test func billionLaughsEndsFastAndSmall() throws {
        var dtd = "<!ENTITY lol \"lol\">\n"
        for n in 1...9 {
            let prev = n == 1 ? "lol" : "lol\(n - 1)"
            dtd += "<!ENTITY lol\(n) \"" + String(repeating: "&\(prev);", count: 10) + "\">\n"
        }
        let xml = """
        <?xml version="1.0"?><!DOCTYPE opml [\n\(dtd)]><opml version="2.0"><head><title>&lol9;</title></head>
        <body><outline text="&lol9;" xmlUrl="https://a.example/f"/><outline text="ok" xmlUrl="https://b.example/f"/></body></opml>
        """
        let start = Date()
        let r = try SubscriptionList.parse(Data(xml.utf8))
        #expect(Date().timeIntervalSince(start) < 2)
        #expect(r.subscriptions.map(\.source) == ["https://a.example/f", "https://b.example/f"])
        #expect(r.subscriptions.allSatisfy { ($0.title ?? "").utf8.count < 1000 })
    }

    @Test func externalEntityNeverReadsALocalFile() throws {
        let secret = "TOP-SECRET-\(UUID().uuidString)"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tidings-opml-xxe-\(UUID().uuidString).txt")
        try Data(secret.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let xml = """
        <?xml version="1.0"?><!DOCTYPE opml [<!ENTITY xxe SYSTEM "file://\(file.path)">]>
        <opml version="2.0"><body><outline text="a&xxe;b" title="&xxe;" xmlUrl="https://a.example/&xxe;"/>
        <outline text="&xxe;">&xxe;<outline text="in" xmlUrl="https://b.example/f"/></outline></body></opml>
        """
        let r = try SubscriptionList.parse(Data(xml.utf8))
        let everything = "\(r)"
        #expect(!everything.contains(secret))
        #expect(r.subscriptions.map(\.source).contains("https://b.example/f"))
    }

    @Test func deepNestingDoesNotCrash() throws {
        let depth = 5_000
        let xml = "<opml version=\"2.0\"><body>" + String(repeating: "<outline text=\"d\">", count: depth)
            + "<outline text=\"deep\" xmlUrl=\"https://deep.example/f\"/>" + String(repeating: "</outline>", count: depth)
            + "<outline text=\"shallow\" xmlUrl=\"https://shallow.example/f\"/></body></opml>"
        let r = try SubscriptionList.parse(Data(xml.utf8))
        #expect(r.subscriptions.contains { $0.source == "https://shallow.example/f" })
    }

    @Test func attributeNamesAreMatchedWithoutCase() throws {
        let xml = "<opml version=\"1.1\"><body><outline TEXT=\"T\" xmlURL=\"https://a.example/f\" HTMLURL=\"https://a.example/\"/></body></opml>"
        let r = try SubscriptionList.parse(Data(xml.utf8))
        #expect(r.format == .opml1)
        #expect(r.subscriptions == [Subscription(source: "https://a.example/f", title: "T", siteLink: "https://a.example/")])
    }
}
