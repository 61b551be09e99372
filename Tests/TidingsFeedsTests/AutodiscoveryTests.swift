import Foundation
import Testing
@testable import TidingsFeeds

/// Finding the feeds a web page links to, as `tidings add PAGE` does.
@Suite struct AutodiscoveryTests {
    let page = URL(string: "https://example.org/blog/post/")!

    @Test func feedLinksComeInDocumentOrderResolvedAgainstBase() {
        let html = """
            <!DOCTYPE html><html><head><base href="https://cdn.example.org/site/">
            <link rel="stylesheet" href="s.css">
            <link rel="alternate" type="application/atom+xml" title="Atom" href="atom.xml">
            <LINK REL="Alternate Feed" TYPE="application/rss+xml; charset=utf-8" href="/rss">
            <link rel="alternate" type="application/feed+json" href="feed.json">
            <link rel="alternate" type="application/atom+xml" href="atom.xml">
            <link rel="alternate" hreflang="fr" href="/fr/">
            <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
            </head><body><p>Hello</body></html>
            """
        let feeds = Autodiscovery.feeds(in: Data(html.utf8), pageURL: page)
        #expect(feeds.map(\.url.absoluteString) == ["https://cdn.example.org/site/atom.xml", "https://cdn.example.org/rss",
                                                    "https://cdn.example.org/site/feed.json"])
        #expect(feeds.first?.title == "Atom")
    }

    @Test func withoutBaseLinksResolveAgainstThePage() {
        let html = #"<html><head><link rel="alternate" type="application/rss+xml" href="../feed"></head></html>"#
        #expect(Autodiscovery.feeds(in: Data(html.utf8), pageURL: page).map(\.url.absoluteString) == ["https://example.org/blog/feed"])
    }

    @Test func aPageWithoutFeedsAndAFeedAreToldApart() {
        #expect(Autodiscovery.feeds(in: Data("<html><body>nothing</body></html>".utf8), pageURL: page).isEmpty)
        #expect(Autodiscovery.looksLikeHTML(Data("<!DOCTYPE html><html>".utf8)))
        #expect(!Autodiscovery.looksLikeHTML(Data("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>".utf8)))
    }
}
