import Testing
@testable import TidingsExtract

@Suite struct MetadataTests {
    let body = "<article><p>\(prose("regatta", 3))</p><p>\(prose("sailors", 2))</p></article>"

    @Test func jsonLDComesFirst() throws {
        let head = """
        <title>Page title here | Site</title>
        <meta property="og:title" content="Open Graph title">
        <meta name="author" content="Meta Author">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
          "headline":"JSON-LD headline &amp; more","author":[{"@type":"Person","name":"Ada One"},{"name":"Bo Two"}],
          "description":"From JSON-LD.","publisher":{"@type":"Organization","name":"Gazette"},"datePublished":"2026-03-01T09:00:00Z"}</script>
        """
        let a = try extract(page(head: head, body: body))
        #expect(a.title == "JSON-LD headline & more")
        #expect(a.byline == "Ada One, Bo Two")
        #expect(a.excerpt == "From JSON-LD.")
        #expect(a.siteName == "Gazette")
        #expect(a.published == "2026-03-01T09:00:00Z")
    }

    @Test func jsonLDInAGraphAndOfOtherTypesIsSkippedOrFound() throws {
        let head = """
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"WebSite","name":"Not an article"}</script>
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"BreadcrumbList"},
          {"@type":"BlogPosting","name":"From the graph"}]}</script>
        """
        #expect(try extract(page(head: head, body: body)).title == "From the graph")
    }

    @Test func brokenJSONLDFallsBackToMetaTags() throws {
        let head = """
        <script type="application/ld+json">{"@context": "https://schema.org", "@type": "Article", "name": </script>
        <meta property="og:title" content="Open Graph title"><meta property="og:site_name" content="OG Site">
        <meta property="article:published_time" content="2026-02-02">
        """
        let a = try extract(page(head: head, body: body))
        #expect(a.title == "Open Graph title")
        #expect(a.siteName == "OG Site")
        #expect(a.published == "2026-02-02")
    }

    @Test func dublinCoreBeatsOpenGraphAndSpaceSeparatedPropertiesCount() throws {
        let head = """
        <meta property="og:title" content="OG"><meta property="dc:title og:title" content="Dublin Core title">
        <meta name="dc.creator" content="DC Creator"><meta name="author" content="Plain author">
        <meta name="description" content="Plain description"><meta property="og:description" content="OG description">
        """
        let a = try extract(page(head: head, body: body))
        #expect(a.title == "Dublin Core title")
        #expect(a.byline == "DC Creator")
        #expect(a.excerpt == "OG description")
    }

    @Test func titleLosesTheSiteNameSuffix() throws {
        #expect(try extract(page(head: "<title>Harbour plan delayed again this week | The Example Gazette</title>", body: body)).title
            == "Harbour plan delayed again this week")
        #expect(try extract(page(head: "<title>Harbour plan delayed for a third time – Gazette</title>", body: body)).title
            == "Harbour plan delayed for a third time")
    }

    @Test func aTitleTooShortWithoutTheSuffixKeepsIt() throws {
        // Four words or fewer would be too little to be the article's title.
        #expect(try extract(page(head: "<title>Harbour plan delayed again | Gazette</title>", body: body)).title
            == "Harbour plan delayed again | Gazette")
        #expect(try extract(page(head: "<title>Site - News</title>", body: body)).title == "Site - News")
    }

    @Test func aTooShortTitleGivesWayToTheOnlyH1() throws {
        let html = page(head: "<title>Gazette</title>",
                        body: "<div><h1>The regatta returns to the bay</h1></div><article><p>\(prose("regatta", 5))</p></article>")
        #expect(try extract(html).title == "The regatta returns to the bay")
    }

    @Test func bylineFromRelAuthorWhenNoMetaSaysSoAndItLeavesTheText() throws {
        let html = page(body: """
        <article><p class="byline">By <a rel="author" href="/people/cam">Cam Writer</a></p>
          <p>\(prose("regatta", 3))</p><p>\(prose("sailors", 2))</p></article>
        """)
        let a = try extract(html)
        #expect(a.byline == "By Cam Writer")
        #expect(!a.text.contains("Cam Writer"))
    }

    @Test func bylineNodePrefersItsNameProperty() throws {
        let html = page(body: """
        <article><div itemprop="author"><span>Written by</span> <span itemprop="name">Dee Reporter</span></div>
          <p>\(prose("regatta", 3))</p><p>\(prose("sailors", 2))</p></article>
        """)
        #expect(try extract(html).byline == "Dee Reporter")
    }

    @Test func metaAuthorBeatsTheBylineNode() throws {
        let html = page(head: "<title>Regatta</title><meta name=\"author\" content=\"Meta Person\">",
                        body: "<article><p class=\"byline\">By Someone Else</p><p>\(prose("regatta", 4))</p></article>")
        #expect(try extract(html).byline == "Meta Person")
    }

    @Test func anArticleAuthorURLIsNoName() throws {
        let html = page(head: "<meta property=\"article:author\" content=\"https://social.example/someone\">", body: body)
        #expect(try extract(html).byline == nil)
    }

    @Test func excerptFallsBackToTheFirstParagraph() throws {
        let a = try extract(page(body: body))
        #expect(a.excerpt?.hasPrefix("The regatta was discussed") == true)
    }

    @Test func languageAndDirection() throws {
        let html = "<html lang=\"ar\"><head><title>عنوان</title></head><body><div dir=\"rtl\"><article><p>\(prose("souk", 3))</p><p>\(prose("port", 2))</p></article></div></body></html>"
        let a = try extract(html)
        #expect(a.lang == "ar")
        #expect(a.dir == "rtl")
    }

    @Test func metaTagKeys() {
        #expect(MetaTags.propertyKey("og:title") == "og:title")
        #expect(MetaTags.propertyKey("og:article:author") == "article:author")
        #expect(MetaTags.propertyKey("fb:app_id") == nil)
        #expect(MetaTags.nameKey("DC.Creator") == "dc:creator")
        #expect(MetaTags.nameKey("parsely-pub-date") == "parsely-pub-date")
        #expect(MetaTags.nameKey("viewport") == nil)
    }
}
