import Foundation
import Testing
import TidingsText
@testable import TidingsCore

/// Enclosures (podcast episodes, PDFs) are listed in the reader's header and open like links.
@Suite struct AttachmentTests {
    static func article(body: String, enclosures: [FeedEnclosure]) -> Article {
        Article(headline: Fixture.headline(10), link: "https://example.org/post", body: body, contentType: .html, enclosures: enclosures)
    }

    @Test func attachmentsFollowTheBodyLinksAndUnsafeOnesAreNotOpenable() {
        let a = Self.article(body: #"<p>See <a href="https://example.org/notes">notes</a>.</p>"#, enclosures: [
            FeedEnclosure(url: "https://cdn.example.org/ep42.mp3", type: "audio/mpeg", length: 48_213_760),
            FeedEnclosure(url: "https://example.org/notes"),
            FeedEnclosure(url: "file:///etc/passwd", type: "text/plain"),
            FeedEnclosure(url: "https://cdn.example.org/guide.pdf", type: "application/pdf", length: 2_481_152),
        ])
        let document = a.document
        #expect(document.links == ["https://example.org/notes", "https://cdn.example.org/ep42.mp3", "https://cdn.example.org/guide.pdf"])
        #expect(a.enclosures.map { a.attachmentLabel($0, in: document) }
                == ["[2] audio/mpeg, 48 MB", "[1]", "file:///etc/passwd (text/plain)", "[3] application/pdf, 2.5 MB"])
    }

    @Test func theHeaderListsThemAndTheReaderOpensThemByNumber() {
        var s = Fixture.alphaList()
        _ = reduce(&s, .key(.enter))
        let a = Self.article(body: "<p>Episode notes.</p>", enclosures: [FeedEnclosure(url: "https://cdn.example.org/ep42.mp3", type: "audio/mpeg", length: 900)])
        var loaded = a
        loaded.headline = s.reader!.headline
        _ = reduce(&s, .articleLoaded(loaded))
        let text = s.reader!.lines.map(\.plainText)
        #expect(text.contains("Attachment: [1] audio/mpeg, 900 bytes"))
        #expect(reduce(&s, .key(.char("1"))) == [.openURL("https://cdn.example.org/ep42.mp3")])
    }
}
