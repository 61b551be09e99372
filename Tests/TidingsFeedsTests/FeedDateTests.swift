import Foundation
import Testing
@testable import TidingsFeeds

@Suite struct FeedDateTests {
    static let cases: [(String, Date?)] = [
        // RFC 822 / 1123
        ("Thu, 02 Dec 2021 10:00:00 GMT", utc(2021, 12, 2, 10)),
        ("Thu, 02 Dec 2021 10:00:00 +0000", utc(2021, 12, 2, 10)),
        ("Thu, 02 Dec 2021 10:00:00 +0130", utc(2021, 12, 2, 8, 30)),
        ("Thu, 02 Dec 2021 10:00:00 -0800", utc(2021, 12, 2, 18)),
        ("Thu, 02 Dec 2021 10:00:00 +01:00", utc(2021, 12, 2, 9)),
        ("Thu, 02 Dec 2021 10:00:00 UT", utc(2021, 12, 2, 10)),
        ("Thu, 02 Dec 2021 10:00:00 UTC", utc(2021, 12, 2, 10)),
        ("Thu, 02 Dec 2021 10:00:00 Z", utc(2021, 12, 2, 10)),
        ("Thu, 02 Dec 2021 10:00:00 EST", utc(2021, 12, 2, 15)),
        ("Thu, 02 Dec 2021 10:00:00 EDT", utc(2021, 12, 2, 14)),
        ("Thu, 02 Dec 2021 10:00:00 CST", utc(2021, 12, 2, 16)),
        ("Thu, 02 Dec 2021 10:00:00 CDT", utc(2021, 12, 2, 15)),
        ("Thu, 02 Dec 2021 10:00:00 MST", utc(2021, 12, 2, 17)),
        ("Thu, 02 Dec 2021 10:00:00 MDT", utc(2021, 12, 2, 16)),
        ("Thu, 02 Dec 2021 10:00:00 PST", utc(2021, 12, 2, 18)),
        ("Thu, 02 Dec 2021 10:00:00 PDT", utc(2021, 12, 2, 17)),
        ("Thu, 2 Dec 2021 10:00 GMT", utc(2021, 12, 2, 10)),               // missing seconds, one-digit day
        ("02 Dec 2021 10:00:00 GMT", utc(2021, 12, 2, 10)),                // missing weekday
        ("Mon, 02 Dec 2021 10:00:00 GMT", utc(2021, 12, 2, 10)),           // wrong weekday
        ("Thu, 02 Dec 21 10:00:00 GMT", utc(2021, 12, 2, 10)),             // two-digit year
        ("Sat, 02 Jan 99 10:00:00 GMT", utc(1999, 1, 2, 10)),              // two-digit year, last century
        ("Thu, 02 Dec 2021 10:00:00", utc(2021, 12, 2, 10)),               // no zone: UTC
        ("Thursday, 02-Dec-2021 10:00:00 GMT", utc(2021, 12, 2, 10)),      // RFC 850 style
        ("  Thu,  02 Dec 2021  10:00:00  GMT ", utc(2021, 12, 2, 10)),     // stray spaces
        ("Thu, 02 December 2021 10:00:00 GMT", utc(2021, 12, 2, 10)),      // full month name
        // RFC 3339 / ISO 8601
        ("2021-12-02T10:00:00Z", utc(2021, 12, 2, 10)),
        ("2021-12-02T10:00:00.5Z", utc(2021, 12, 2, 10, 0, 0.5)),
        ("2021-12-02T10:00:00.123456+02:00", utc(2021, 12, 2, 8, 0, 0.123456)),
        ("2021-12-02T10:00:00-0530", utc(2021, 12, 2, 15, 30)),
        ("2021-12-02t10:00:00z", utc(2021, 12, 2, 10)),
        ("2021-12-02T10:00Z", utc(2021, 12, 2, 10)),
        ("2021-12-02", utc(2021, 12, 2)),
        ("2021-12-02 10:00:00", utc(2021, 12, 2, 10)),
        ("2020-02-29T00:00:00Z", utc(2020, 2, 29)),                         // leap day
        // word forms used by article files
        ("December 02, 2021", utc(2021, 12, 2)),
        ("Dec 2, 2021", utc(2021, 12, 2)),
        // more real-world RFC 822 variants
        ("Thu, 02 Dec 2021 10:00:00 +0100 GMT", utc(2021, 12, 2, 9)),          // trailing GMT after an offset
        ("Thu, 02 Dec 2021 10:00:00 GMT+0100", utc(2021, 12, 2, 9)),           // offset glued to the zone name
        ("Thu, 02 Dec 2021 10:00:00 GMT-5", utc(2021, 12, 2, 15)),
        ("Thu, 02 Dec 2021 10:00:00 A", utc(2021, 12, 2, 10)),                 // military zone: RFC 2822 says treat as UTC
        ("Thu, 02 Dec 2021 10:00:00 M", utc(2021, 12, 2, 10)),
        ("Thu, 02 Dec 2021 10:00:00 -0000", utc(2021, 12, 2, 10)),
        ("Thu,02 Dec 2021 10:00:00 GMT", utc(2021, 12, 2, 10)),               // no space after the comma
        ("Thu, 02 dec 2021 10:00:00 gmt", utc(2021, 12, 2, 10)),              // lower case
        ("THU, 02 DEC 2021 10:00:00 GMT", utc(2021, 12, 2, 10)),              // upper case
        ("Thu, 02 Sept 2021 10:00:00 GMT", utc(2021, 9, 2, 10)),
        ("Thu, 02 Dec 2021 9:05:07 GMT", utc(2021, 12, 2, 9, 5, 7)),          // one-digit hour
        ("Thu, 02 Dec 2021 10:00:00 CET", utc(2021, 12, 2, 9)),
        ("Thu, 02 Dec 2021 10:00:00 JST", utc(2021, 12, 2, 1)),
        ("Thu, 02 Dec 2021 10:00:00 AEDT", utc(2021, 12, 1, 23)),
        ("Thu, 02 Dec 2021 23:30:00 -0800", utc(2021, 12, 3, 7, 30)),         // crosses midnight
        ("Sat, 31 Dec 2022 23:30:00 -0100", utc(2023, 1, 1, 0, 30)),          // crosses a year
        ("Thu, 02 Dec 2021 10:00:00.250 GMT", utc(2021, 12, 2, 10, 0, 0.25)),  // fractional seconds
        ("Thu, 02 Dec 070 10:00:00 GMT", utc(1970, 12, 2, 10)),               // three-digit year (Y2K bug)
        ("Thu, 02 Dec 2021 10:00:00 PM", utc(2021, 12, 2, 22)),
        ("Thu, 02 Dec 2021 12:15:00 AM", utc(2021, 12, 2, 0, 15)),
        // more ISO 8601 / W3C-DTF
        ("2021", utc(2021, 1, 1)),                                             // W3C-DTF allows a year alone (feedparser too)
        ("2021-12", utc(2021, 12, 1)),                                         // W3C partial date
        ("2021-12-02T10:00:00+00:00", utc(2021, 12, 2, 10)),
        ("2021-12-02T10:00:00+05:45", utc(2021, 12, 2, 4, 15)),               // Nepal
        ("2021-12-02T10:00:00-03:30", utc(2021, 12, 2, 13, 30)),
        ("2021-12-02T10:00:00+09", utc(2021, 12, 2, 1)),                      // hours-only offset
        ("2021-12-02T23:59:60Z", utc(2021, 12, 2, 23, 59, 59.999999)),        // leap second clamps
        ("2021-12-02T10:00:00,5Z", utc(2021, 12, 2, 10, 0, 0.5)),             // comma fraction
        ("2021-12-02T24:00:00Z", utc(2021, 12, 3)),                            // end of day
        ("2021-12-02 10:00:00 +0200", utc(2021, 12, 2, 8)),
        ("2021-12-02 10:00:00 UTC", utc(2021, 12, 2, 10)),
        ("2021-12-02T10:00:00 PST", utc(2021, 12, 2, 18)),
        ("  2021-12-02T10:00:00Z\n", utc(2021, 12, 2, 10)),
        ("1999-12-31T23:59:59Z", utc(1999, 12, 31, 23, 59, 59)),
        // more word forms
        ("2 December 2021", utc(2021, 12, 2)),
        ("December 2, 2021 10:00 am", utc(2021, 12, 2, 10)),
        ("Thursday, December 2nd, 2021", utc(2021, 12, 2)),
        // more not-dates
        ("Thu, 02 Dec", nil),
        ("10:00:00", nil),
        ("2021-12-02T10:60:00Z", nil),
        ("Thu, 29 Feb 2021 10:00:00 GMT", nil),
        ("N/A", nil),
        ("0000-00-00 00:00:00", nil),                                          // MySQL's zero date
        ("2021-12-02T10:00:00+99:00", utc(2021, 12, 2, 10)),                   // absurd offset ignored
        ("\u{0}\u{1}garbage", nil),
        // not dates
        ("", nil),
        ("yesterday", nil),
        ("2021-13-02T10:00:00Z", nil),
        ("2021-02-30", nil),
        ("2021-02-29", nil),
        ("Thu, 32 Dec 2021 10:00:00 GMT", nil),
        ("Thu, 02 Foo 2021 10:00:00 GMT", nil),
        ("2021-12-02T25:00:00Z", nil),
    ]

    @Test(arguments: cases)
    func parses(_ input: String, _ expected: Date?) {
        expectDate(input, expected)
    }
}

/// The JSON output's date form, across the epoch, leap days and short years.
@Suite struct ISODateOutputTests {
    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00Z"),
        (-1.0, "1969-12-31T23:59:59Z"),
        (1_638_439_200.75, "2021-12-02T10:00:00Z"),
        (951_782_400.0, "2000-02-29T00:00:00Z"),
        (-62_135_596_800.0, "0001-01-01T00:00:00Z"),
        (253_402_300_799.0, "9999-12-31T23:59:59Z"),
    ])
    func formatsUTC(seconds: Double, text: String) {
        #expect(FeedJSON.isoUTC(Date(timeIntervalSince1970: seconds)) == text)
    }
}
