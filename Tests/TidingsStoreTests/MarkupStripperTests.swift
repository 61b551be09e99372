import Testing
@testable import TidingsStore

@Suite("Markup stripping for the index")
struct MarkupStripperTests {
    private func words(_ html: String) -> [String] {
        MarkupStripper.strip(html, limit: 10_000).split(whereSeparator: \.isWhitespace).map(String.init)
    }

    @Test(arguments: [
        ("<p>Hello <b>bold</b>er world</p>", ["Hello", "bolder", "world"]),
        ("<p>one</p><p>two</p>", ["one", "two"]),
        ("Fish &amp; chips &lt;3 &eacute;t&eacute; &#233;&#xE9; &unknown; &", ["Fish", "&", "chips", "<3", "été", "éé", "&unknown;", "&"]),
        ("<script>var x = '<p>hidden</p>';</script>shown", ["shown"]),
        ("<STYLE>p { color: red }</STYLE>text", ["text"]),
        ("a<!-- secret -->b", ["a", "b"]),
        ("<![CDATA[raw <b>]]>after", ["raw", "<b>after"]),
        (#"<a href="x>y" title='>'>link</a>"#, ["link"]),
        ("1 < 2 and 3 > 2", ["1", "<", "2", "and", "3", ">", "2"]),
        ("<p>unclosed", ["unclosed"]),
        ("<script>never closed", []),
        ("&#0;&#x1B;[31m&#99999999;", ["[31m&#99999999;"]),
        // An image's alt text is what the reader shows in its place, so it is text; its URL is not.
        (#"see<img src="https://pics.example/heron.jpg" alt="A heron &amp; a fish">below"#, ["see", "A", "heron", "&", "a", "fish", "below"]),
        (#"<IMG ALT='Grey heron' SRC=x.jpg/>"#, ["Grey", "heron"]),
        ("<img alt=Heron width=3>", ["Heron"]),
        (#"<img data-alt="hidden" title="hover" src="a.png">"#, []),
        (#"<img src="a>b" alt="after quote">"#, ["after", "quote"]),
        (#"<img alt="unclosed"#, []),
        (#"<a href="https://x.example" alt="no">link</a>"#, ["link"]),
    ])
    func keepsOnlyText(html: String, expected: [String]) {
        #expect(words(html) == expected)
    }

    @Test func stopsAtTheLimit() {
        let text = MarkupStripper.strip(String(repeating: "<p>word</p>", count: 100_000), limit: 1_000)
        #expect(text.utf8.count <= 1_001)
    }

    @Test func aLongRunOfTextIsCutExactlyAtTheLimit() {
        let run = String(repeating: "abcdefghij", count: 300)
        #expect(MarkupStripper.strip(run + "<p>tail", limit: 1_000) == String(run.prefix(1_000)))
        #expect(MarkupStripper.strip("<b>x</b>" + run, limit: 1_000) == "x" + String(run.prefix(999)))
        #expect(MarkupStripper.strip("Fish &amp; chips", limit: 6) == "Fish &")
    }

    @Test(arguments: [
        ("<NOSCRIPT>hidden</noscript>shown", ["shown"]),
        ("<Template><p>hidden</p></TEMPLATE>shown", ["shown"]),
        ("<scripts>kept</scripts>", ["kept"]),
        ("<noscripts>kept</noscripts>", ["kept"]),
        ("<strongly>a</strongly>b", ["a", "b"]),
        ("<h1>a</h1>b<!doctype html>c", ["a", "b", "c"]),
    ])
    func tagNamesAreMatchedWhole(html: String, expected: [String]) {
        #expect(words(html) == expected)
    }

    @Test func cjkIsSpacedOnePerCharacter() {
        #expect(SearchText.fromPlain("東京の天気 ok") == " 東  京  の  天  気  ok")
        #expect(SearchText.fromPlain("plain") == "plain")
    }
}
