import Foundation
import Testing
@testable import TidingsCore

/// `w` in the reader: the feed's summary or the whole article from the web page.
@Suite struct FullArticleReducerTests {
    static let longPage = FullArticle(html: "<h2>The whole story</h2>" + String(repeating: "<p>A long paragraph about the harbour and its crane.</p>", count: 20),
                                      url: "https://example.org/10", textLength: 1_000)

    /// Article 10 open with a two-sentence summary.
    static func reading() -> AppState {
        var s = Fixture.alphaList()
        _ = reduce(&s, .key(.enter))
        _ = reduce(&s, .articleLoaded(Fixture.article(Fixture.alpha[0], body: "<p>Short summary.</p>")))
        return s
    }

    static func text(_ s: AppState) -> String { s.reader?.lines.map(\.plainText).joined(separator: "\n") ?? "" }

    @Test func wFetchesInTheBackgroundAndThenShowsTheArticle() {
        var s = Self.reading()
        #expect(reduce(&s, .key(.char("w"))) == [.fetchFullArticle(10, url: "https://example.org/10")])
        #expect(s.message == StatusMessage("Fetching the full article…"))
        #expect(Self.text(s).contains("Showing: Feed text (fetching the full article…)"))
        // Keys keep working while the page is fetched.
        _ = reduce(&s, .key(.char("j")))
        _ = reduce(&s, .fullArticleLoaded(10, Self.longPage))
        #expect(Self.text(s).contains("The whole story"))
        #expect(Self.text(s).contains("Showing: Full article from https://example.org/10"))
        #expect(!Self.text(s).contains("Short summary."))
        // A second press goes back to the feed's text without fetching again.
        #expect(reduce(&s, .key(.char("w"))) == [])
        #expect(Self.text(s).contains("Short summary."))
        #expect(reduce(&s, .key(.char("w"))) == [])
        #expect(Self.text(s).contains("The whole story"))
    }

    @Test func aFailureFallsBackToTheFeedTextWithOneLine() {
        var s = Self.reading()
        _ = reduce(&s, .key(.char("w")))
        _ = reduce(&s, .fullArticleFailed(10, "HTTP 404 Not Found: no feed at this URL any more"))
        #expect(s.message == StatusMessage("No full article: HTTP 404 Not Found: no feed at this URL any more", isError: true))
        #expect(Self.text(s).contains("Short summary."))
    }

    @Test func tooLittleTextIsNoArticle() {
        var s = Self.reading()
        _ = reduce(&s, .key(.char("w")))
        _ = reduce(&s, .fullArticleLoaded(10, FullArticle(html: "<p>Subscribe!</p>", url: "https://example.org/10", textLength: 10)))
        #expect(s.message?.isError == true)
        #expect(s.message?.text.contains("too little text") == true)
        #expect(Self.text(s).contains("Short summary."))
    }

    @Test func anAnswerForAnotherArticleIsIgnored() {
        var s = Self.reading()
        _ = reduce(&s, .key(.char("w")))
        let before = s
        _ = reduce(&s, .fullArticleLoaded(11, Self.longPage))
        #expect(s == before)
    }

    @Test func autoFetchesOnOpeningASummaryAndNeverDoesNot() {
        var s = Fixture.alphaList()
        _ = reduce(&s, .fullArticlePolicies([1: .auto], default: .never))
        _ = reduce(&s, .key(.enter))
        let effects = reduce(&s, .articleLoaded(Fixture.article(Fixture.alpha[0], body: "<p>Short summary.</p>")))
        #expect(effects == [.fetchFullArticle(10, url: "https://example.org/10")])

        var never = Fixture.alphaList()
        _ = reduce(&never, .key(.enter))
        #expect(reduce(&never, .articleLoaded(Fixture.article(Fixture.alpha[0], body: "<p>Short summary.</p>"))) == [])

        // auto leaves a long feed text alone.
        var long = Fixture.alphaList()
        _ = reduce(&long, .fullArticlePolicies([1: .auto], default: .never))
        _ = reduce(&long, .key(.enter))
        let body = String(repeating: "<p>A full paragraph of the feed's own text about tides.</p>", count: 20)
        #expect(reduce(&long, .articleLoaded(Fixture.article(Fixture.alpha[0], body: body))) == [])
    }

    @Test func wWithoutAnArticleSaysSo() {
        var s = Fixture.feedList()
        #expect(reduce(&s, .key(.char("w"))) == [])
        #expect(s.message == StatusMessage("Open an article first."))
    }
}
