import Foundation
import Testing
@testable import TidingsFeeds

/// What newsboat's own OPML import accepts (its test data: piped.opml, filtered.opml,
/// with_verbatim_query_url.opml, category.opml), so a newsboat user's export comes in whole.
@Suite struct OPMLConventionTests {
    private func parse(_ body: String) throws -> SubscriptionImport {
        try SubscriptionList.parse(Data("<?xml version=\"1.0\"?><opml version=\"1.0\"><body>\(body)</body></opml>".utf8))
    }

    @Test func aLeadingPipeIsAnExecSource() throws {
        let r = try parse("<outline type=\"rss\" title=\"Birdsite\" xmlUrl=\"|~/fetch_tweets.py --all\"/>")
        #expect(r.subscriptions == [Subscription(source: "exec:~/fetch_tweets.py --all", title: "Birdsite")])
        #expect(r.notUnderstood.isEmpty)
    }

    @Test func filtercmdIsTheFilterScript() throws {
        let r = try parse("<outline type=\"rss\" title=\"Firehose\" xmlUrl=\"https://a.example/f\" filtercmd=\"~/bin/keep.pl\"/>")
        #expect(r.subscriptions == [Subscription(source: "https://a.example/f", title: "Firehose", filter: "~/bin/keep.pl")])
    }

    @Test func aQueryURLIsASavedSearch() throws {
        let r = try parse("""
            <outline title="t"><outline xmlUrl="https://a.example/f" title="Normal"/></outline>
            <outline type="rss" title="Everything" xmlUrl="query:Every article:title =~ &quot;.*&quot; and age between 0:7"/>
            <outline type="rss" title="Broken" xmlUrl="query:No expression:"/>
            """)
        #expect(r.subscriptions.map(\.source) == ["https://a.example/f"])
        #expect(r.queries == [SavedQuery(name: "Every article", query: "title =~ \".*\" and age between 0:7")])
        #expect(r.queryLocations == [.outline([2])])
        #expect(r.notUnderstood.map(\.location) == [.outline([3])])
    }

    @Test func categoriesSplitAtCommasAndOnlyPathsAtSlashes() throws {
        let r = try parse("""
            <outline type="rss" xmlUrl="https://a.example/f" category="tag one,tag_two,tag/three,/Path/Parts"/>
            """)
        #expect(r.subscriptions.first?.tags == ["tag one", "tag_two", "tag/three", "Path", "Parts"])
    }

    @Test func everySubscriptionKnowsWhereItCameFrom() throws {
        let r = try parse("""
            <outline text="Folder"><outline xmlUrl="https://a.example/1"/><outline xmlUrl="https://a.example/2"/></outline>
            <outline xmlUrl="https://a.example/1"/><outline xmlUrl="https://a.example/3"/>
            """)
        #expect(r.subscriptions.map(\.source) == ["https://a.example/1", "https://a.example/2", "https://a.example/3"])
        #expect(r.locations == [.outline([1, 1]), .outline([1, 2]), .outline([3])])
        let urls = try SubscriptionList.parse(Data("# c\nhttps://a.example/1\n\n\"query:Q:unread\"\nhttps://a.example/2\n".utf8))
        #expect(urls.locations == [.line(2), .line(5)])
        #expect(urls.queryLocations == [.line(4)])
    }

    @Test func savedSearchesSurviveAnOPMLRoundTrip() throws {
        let queries = [SavedQuery(name: "Unread & new", query: "unread = \"yes\" and age between 0:7"),
                       SavedQuery(name: "日本", query: "title =~ \"<b>\"")]
        let subs = [Subscription(source: "https://a.example/f", tags: ["x"])]
        let opml = SubscriptionList.opml(subs, queries: queries, title: "t", dateCreated: Date(timeIntervalSince1970: 0))
        let back = try SubscriptionList.parse(Data(opml.utf8))
        #expect(back.subscriptions == subs)
        #expect(back.queries == queries)
        #expect(back.notUnderstood.isEmpty && back.skipped.isEmpty)
    }

    @Test func aNamedHiddenTagSurvivesAUrlsRoundTrip() throws {
        let subs = [Subscription(source: "https://a.example/f", tags: ["news", "!secret stuff"], hidden: true),
                    Subscription(source: "https://a.example/g", hidden: true)]
        let text = SubscriptionList.newsboatURLs(subs, queries: [])
        #expect(text == "https://a.example/f news \"!secret stuff\"\nhttps://a.example/g !\n")
        #expect(try SubscriptionList.parse(Data(text.utf8)).subscriptions == subs)
    }
}
