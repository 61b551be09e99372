import Foundation
import Testing
import TidingsCore
@testable import TidingsFeeds

/// The polling hints a feed gives about itself, which the scheduler honours.
@Suite struct PollingHintTests {
    @Test func rssTTLIsRead() throws {
        let xml = """
            <rss version="2.0"><channel><title>T</title><ttl> 120 </ttl>
            <item><title>a</title><guid>1</guid></item></channel></rss>
            """
        let doc = try FeedParser.parse(Data(xml.utf8))
        #expect(doc.feed.ttlMinutes == 120)
    }

    @Test func syndicationModuleIsRead() throws {
        let xml = """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                     xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
            <channel rdf:about="x"><title>T</title><sy:updatePeriod>daily</sy:updatePeriod>
            <sy:updateFrequency>4</sy:updateFrequency></channel>
            <item rdf:about="i"><title>a</title><link>https://e.org/a</link></item></rdf:RDF>
            """
        let doc = try FeedParser.parse(Data(xml.utf8))
        #expect(doc.feed.updatePeriod == "daily")
        #expect(doc.feed.updateFrequency == 4)
    }

    @Test func nonsenseHintsAreIgnored() throws {
        let xml = "<rss version=\"2.0\"><channel><title>T</title><ttl>soon</ttl></channel></rss>"
        let doc = try FeedParser.parse(Data(xml.utf8))
        #expect(doc.feed.ttlMinutes == nil)
    }
}
