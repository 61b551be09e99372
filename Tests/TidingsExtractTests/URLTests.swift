import Testing
@testable import TidingsExtract

@Suite struct URLTests {
    func article(_ extra: String) -> String {
        "<article><p>\(prose("map", 2)) \(extra)</p><p>\(prose("atlas", 2))</p></article>"
    }

    @Test func relativeLinksAndImagesResolveAgainstThePage() throws {
        let html = page(body: article("<a href=\"../rates.html\">rates</a> <a href=\"/about\">about</a> <a href=\"//cdn.example.net/x\">cdn</a> <img src=\"pics/map.png\" alt=\"Map\">"))
        let a = try extract(html)
        #expect(a.html.contains("href=\"https://news.example.org/2026/rates.html\""))
        #expect(a.html.contains("href=\"https://news.example.org/about\""))
        #expect(a.html.contains("href=\"https://cdn.example.net/x\""))
        #expect(a.html.contains("src=\"https://news.example.org/2026/harbour/pics/map.png\""))
        #expect(a.document.links.contains("https://news.example.org/2026/rates.html"))
    }

    @Test func baseElementWinsAndMayItselfBeRelative() throws {
        let absolute = page(head: "<base href=\"https://mirror.example.com/archive/\">", body: article("<a href=\"page2.html\">next</a>"))
        #expect(try extract(absolute).html.contains("href=\"https://mirror.example.com/archive/page2.html\""))
        let relative = page(head: "<base href=\"/static/\">", body: article("<a href=\"page2.html\">next</a> <img src=\"i.png\" alt=\"i\">"))
        let a = try extract(relative)
        #expect(a.html.contains("href=\"https://news.example.org/static/page2.html\""))
        #expect(a.html.contains("src=\"https://news.example.org/static/i.png\""))
    }

    @Test func javascriptLinksKeepOnlyTheirText() throws {
        let a = try extract(page(body: article("<a href=\"javascript:void(0)\">click here</a>")))
        #expect(!a.html.contains("javascript:"))
        #expect(a.text.contains("click here"))
    }

    @Test func anchorsStayAnchorsWithoutABase() throws {
        let a = try extract(page(body: article("<a href=\"#notes\">notes</a>")))
        #expect(a.html.contains("href=\"#notes\""))
        let based = try extract(page(head: "<base href=\"https://other.example/\">", body: article("<a href=\"#notes\">notes</a>")))
        #expect(based.html.contains("href=\"https://other.example/#notes\""))
    }

    @Test func noPageURLLeavesRelativeLinksAlone() throws {
        let a = try extract(page(body: article("<a href=\"rates.html\">rates</a>")), url: nil)
        #expect(a.html.contains("href=\"rates.html\""))
    }
}
