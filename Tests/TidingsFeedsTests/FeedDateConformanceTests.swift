import Foundation
import Testing
@testable import TidingsFeeds

/// Date spellings from mature parsers' suites (feedparser's date tests, real feeds) that the
/// first table missed; every non-nil row here returned nil or a wrong instant before.
@Suite struct FeedDateConformanceTests {
    static let cases: [(String, Date?)] = [
        // zones feedparser knows
        ("Thu, 30 Apr 2015 08:57:00 MET", utc(2015, 4, 30, 7, 57)),
        ("Thu, 30 Apr 2015 08:57:00 MEST", utc(2015, 4, 30, 6, 57)),
        ("Wed, 19 Aug 2009 18:28:00 Etc/GMT", utc(2009, 8, 19, 18, 28)),
        ("Mon, 26 January 2004 16:31:00 AT", utc(2004, 1, 26, 20, 31)),
        ("Mon, 26 January 2004 16:31:00 ET", utc(2004, 1, 26, 21, 31)),
        ("Mon, 26 January 2004 16:31:00 CT", utc(2004, 1, 26, 22, 31)),
        ("Mon, 26 January 2004 16:31:00 MT", utc(2004, 1, 26, 23, 31)),
        ("Mon, 26 January 2004 16:31:00 PT", utc(2004, 1, 27, 0, 31)),
        ("Thu, 02 Dec 2021 10:00:00 NZDT", utc(2021, 12, 1, 21)),
        ("December 2, 2021 at 10:00", utc(2021, 12, 2, 10)),                    // "at" before the time is a word
        // a numeric offset beside a zone name or comment counts once
        ("Thu, 02 Dec 2021 10:00:00 -0500 EST", utc(2021, 12, 2, 15)),
        ("Thu, 02 Dec 2021 10:00:00 +0100 (CET)", utc(2021, 12, 2, 9)),
        ("Thu, 02 Dec 2021 10:00:00 GMT +0100", utc(2021, 12, 2, 9)),
        ("Thu Dec 02 2021 10:00:00 GMT+0100 (Central European Standard Time)", utc(2021, 12, 2, 9)),
        // numeric dates with . and / separators
        ("Fri, 2006/09/15 08:19:53 EDT", utc(2006, 9, 15, 12, 19, 53)),
        ("02.12.2021 10:00", utc(2021, 12, 2, 10)),
        ("Thu, 02.12.2021 10:00:00 GMT", utc(2021, 12, 2, 10)),
        ("02.12.21", utc(2021, 12, 2)),
        ("2021.12.02 10:00:00", utc(2021, 12, 2, 10)),
        ("Thu, 02 Dec 2021 10.00.00 GMT", utc(2021, 12, 2, 10)),
        ("12/02/2021", nil),                                                    // American or European? unknowable
        // ISO 8601 basic, ordinal and week forms
        ("20211202T100000Z", utc(2021, 12, 2, 10)),
        ("20211202T1000Z", utc(2021, 12, 2, 10)),
        ("20211202T100000+0100", utc(2021, 12, 2, 9)),
        ("20211202", utc(2021, 12, 2)),
        ("2021-336", utc(2021, 12, 2)),
        ("2021336", utc(2021, 12, 2)),
        ("2020-366", utc(2020, 12, 31)),
        ("2021-366", nil),
        ("2021-W48-4", utc(2021, 12, 2)),
        ("2021W484", utc(2021, 12, 2)),
        ("2021-W48", utc(2021, 11, 29)),
        ("2021-W01-1", utc(2021, 1, 4)),
        ("2020-W53-5", utc(2021, 1, 1)),
        ("2021-W53-1", nil),                                                    // 2021 has 52 weeks
        ("2003-012-31T10:14:55+00:00", utc(2003, 12, 31, 10, 14, 55)),          // Google's three-digit month
        ("2021-12-02T10:00:00Z[UTC]", utc(2021, 12, 2, 10)),
        ("2021-12-02 10:00 ", utc(2021, 12, 2, 10)),
        ("2003", utc(2003, 1, 1)),
        // trailing garbage is not a date (feedparser agrees)
        ("2013-01-27-01", nil),
        ("2013-01-28T11:30:00-06:00Textra", nil),
        ("2013-01-28T09:xx:00Z", nil),
        ("2013-01-28T09:00:00+00:xx", nil),
        ("22013", nil),
        ("013", nil),
        ("1638439200", nil),                                                    // Unix time: not a feed date format
    ]

    @Test(arguments: cases)
    func parses(_ input: String, _ expected: Date?) {
        expectDate(input, expected)
    }

    @Test func bareNumberLineInAnArticleIsBodyNotDate() {
        let item = MarkdownArticle.parse("# Title\n\n2021\n\nBody.", fileName: "a.md")
        #expect(item.published == nil)
        #expect(item.content?.contains("2021") == true)
    }
}
