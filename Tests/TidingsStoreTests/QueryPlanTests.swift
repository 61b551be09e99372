import Foundation
import Testing
import TidingsCore
@testable import TidingsStore

@Suite("Query plans at scale")
struct QueryPlanTests {
    /// A plan line that reads the article table without an index, or sorts in a temp B-tree.
    private func offending(_ plan: [String]) -> [String] {
        plan.filter { line in
            let scansArticles = line.hasPrefix("SCAN a") || line.hasPrefix("SCAN article")
            return (scansArticles && !line.contains("INDEX")) || line.contains("TEMP B-TREE")
        }
    }

    @Test func twentyThousandArticlesAreListedThroughIndexes() throws {
        // Given 20k articles imported from one document into one of two feeds
        let store = try ArticleStore.inMemory()
        let big = try store.registerFeed(source: "https://big.example/feed", title: "Big")
        let small = try store.registerFeed(source: "https://small.example/feed", title: "Small")
        let report = try store.apply(Fixture.document(count: 20_000, tie: 4), toFeed: big)
        _ = try store.apply(Fixture.document(count: 10), toFeed: small)
        #expect(report.inserted == 20_000)
        #expect(try store.totals() == (unread: 20_010, total: 20_010))

        let middle = try #require(try store.headlines(
            HeadlinePageRequest(scope: .feed(big), cursor: nil, direction: .older, limit: 10_001)).last)
        #expect(try store.index(of: middle.cursor, in: .feed(big)) == 10_000)

        // Then every list, count-before and next-unread query is an index range scan
        for scope in [ListScope.all, .unread, .feed(big)] {
            let plans = try store.queryPlans(scope: scope, cursor: middle.cursor)
            #expect(plans.count == 10)
            for (name, plan) in plans {
                #expect(!plan.isEmpty, "\(name) has no plan")
                #expect(offending(plan).isEmpty, "\(scope) \(name): \(plan)")
            }
            #expect(plans["page older"]?.contains { $0.hasPrefix("SEARCH a USING") } == true, "\(plans)")
        }
    }

    @Test func theCheckRecognisesAFullScan() {
        #expect(offending(["SCAN a", "SEARCH f USING INTEGER PRIMARY KEY (rowid=?)"]) == ["SCAN a"])
        #expect(offending(["SCAN a USING INDEX article_order"]).isEmpty)
        #expect(offending(["USE TEMP B-TREE FOR ORDER BY"]).count == 1)
    }
}
