import Foundation
import Testing
import TidingsCore
@testable import TidingsStore

/// newsboat `query:` lines hold its filter language; imported saved searches must mean the same here.
@Suite struct NewsboatQueryTests {
    @Test(arguments: [
        (#"unread = "yes""#, "unread"),
        (#"unread = "no""#, "-unread"),
        (#"unread != "yes""#, "-unread"),
        (#"title =~ "linux""#, "title:linux"),
        (#"title !~ "^Sponsored: .*$""#, "-title:Sponsored"),
        (#"author = "Mara Lindqvist""#, #"author:"Mara Lindqvist""#),
        (#"content =~ "tidal power""#, #""tidal power""#),
        (#"feedtitle =~ "Harbor" and unread = "yes""#, "feed:Harbor unread"),
        (#"tags # "local news""#, #"tag:"local news""#),
        (#"tags !# "sport""#, #"-tag:"sport""#),
        (#"flags # "s""#, "starred"),
        (#"age < 7"#, "newer:7"),
        (#"age between 2:30"#, "older:2 newer:30"),
        (#"(title =~ "ferry" or title =~ "bridge") and unread = "yes""#, "title:ferry OR title:bridge unread"),
        (#"rssurl =~ "example.com" and unread = "yes""#, "unread"),
    ])
    func filterExpressionsBecomeSearches(newsboat: String, tidings: String) {
        #expect(NewsboatQuery.translate(newsboat) == tidings)
    }

    @Test(arguments: ["ferry", "title:ferry unread", "\"unread = yes\"", "tide = moon", "", "= = =", "unread"])
    func tidingsQueriesAreLeftAlone(query: String) {
        #expect(NewsboatQuery.translate(query) == nil)
    }

    @Test(arguments: ["unread = ", "title =~", "((((", "tags #", "age < x", "unread = \"yes\" and", "title =~ \"unterminated"])
    func brokenExpressionsNeverTrap(expression: String) throws {
        _ = NewsboatQuery.translate(expression)
        let (store, _, _) = try SearchFixture.store()
        _ = try store.search(expression, limit: 10)
    }

    @Test func aNewsboatSavedSearchCountsWhatTheNativeOneCounts() throws {
        let (store, _, _) = try SearchFixture.store()
        #expect(try store.searchCounts(#"unread = "yes" and title =~ "ferry""#) == store.searchCounts("unread title:ferry"))
        #expect(try store.searchCounts(#"tags # "local""#) == store.searchCounts("tag:local"))
        #expect(try store.searchCounts(#"unread = "yes""#).total == store.totals().unread)
    }
}
