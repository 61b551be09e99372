import Testing
@testable import TidingsText

/// HTML in, laid-out text out: one case per tag rule.
@Suite struct HTMLLayoutTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let html: String
        let width: Int
        let expected: String
        init(_ name: String, _ html: String, width: Int = 40, _ expected: String) {
            self.name = name; self.html = html; self.width = width; self.expected = expected
        }
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case("paragraphs are separated by a blank line", "<p>One</p><p>Two</p>", "One\n\nTwo"),
        Case("whitespace collapses outside pre", "<p>  a \n\t b   <b> c </b>  d </p>", "a b c d"),
        Case("words wrap at the width", "<p>the quick brown fox jumps over the lazy dog</p>", width: 15,
             "the quick brown\nfox jumps over\nthe lazy dog"),
        Case("div breaks paragraphs", "text<div>block</div>after", "text\n\nblock\n\nafter"),
        Case("br is a line break", "<p>line one<br>line two<br/>  three</p>", "line one\nline two\nthree"),
        Case("h1 is underlined with double rule", "<h1>Title</h1><p>x</p>", "Title\n═════\n\nx"),
        Case("h2 is underlined with a single rule", "<h2>Part</h2>", "Part\n────"),
        Case("h3 is plain", "<h3>Minor</h3><p>x</p>", "Minor\n\nx"),
        Case("blockquote is marked on every wrapped line", "<blockquote><p>aaa bbb ccc</p></blockquote>", width: 9,
             "│ aaa bbb\n│ ccc"),
        Case("nested quotes double the marker", "<blockquote>outer<blockquote>inner</blockquote></blockquote>",
             "│ outer\n│\n│ │ inner"),
        Case("bullet list with hanging indent", "<ul><li>one two three</li><li>four</li></ul>", width: 9,
             "• one two\n  three\n• four"),
        Case("ordered list honours start and aligns numbers", "<ol start=\"9\"><li>nine</li><li>ten</li></ol>",
             " 9. nine\n10. ten"),
        Case("nested lists indent further", "<ul><li>a<ul><li>b<ul><li>c</li></ul></li></ul></li><li>d</li></ul>",
             "• a\n  ◦ b\n    ▪ c\n• d"),
        Case("ordered inside unordered", "<ul><li>x<ol><li>y</li></ol></li></ul>", "• x\n  1. y"),
        Case("pre keeps lines and spaces", "<pre>a  b\n  c</pre>", "  a  b\n    c"),
        Case("pre expands tabs to four columns", "<pre>\tx\ny\tz</pre>", "      x\n  y   z"),
        Case("pre lines are cut at the width", "<pre>abcdefghijklmnopqrstuvwxyz0123</pre>", width: 24,
             "  abcdefghijklmnopqrstu…"),
        Case("inline code stays inline", "<p>call <code>f(x)</code> now</p>", "call f(x) now"),
        Case("hr is a full-width rule", "<p>a</p><hr><p>b</p>", width: 5, "a\n\n─────\n\nb"),
        Case("image alt becomes a placeholder with its source as a link", "<img src=\"/i.png\" alt=\"A cat\">",
             "[image: A cat] [1]\n\nLinks\n[1] https://example.com/i.png"),
        Case("image without alt", "<img src=\"data:image/png;base64,AAAA\">", "[image]"),
        Case("tracking pixel is dropped", "<p>x<img src=\"/t.gif\" width=\"1\" height=\"1\"></p>", "x"),
        Case("emoji image reads as itself", "<p>fun <img class=\"emoji\" alt=\"🙂\" src=\"/e.png\"> times</p>", "fun 🙂 times"),
        Case("inline image inside text", "<p>see <img src=\"/a.png\" alt=\"chart\"> here</p>",
             "see [image: chart] [1] here\n\nLinks\n[1] https://example.com/a.png"),
        Case("figure with caption", "<figure><img alt=\"Dog\"><figcaption>A good dog</figcaption></figure>",
             "[image: Dog]\n\nA good dog"),
        Case("link text followed by its footnote number", "<p>Read <a href=\"https://a.example/x\">this</a>.</p>",
             "Read this [1].\n\nLinks\n[1] https://a.example/x"),
        Case("relative href resolves against the base", "<a href=\"../other\">o</a>",
             "o [1]\n\nLinks\n[1] https://example.com/other"),
        Case("same URL twice shares one number",
             "<a href=\"https://a.example/\">x</a> <a href=\"https://b.example/\">y</a> <a href=\"https://a.example/\">z</a>",
             "x [1] y [2] z [1]\n\nLinks\n[1] https://a.example/\n[2] https://b.example/"),
        Case("javascript and data links keep text but get no number",
             "<a href=\"javascript:alert(1)\">js</a> <a href=\"data:text/html,x\">data</a> <a href=\"#top\">top</a>",
             "js data top"),
        Case("mailto gets a number", "<a href=\"mailto:me@example.com\">mail me</a>",
             "mail me [1]\n\nLinks\n[1] mailto:me@example.com"),
        Case("anchor without text gets no marker", "<a href=\"https://x.example/\"></a><p>t</p>", "t"),
        Case("strong, em, s, mark, sup, sub, q",
             "<p><strong>s</strong> <b>b</b> <em>e</em> <i>i</i> <s>x</s> <del>d</del> <mark>m</mark> x<sup>2</sup> H<sub>2</sub>O <q>hi</q></p>",
             "s b e i x d m x2 H2O “hi”"),
        Case("definition list", "<dl><dt>Term</dt><dd>Meaning of it</dd></dl>", "Term\n    Meaning of it"),
        Case("simple table with header", "<table><tr><th>Name</th><th>N</th></tr><tr><td>a</td><td>1</td></tr><tr><td>bb</td><td>22</td></tr></table>",
             "Name │ N\n─────┼───\na    │ 1\nbb   │ 22"),
        Case("thead rows are headers", "<table><thead><tr><td>H</td></tr></thead><tbody><tr><td>v</td></tr></tbody></table>",
             "H\n─\nv"),
        Case("table cells wrap inside their column",
             "<table><tr><td>key</td><td>a rather long value that wraps</td></tr><tr><td>k2</td><td>v</td></tr></table>", width: 20,
             "key │ a rather long\n    │ value that\n    │ wraps\n────┼───────────────\nk2  │ v"),
        Case("table too wide for the pane is stacked",
             "<table><tr><th>A</th><th>B</th><th>C</th></tr><tr><td>1</td><td>2</td><td>3</td></tr><tr><td>4</td><td>5</td><td>6</td></tr></table>", width: 10,
             "A: 1\nB: 2\nC: 3\n──────────\nA: 4\nB: 5\nC: 6"),
        Case("table caption", "<table><caption>Results</caption><tr><td>x</td></tr></table>", "Results\n\nx"),
        Case("nested table is flattened into its cell",
             "<table><tr><td>a<table><tr><td>b</td><td>c</td></tr></table></td><td>d</td></tr></table>", "a   │ d\nb c"),
        Case("script, style, head, noscript, iframe are never shown",
             "<head><title>T</title><style>p{}</style></head><script>alert('x')</script><noscript>enable js</noscript><iframe>frame</iframe><p>ok</p>",
             "ok"),
        Case("unknown tags are transparent", "<p>a <foo>b <bar>c</bar></foo> d</p>", "a b c d"),
        Case("entities are decoded", "<p>&amp; &lt;tag&gt; &mdash; &eacute; &#233; &#x263A; &hellip; &quot;q&quot;</p>",
             "& <tag> — é é ☺ … \"q\""),
        Case("nbsp is kept as a no-break space", "<p>a&nbsp;b</p>", "a\u{A0}b"),
        Case("unclosed tags are recovered", "<p>one<p>two<li>three", "one\n\ntwo\n\nthree"),
        Case("misnested tags are recovered", "<p><div></p></div><p>text</p>", "text"),
        Case("misnested inline tags", "<b>bold <i>both</b> italic</i>", "bold both italic"),
        Case("empty body", "", ""),
        Case("whitespace-only body", "  \n\t ", ""),
        Case("CJK breaks between wide characters", "<p>漢字漢字漢字漢字漢字</p>", width: 7, "漢字漢\n字漢字\n漢字漢\n字"),
        Case("mixed CJK and Latin", "<p>abc漢字def</p>", width: 5, "abc漢\n字def"),
        Case("emoji are two columns", "<p>🙂🙂 🙂🙂</p>", width: 5, "🙂🙂\n🙂🙂"),
        Case("right-to-left text stays in logical order", "<p>שלום עולם</p>", "שלום עולם"),
        Case("plain text fallback in list loose text", "<ul>loose<li>item</li></ul>", "• loose\n• item"),
    ]

    @Test(arguments: cases)
    func layout(_ c: Case) {
        #expect(render(c.html, width: c.width) == c.expected)
    }

    @Test func longWordIsBrokenHardAtTheWidth() {
        let word = String(repeating: "x", count: 300)
        let lines = ArticleDocument.html("<p>a \(word) b</p>").lines(width: 40).map(\.plainText)
        #expect(lines.first == "a")
        #expect(lines.dropFirst().prefix(7).allSatisfy { $0 == String(repeating: "x", count: 40) })
        #expect(lines.joined().filter { $0 == "x" }.count == 300)
        #expect(lines.last == String(repeating: "x", count: 20) + " b")
    }

    @Test func longURLFootnoteIsWrappedHard() {
        let url = "https://example.com/" + String(repeating: "p", count: 380)
        let lines = ArticleDocument.html("<a href=\"\(url)\">\(url)</a>").lines(width: 50)
        #expect(lines.allSatisfy { $0.width <= 50 })
        let footnote = lines.drop(while: { $0.plainText != "Links" }).dropFirst().map(\.plainText)
        #expect(footnote.first?.hasPrefix("[1] https://example.com/ppp") == true)
        #expect(footnote.joined().replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "[1]", with: "") == url)
    }

    @Test func wideGlyphIsNeverSplitAtTheEdge() {
        let lines = ArticleDocument.html("<p>a漢字漢字漢字漢字</p>").lines(width: 4).map(\.plainText)
        #expect(lines == ["a漢", "字漢", "字漢", "字漢", "字"])
    }

    @Test func roles() {
        let all = runs("<h1>H</h1><p><b>b</b> <i>i</i> <b><i>bi</i></b> <code>c</code> <a href=\"/x\">l</a> <mark>m</mark></p><blockquote>q</blockquote><ul><li>x</li></ul><pre>p</pre><hr>")
        func role(of text: String) -> LineRole? { all.first { $0.text == text }?.role }
        #expect(role(of: "H") == .heading(1))
        #expect(role(of: "b") == .strong)
        #expect(role(of: "i") == .emphasis)
        #expect(role(of: "bi") == .strongEmphasis)
        #expect(role(of: "c") == .code)
        #expect(role(of: "l") == .link)
        #expect(role(of: "[1]") == .footnoteMark)
        #expect(role(of: "m") == .highlight)
        #expect(role(of: "│ ") == .quoteMarker)
        #expect(role(of: "q") == .quote)
        #expect(role(of: "• ") == .listMarker)
        #expect(role(of: "  p") == .codeBlock)
        #expect(role(of: String(repeating: "─", count: 40)) == .rule)
        #expect(role(of: "Links") == .footnoteHeading)
        #expect(role(of: "https://example.com/x") == .footnote)
    }

    @Test func plainTextBodies() {
        let doc = ArticleDocument.plainText("First line\nsame paragraph\n\n\nSecond\u{1B}[1m one\r\n")
        #expect(doc.lines(width: 80).map(\.plainText) == ["First line same paragraph", "", "Second[1m one"])
        #expect(ArticleDocument.plainText("").lines(width: 10).isEmpty)
        #expect(ArticleDocument.empty.lines(width: 10).isEmpty)
    }

    @Test func documentModel() {
        let doc = ArticleDocument.html("<h2>T</h2><p>a <a href=\"https://x.example/\">b</a></p><ol start=\"3\"><li>i</li></ol>")
        #expect(doc.links == ["https://x.example/"])
        #expect(doc.blocks == [
            .heading(level: 2, [Span(text: "T")]),
            .paragraph([Span(text: "a "), Span(text: "b", style: .link, linkIndex: 0), Span(text: " "),
                        Span(text: "[1]", style: .footnoteMark, linkIndex: 0)]),
            .list(ordered: true, start: 3, items: [[.paragraph([Span(text: "i")])]]),
        ])
    }

    @Test func relativeLinksWithoutBaseAreDropped() {
        let doc = ArticleDocument.html("<a href=\"/x\">rel</a> <a href=\"//cdn.example/y\">proto</a>")
        #expect(doc.links == ["https://cdn.example/y"])
    }

    @Test func declaredCharsetDoesNotOverrideUTF8() {
        #expect(render("<meta charset=\"iso-8859-1\"><p>café 漢字</p>") == "café 漢字")
        #expect(render("<?xml version=\"1.0\" encoding=\"windows-1252\"?><p>naïve</p>") == "naïve")
    }
}
