import Foundation
import Testing
@testable import TidingsText

/// Hostile and extreme input: nothing may crash, hang, overflow the width or leak control bytes.
@Suite struct RobustnessTests {
    static let fixtures: [String] = HTMLLayoutTests.cases.map(\.html) + [
        "<p>\(String(repeating: "x", count: 300))</p>",
        "<a href=\"https://example.com/\(String(repeating: "u", count: 400))\">\(String(repeating: "漢", count: 50))</a>",
        "<blockquote><blockquote><blockquote><ul><li><ol><li><pre>deep code line that is long</pre><table><tr><td>a</td><td>漢字漢字</td></tr></table></li></ol></li></ul></blockquote></blockquote></blockquote>",
        "<table><tr>" + String(repeating: "<td>cell text</td>", count: 80) + "</tr></table>",
        "<table><tr><th>漢字</th><th>👨‍👩‍👧</th></tr><tr><td>🇫🇷🇫🇷🇫🇷</td><td>e\u{301}e\u{301}</td></tr></table>",
        "<h1>\(String(repeating: "Heading ", count: 30))</h1><dl><dt>t</dt><dd><dl><dt>u</dt><dd>v w x y z</dd></dl></dd></dl>",
        "<ol start=\"-99999999999\"><li>a</li></ol><ol start=\"2147483647\"><li>b</li><li>c</li></ol>",
        "<p>👍🏽👍🏽👍🏽 ❤️❤️ 🙂 ｶﾀｶﾅ 한국어 שלום سلام</p>",
        String(repeating: "<blockquote>", count: 80) + "deep quote" + String(repeating: "</blockquote>", count: 80),
        String(repeating: "<ul><li>", count: 80) + "deep list" + String(repeating: "</li></ul>", count: 80),
        "<figure><img alt=\"\(String(repeating: "long alt ", count: 20))\" src=\"/x.png\"><figcaption>cap</figcaption></figure>",
    ]

    @Test func noLineIsWiderThanThePane() {
        for html in Self.fixtures {
            let doc = ArticleDocument.html(html, baseURL: "https://example.com/")
            for width in 1...120 {
                for line in doc.lines(width: width) where line.width > width {
                    Issue.record("width \(width): \(line.width) columns in \(line.plainText.debugDescription) from \(html.prefix(60))")
                    return
                }
            }
        }
    }

    @Test func everyWidthKeepsTheText() {
        // Narrow panes may drop indentation but not words.
        let doc = ArticleDocument.html("<blockquote><ul><li>alpha beta</li></ul></blockquote>")
        for width in 1...30 {
            let text = doc.lines(width: width).map(\.plainText).joined().filter { !"│• ".contains($0) }
            #expect(text == "alphabeta", "width \(width)")
        }
    }

    @Test func controlCharactersNeverSurvive() {
        let hostile = "<h1>t\u{1B}]0;pwned\u{7}</h1><p>a\u{1B}[31mred\u{9B}2J &#27;[0m &#x9b; &#155; \u{202E}evil\u{202C} &#8238;x</p>"
            + "<pre>code\u{1B}[1m\u{0}\u{8}</pre><img alt=\"\u{1B}[5malt\" src=\"x\"><a href=\"https://e.example/\u{1B}[31m\">l\u{1B}</a>"
            + "<table><tr><td>\u{1B}c</td></tr></table><ul><li>\u{90}dcs\u{9C}</li></ul>"
        let doc = ArticleDocument.html(hostile, baseURL: "https://example.com/")
        for width in [1, 7, 40, 120] {
            for run in doc.lines(width: width).flatMap(\.runs) {
                let bad = run.text.unicodeScalars.filter {
                    $0.value < 0x20 || (0x7F...0x9F).contains($0.value)
                        || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
                }
                #expect(bad.isEmpty, "\(run.text.debugDescription)")
            }
        }
        #expect(doc.lines(width: 80).map(\.plainText).joined().contains("red"))
    }

    @Test(.timeLimit(.minutes(1)))
    func deepNestingIsFlattenedQuickly() {
        let depth = 10_000
        let html = String(repeating: "<div>", count: depth) + "deep" + String(repeating: "</div>", count: depth) + "<p>after</p>"
        let start = ContinuousClock.now
        let lines = ArticleDocument.html(html).lines(width: 40).map(\.plainText)
        #expect(lines == ["deep", "", "after"])
        #expect(ContinuousClock.now - start < .seconds(2))

        let quotes = String(repeating: "<blockquote><ul><li>", count: 3000) + "q" + "<p>after</p>"
        let qlines = ArticleDocument.html(quotes).lines(width: 80)
        #expect(qlines.allSatisfy { $0.width <= 80 })
        #expect(qlines.contains { $0.plainText.hasSuffix("q") })
    }

    @Test func hugeBodyLaysOutCompletelyWithinTheWidth() {
        var html = ""
        var n = 0
        while html.utf8.count < 5_000_000 {
            html += "<p>Paragraph \(n) with <b>bold</b>, <a href=\"https://example.com/\(n % 50)\">a link</a> and some more words to wrap across the line.</p>\n"
            if n % 20 == 0 { html += "<ul><li>item one</li><li>item 漢字 two</li></ul><pre>code line\n  more</pre>" }
            n += 1
        }
        // Speed is measured by benchmarks, not asserted here; a quadratic regression shows as a stalled suite.
        let doc = ArticleDocument.html(html)
        let lines = doc.lines(width: 80)
        #expect(lines.count > 50_000)
        #expect(doc.links.count == 50)
        #expect(lines.allSatisfy { $0.width <= 80 })
    }

    @Test func oversizedInputIsCappedNotFatal() {
        let html = "<p>" + String(repeating: "a", count: HTMLReader.maxInputBytes + 10)
        let doc = ArticleDocument.html(html)
        let count = doc.lines(width: 10).count
        #expect(count <= HTMLReader.maxInputBytes / 10 + 10)
    }

    @Test func manyLinksAndMalformedAttributes() {
        var html = ""
        for i in 0..<2000 { html += "<a href=\"https://e.example/\(i)\">\(i)</a> <a href=\"  \">x</a><a href>y</a><a href=\"http://\">z</a>" }
        let doc = ArticleDocument.html(html)
        #expect(doc.links.count == 2000)
        #expect(doc.links.last == "https://e.example/1999")
    }
}
