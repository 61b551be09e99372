import Testing
@testable import TidingsExtract

@Suite struct CleaningTests {
    @Test func dataTablesStayAndBlocksOfLinksGo() throws {
        let rows = (1...5).map { "<tr><td>Pier \($0)</td><td>\($0 * 12) m</td><td>open</td></tr>" }.joined()
        let links = (1...8).map { "<p><a href=\"/more/\($0)\">Related story \($0)</a></p>" }.joined()
        let html = page(body: """
        <article><p>\(prose("pier survey", 2))</p>
          <table><thead><tr><th>Pier</th><th>Length</th><th>State</th></tr></thead><tbody>\(rows)</tbody></table>
          <div>\(links)</div>
          <p>\(prose("repairs", 2))</p></article>
        """)
        let a = try extract(html)
        #expect(a.text.contains("Pier 3\t36 m\topen"))
        #expect(!a.text.contains("Related story"))
        #expect(a.document.blocks.contains { if case .table = $0 { return true } else { return false } })
    }

    @Test func aSingleCellLayoutTableIsUnwrapped() throws {
        let html = page(body: "<table><tr><td><p>\(prose("layout", 3))</p><p>\(prose("old site", 2))</p></td></tr></table>")
        let a = try extract(html)
        #expect(!a.html.contains("<table"))
        #expect(a.text.contains("The old site was discussed"))
    }

    @Test func shareBarsFormsAndAsidesAreRemoved() throws {
        let html = page(body: """
        <article><p>\(prose("council vote", 2))</p>
          <div class="share-tools"><a href="https://social.example/share">Share this</a></div>
          <aside><p>An aside about something else entirely, with commas, words, and more words.</p></aside>
          <form><p>Sign up for the newsletter</p><input type="email"><button>Go</button></form>
          <p>\(prose("budget", 2))</p></article>
        """)
        let text = try extract(html).text
        #expect(!text.contains("Share this"))
        #expect(!text.contains("An aside"))
        #expect(!text.contains("newsletter"))
        #expect(text.contains("The budget was discussed"))
    }

    @Test func figuresKeepTheirCaptionsAndImagesTheirLinks() throws {
        let html = page(body: """
        <article><p>\(prose("harbour wall", 2))</p>
          <figure><img src="/img/wall.jpg" alt="The new harbour wall"><figcaption>The wall at low tide.</figcaption></figure>
          <p>\(prose("engineers", 2))</p></article>
        """)
        let a = try extract(html)
        let lines = a.document.lines(width: 80).map(\.plainText)
        #expect(lines.contains { $0.contains("[image: The new harbour wall]") })
        #expect(lines.contains("The wall at low tide."))
        #expect(a.document.links.contains("https://news.example.org/img/wall.jpg"))
    }

    @Test func lazyImagesGetTheirRealSource() throws {
        let html = page(body: """
        <article><p>\(prose("gallery", 3))</p>
          <img class="lazyload" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/photos/boat.png" alt="A boat">
          <p>\(prose("boats", 1))</p></article>
        """)
        #expect(try extract(html).document.links.contains("https://news.example.org/photos/boat.png"))
    }

    @Test func plainTextHasABlankLineBetweenBlocksAndNoFootnoteNumbers() throws {
        let html = page(body: """
        <article><h2>Background</h2><p>\(prose("ferry", 2)) See <a href="/ferry">the timetable</a>.</p>
          <blockquote><p>\(prose("quote", 1))</p></blockquote><ul><li>One point</li><li>Another point</li></ul></article>
        """)
        let a = try extract(html)
        let blocks = a.text.components(separatedBy: "\n\n")
        #expect(blocks.first == "Background")
        #expect(blocks.contains("One point\nAnother point"))
        #expect(a.text.contains("See the timetable."))
        #expect(!a.text.contains("[1]"))
        // The reader's layout numbers the link and lists it.
        let lines = a.document.lines(width: 1000).map(\.plainText)
        #expect(lines.contains { $0.contains("the timetable [1]") })
        #expect(lines.contains("[1] https://news.example.org/ferry"))
    }
}
