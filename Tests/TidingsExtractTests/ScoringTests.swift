import Testing
@testable import TidingsExtract

@Suite struct ScoringTests {
    @Test func picksTheArticleOverNavigationSidebarAndComments() throws {
        let html = newsPage(article: """
        <article class="story"><h1>Harbour plan delayed again</h1>
          <p>\(prose("harbour plan", 2))</p><p>\(prose("new quay", 2))</p><p>\(prose("ferry timetable", 2))</p></article>
        """)
        let a = try extract(html)
        #expect(a.text.contains("The harbour plan was discussed"))
        #expect(a.text.contains("The ferry timetable was discussed"))
        for furniture in ["Sidebar story", "First comment", "Copyright notice", "Sport"] {
            #expect(!a.text.contains(furniture), "\(furniture) leaked into the article")
        }
    }

    @Test func linkHeavyBlocksLoseToProse() throws {
        let links = (1...30).map { "<a href=\"/tag/\($0)\">Topic number \($0) with words</a>" }.joined(separator: ", ")
        let html = page(body: """
        <div class="box"><p>\(links)</p></div>
        <div class="box"><p>\(prose("library", 2))</p><p>\(prose("reading room", 2))</p></div>
        """)
        let a = try extract(html)
        #expect(a.text.contains("The library was discussed"))
        #expect(!a.text.contains("Topic number 7"))
    }

    @Test func siblingsSharingTheTopCandidatesClassJoinIt() throws {
        let html = page(body: """
        <div id="main">
          <div class="chunk"><p>\(prose("first half", 3))</p><p>\(prose("first half again", 2))</p></div>
          <div class="chunk"><p>\(prose("second half", 1))</p></div>
          <div class="promo"><a href="/subscribe">Subscribe now</a></div>
        </div>
        """)
        let a = try extract(html)
        #expect(a.text.contains("The first half was discussed"))
        #expect(a.text.contains("The second half was discussed"))
        #expect(!a.text.contains("Subscribe now"))
    }

    @Test func shortSentencesNextToTheArticleAreKept() throws {
        let html = page(body: """
        <div><div class="body"><p>\(prose("storm", 3))</p><p>\(prose("flood", 2))</p></div>
        <p>It rained again on Tuesday.</p></div>
        """)
        #expect(try extract(html).text.contains("It rained again on Tuesday."))
    }

    @Test func hiddenNodesAreRemoved() throws {
        let html = page(body: """
        <article><p>\(prose("bridge", 3))</p>
          <p style="display: none">Hidden by style.</p><p hidden>Hidden by attribute.</p>
          <p aria-hidden="true">Hidden from screen readers.</p><p style="visibility:hidden">Invisible text.</p>
          <p>\(prose("tunnel", 2))</p></article>
        """)
        let text = try extract(html).text
        for hidden in ["Hidden by style", "Hidden by attribute", "Hidden from screen readers", "Invisible text"] {
            #expect(!text.contains(hidden))
        }
        #expect(text.contains("The tunnel was discussed"))
    }

    @Test func runsOfLineBreaksBecomeParagraphs() throws {
        let html = page(body: "<div>\(prose("market", 2))<br><br>\(prose("square", 2))<br><br>\(prose("fountain", 1))</div>")
        let a = try extract(html)
        let blocks = a.text.components(separatedBy: "\n\n")
        #expect(blocks.count == 3)
        #expect(blocks[1].hasPrefix("The square was discussed"))
    }

    @Test func theHeadingThatRepeatsTheTitleIsDropped() throws {
        let html = page(head: "<title>Harbour plan delayed again</title>",
                        body: "<article><h1>Harbour plan delayed again</h1><p>\(prose("harbour", 4))</p></article>")
        let a = try extract(html)
        #expect(a.title == "Harbour plan delayed again")
        #expect(!a.text.contains("Harbour plan delayed again"))
    }

    @Test func retriesWithRelaxedRulesWhenTooLittleTextIsLeft() throws {
        // The whole article sits in a container whose class looks like a comment thread: the strict
        // pass strips it and keeps too little, the relaxed pass keeps it.
        let html = page(body: """
        <div class="comment-thread"><p>\(prose("village fair", 2))</p><p>\(prose("tractor parade", 2))</p></div>
        <p>Short note.</p>
        """)
        let a = try extract(html)
        #expect(a.text.contains("The village fair was discussed"))
        #expect(a.text.contains("The tractor parade was discussed"))
        #expect(a.textLength >= Grabber.minimumText)
    }

    @Test func theStrictPassWinsWhenItFindsEnough() throws {
        let html = page(body: """
        <div class="comment-thread"><p>\(prose("stray remark", 1))</p></div>
        <article><p>\(prose("lighthouse", 2))</p><p>\(prose("keeper", 2))</p></article>
        """)
        let text = try extract(html).text
        #expect(text.contains("The lighthouse was discussed"))
        #expect(!text.contains("stray remark"))
    }
}
