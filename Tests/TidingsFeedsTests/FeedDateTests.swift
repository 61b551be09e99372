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
        let got = FeedDate.parse(input)
        if let expected, let got {
            #expect(abs(got.timeIntervalSince(expected)) < 0.000_5, "\(input)")
        } else {
            #expect(got == expected, "\(input)")
        }
    }
}
