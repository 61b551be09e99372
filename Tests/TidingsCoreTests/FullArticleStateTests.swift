import Testing
@testable import TidingsCore

@Suite struct FullArticleStateTests {
    let link = "https://news.example.org/story"
    let page = FullArticle(html: "<p>Long</p>", url: "https://news.example.org/story", textLength: 4000)

    @Test func firstPressFetchesAndTheAnswerShowsTheArticle() {
        var s = FullArticleState(articleID: 7)
        let (message, requests) = s.toggle(link: link)
        #expect(requests == [.fetch(7, url: link)])
        #expect(message == StatusMessage("Fetching the full article…"))
        #expect(s.phase == .fetching && s.shown == .feedText)
        #expect(s.label == "Feed text (fetching the full article…)")
        #expect(s.loaded(page, feedTextLength: 120) == StatusMessage("Showing the full article."))
        #expect(s.phase == .ready(page) && s.shown == .fullArticle)
        #expect(s.label == "Full article from https://news.example.org/story")
    }

    @Test func laterPressesToggleWithoutFetching() {
        var s = FullArticleState(articleID: 7)
        _ = s.toggle(link: link)
        _ = s.loaded(page, feedTextLength: 120)
        let back = s.toggle(link: link)
        #expect(back.1.isEmpty && s.shown == .feedText)
        let again = s.toggle(link: link)
        #expect(again.1.isEmpty && s.shown == .fullArticle)
    }

    @Test func aPressWhileFetchingDoesNotFetchTwice() {
        var s = FullArticleState(articleID: 7)
        _ = s.toggle(link: link)
        let (message, requests) = s.toggle(link: link)
        #expect(requests.isEmpty)
        #expect(message == StatusMessage("Still fetching the full article…"))
    }

    @Test func tooLittleTextFallsBackWithAReason() {
        var s = FullArticleState(articleID: 7)
        _ = s.toggle(link: link)
        let short = FullArticle(html: "<p>Accept cookies</p>", url: link, textLength: 40)
        #expect(s.loaded(short, feedTextLength: 20) == StatusMessage("No full article: the page has too little text.", isError: true))
        #expect(s.shown == .feedText && s.phase == .unavailable("the page has too little text"))
        var t = FullArticleState(articleID: 8)
        _ = t.toggle(link: link)
        _ = t.loaded(FullArticle(html: "", url: link, textLength: 900), feedTextLength: 1200)
        #expect(t.phase == .unavailable("the page has no more text than the feed"))
    }

    @Test func aFailureKeepsTheFeedTextAndCanBeRetried() {
        var s = FullArticleState(articleID: 7)
        _ = s.toggle(link: link)
        #expect(s.failed("HTTP 404 from news.example.org\nmore detail") == StatusMessage("No full article: HTTP 404 from news.example.org", isError: true))
        #expect(s.shown == .feedText)
        #expect(s.toggle(link: link).1 == [.fetch(7, url: link)])
    }

    @Test func leavingCancelsAndALateAnswerIsIgnored() {
        var s = FullArticleState(articleID: 7)
        _ = s.toggle(link: link)
        #expect(s.cancel() == [.cancel(7)])
        #expect(s.phase == .idle)
        #expect(s.loaded(page, feedTextLength: 10) == nil)
        #expect(s.failed("late") == nil)
        #expect(s.phase == .idle && s.shown == .feedText)
        #expect(s.cancel().isEmpty)
    }

    @Test func noLinkNoFetch() {
        var s = FullArticleState(articleID: 7)
        let (message, requests) = s.toggle(link: nil)
        #expect(requests.isEmpty)
        #expect(message?.isError == true)
        #expect(s.toggle(link: "mailto:editor@example.org").1.isEmpty)
    }

    @Test func perFeedPolicyDecidesWhatOpeningDoes() {
        #expect(FullArticleState.fetchesOnOpen(.always, feedTextLength: 5000, link: link))
        #expect(FullArticleState.fetchesOnOpen(.auto, feedTextLength: 180, link: link))
        #expect(!FullArticleState.fetchesOnOpen(.auto, feedTextLength: 2000, link: link))
        #expect(!FullArticleState.fetchesOnOpen(.auto, feedTextLength: 10, link: nil))
        #expect(!FullArticleState.fetchesOnOpen(.never, feedTextLength: 10, link: link))
        #expect(FullArticlePolicy(rawValue: "auto") == .auto)
    }
}
