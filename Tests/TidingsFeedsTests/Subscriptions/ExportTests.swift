import Foundation
import Testing
@testable import TidingsFeeds

@Suite struct ExportTests {
    let date = Date(timeIntervalSince1970: 1_764_000_000)

    @Test func opmlEscapesMarkupInAttributesAndIsWellFormed() throws {
        let s = Subscription(source: "https://a.example/?x=1&y=<2>", title: "Tom & \"Jerry\" <3>", tags: ["a&b"],
                             siteLink: "https://a.example/\"q\"")
        let opml = SubscriptionList.opml([s], title: "Mine & <yours>", dateCreated: date)
        #expect(opml.contains("xmlUrl=\"https://a.example/?x=1&amp;y=&lt;2&gt;\""))
        #expect(opml.contains("title=\"Tom &amp; &quot;Jerry&quot; &lt;3&gt;\""))
        #expect(opml.contains("<title>Mine &amp; &lt;yours&gt;</title>"))
        #expect(opml.contains("<dateCreated>Mon, 24 Nov 2025 16:00:00 GMT</dateCreated>"))
        #expect(!opml.contains("& "))
        let back = try SubscriptionList.parse(Data(opml.utf8))
        #expect(back.format == .opml2)
        #expect(back.subscriptions == [s])
        #expect(back.notUnderstood.isEmpty && back.skipped.isEmpty)
    }

    @Test func opmlNestsTagsAsFoldersAndKeepsOrder() {
        let list = [
            Subscription(source: "https://1.example/", tags: ["news", "world"]),
            Subscription(source: "https://2.example/", tags: ["news"]),
            Subscription(source: "https://3.example/"),
        ]
        let lines = SubscriptionList.opml(list, title: "t", dateCreated: date).split(separator: "\n").map(String.init)
        let body = Array(lines.drop { !$0.contains("<body>") }.dropFirst().prefix { !$0.contains("</body>") })
        #expect(body == [
            "    <outline text=\"news\" title=\"news\">",
            "      <outline text=\"world\" title=\"world\">",
            "        <outline type=\"rss\" text=\"https://1.example/\" xmlUrl=\"https://1.example/\"/>",
            "      </outline>",
            "      <outline type=\"rss\" text=\"https://2.example/\" xmlUrl=\"https://2.example/\"/>",
            "    </outline>",
            "    <outline type=\"rss\" text=\"https://3.example/\" xmlUrl=\"https://3.example/\"/>",
        ])
    }

    @Test func opmlKeepsHiddenAndFilterInItsOwnNamespace() throws {
        let s = Subscription(source: "https://a.example/f", hidden: true, filter: "~/bin/fix.sh")
        let opml = SubscriptionList.opml([s], title: "t", dateCreated: date)
        #expect(opml.contains("xmlns:tidings="))
        #expect(opml.contains("tidings:filter=\"~/bin/fix.sh\" tidings:hidden=\"true\""))
        #expect(try SubscriptionList.parse(Data(opml.utf8)).subscriptions == [s])
    }

    @Test func opmlAttributesKeepLineBreaksAndTabs() throws {
        let s = Subscription(source: "exec:printf 'a\\tb'", title: "two\nlines\tand\r")
        let opml = SubscriptionList.opml([s], title: "t", dateCreated: date)
        #expect(opml.contains("two&#10;lines&#9;and&#13;"))
        #expect(try SubscriptionList.parse(Data(opml.utf8)).subscriptions == [s])
    }

    @Test func urlsLinesQuoteOnlyWhatNeedsIt() {
        let text = SubscriptionList.newsboatURLs([
            Subscription(source: "https://a.example/f", title: "A \"quoted\" title", tags: ["plain", "with space", "#hash"], hidden: true),
            Subscription(source: "exec:curl -s https://b.example/ | jq .", tags: []),
            Subscription(source: "https://c.example/f", filter: "~/bin/fix.sh"),
        ], queries: [SavedQuery(name: "Starred", query: "flags # \"s\"")])
        #expect(text == """
        https://a.example/f plain "with space" "#hash" "~A \\"quoted\\" title" !
        "exec:curl -s https://b.example/ | jq ."
        filter:~/bin/fix.sh:https://c.example/f
        "query:Starred:flags # \\"s\\""

        """)
    }
}
