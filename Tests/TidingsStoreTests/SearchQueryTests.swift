import Testing
@testable import TidingsStore

@Suite("Search query translation")
struct SearchQueryTests {
    @Test(arguments: [
        ("harbour ferry", #""harbour" AND "ferry""#),
        (#""ferry timetable""#, #""ferry timetable""#),
        ("ferr*", #""ferr" *"#),
        (#""ferry time"*"#, #""ferry time" *"#),
        ("title:ferry", #"title : "ferry""#),
        ("TITLE:fer*", #"title : "fer" *"#),
        (#"author:"Ana Lima""#, #"author : "Ana Lima""#),
        ("東京", #"" 東  京 ""#),
        ("AND", #""AND""#),
        ("a OR b", #"("a" OR "b")"#),
        ("x a OR b OR c y", #""x" AND ("a" OR "b" OR "c") AND "y""#),
        ("a AND b", #""a" AND "b""#),
        ("a -b -title:c", #"("a") NOT ("b" OR title : "c")"#),
        ("a NOT b", #"("a") NOT ("b")"#),
        ("a OR -b", #"("a") NOT ("b")"#),
        ("OR a", #""a""#),
        ("e-mail COVID-19", #""e-mail" AND "COVID-19""#),
        ("a\u{0}b", #""a" AND "b""#),
        ("NEAR(a b)", #""NEAR(a" AND "b)""#),
        ("'; DROP TABLE article; --", #""DROP" AND "TABLE" AND "article;""#),
        (#"ferry""#, #""ferry""#),
        ("x:y", #""x:y""#),
        (#""unread""#, #""unread""#),
        ("unread ferry", #""ferry""#),
    ])
    func textTermsBecomeQuotedStrings(input: String, expected: String) {
        #expect(SearchQuery(input).match == expected)
    }

    @Test(arguments: ["", "   ", "\"", "*", "\"\"", "()", "-- ;", "title:", "\"*\"", "^", ":", "-", "-*", "\u{0}", "-\"\""])
    func punctuationOnlyIsEmpty(input: String) {
        #expect(SearchQuery(input).isEmpty)
        #expect(SearchQuery(input).match == nil)
    }

    @Test func filtersAreSeparatedFromText() {
        let query = SearchQuery(#"feed:"Harbor Gazette" tag:News unread starred ferry"#)
        #expect(query.match == #""ferry""#)
        #expect(query.feedNames == ["Harbor Gazette"])
        #expect(query.tags == ["News"])
        #expect(query.unread == true && query.starred == true)
        #expect(!SearchQuery("unread").isEmpty)
        #expect(SearchQuery("unread").match == nil)
    }

    @Test func negatedFiltersAndExclusionsOnly() {
        let query = SearchQuery("-ferry -tag:news -feed:Gazette -unread -starred")
        #expect(query.match == nil)
        #expect(query.excluded == #""ferry""#)
        #expect(query.excludedTags == ["news"] && query.excludedFeedNames == ["Gazette"])
        #expect(query.unread == false && query.starred == false)
        #expect(!query.isEmpty)
    }

    @Test func aHugeQueryIsCut() {
        let query = SearchQuery(String(repeating: "word ", count: 10_000))
        #expect((query.match?.count ?? 0) < 10 * SearchQuery.maxLength)
    }
}
