import Foundation
import Testing
@testable import TidingsExtract

@Suite struct HostileInputTests {
    @Test func emptyAndScriptOnlyPagesHaveNoArticle() {
        for html in ["", "   ", "<html><head></head><body></body></html>",
                     "<html><body><script>document.write('<p>' + 'x'.repeat(9999) + '</p>')</script><div id=app></div></body></html>"] {
            #expect(throws: ExtractionError.noArticle) { try extract(html) }
        }
    }

    @Test func aPageOfNothingButLinksIsCleanOrNothing() {
        let links = (1...3000).map { "<a href=\"/p/\($0)\">link \($0)</a>" }.joined(separator: " ")
        let result = Result { try extract(page(body: "<div>\(links)</div>")) }
        if case .success(let a) = result { #expect(!a.text.isEmpty) }
    }

    @Test func nestingDeeperThanTheTreeCapIsFlattened() throws {
        // Deeper than the extractor's own cap (TreeBuilder.maxDepth) but within libxml2's.
        let depth = 200
        let html = String(repeating: "<div>", count: depth) + "<p>\(prose("depth", 4))</p>" + String(repeating: "</div>", count: depth)
        #expect(try extract(html).text.contains("The depth was discussed"))
        let spans = "<p>" + String(repeating: "<span><b>", count: 100) + prose("inline depth", 4) + "</p>"
        #expect(try extract(spans).text.contains("inline depth"))
    }

    @Test func aNestingBombEndsCleanly() throws {
        // libxml2 stops reading past 256 levels: the article before the bomb survives,
        // a page that is nothing but the bomb has no article.
        let bomb = String(repeating: "<div>", count: 100_000)
        let a = try extract("<article><p>\(prose("bomb", 4))</p></article>" + bomb)
        #expect(a.text.contains("The bomb was discussed"))
        let onlyBomb = Result { try extract(bomb + "<p>\(prose("buried", 4))</p>") }
        if case .success(let b) = onlyBomb { #expect(!b.text.isEmpty) }
    }

    @Test func aHugePageFinishes() throws {
        // 15 MB: many paragraphs, the engine's caps keep the work bounded.
        let paragraph = "<p>\(prose("size", 2))</p>\n"
        let count = 15_000_000 / paragraph.utf8.count
        let html = "<html><body><article>" + String(repeating: paragraph, count: count) + "</article></body></html>"
        let a = try extract(html)
        #expect(a.textLength > 1_000_000)
    }

    /// Flat pages with tens of thousands of siblings once cost quadratic time (children moved one by one).
    @Test(.timeLimit(.minutes(1))) func flatPagesStayLinear() throws {
        let breaks = String(repeating: "A line of text, with commas, and more words.<br><br>", count: 20_000)
        let a = try extract("<html><body><div>\(breaks)</div></body></html>")
        #expect(a.document.blocks.count > 1000)
        let loose = String(repeating: "<span>loose inline text, with commas, </span> and more, ", count: 20_000)
        #expect(try extract("<html><body><div>\(loose)<p>\(prose("tail", 3))</p></div></body></html>").textLength > 10_000)
    }

    @Test func binaryGarbageAndNULBytesDoNotCrash() {
        var rng = SystemRandomNumberGenerator()
        var data = Data((0..<200_000).map { _ in UInt8.random(in: 0...255, using: &rng) })
        _ = try? ArticleExtractor.extract(data, url: pageURL)
        data = Data("<html><body><p>\(prose("nul", 4))\u{0}</p>\u{0}<p>after the nul</p></body></html>".utf8)
        #expect((try? ArticleExtractor.extract(data, url: pageURL))?.text.contains("The nul was discussed") == true)
    }

    @Test func unclosedTagsAndStrayEndTagsAreRecovered() throws {
        let html = "<html><body><article><p>\(prose("soup", 2))<p>\(prose("tags", 2))</b></i></table><div><p>\(prose("recovery", 1))"
        let a = try extract(html)
        #expect(a.text.contains("The recovery was discussed"))
    }

    @Test func hostileAttributesNeverBreakTheOutput() throws {
        let html = page(body: "<article><p title='\"><script>alert(1)</script>'>\(prose("quotes", 4)) <a href='\"onmouseover=x'>x</a> &lt;script&gt;</p></article>")
        let a = try extract(html)
        #expect(!a.html.contains("<script"))
        #expect(a.text.contains("<script>"))
    }
}
