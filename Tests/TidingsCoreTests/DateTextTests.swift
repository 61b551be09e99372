import Foundation
import Testing
import TidingsText
@testable import TidingsCore

/// A day given without a time of day shows as the day alone, the same day in every time zone.
@Suite struct DateTextTests {
    static let dayOnly = Date(timeIntervalSince1970: 1_638_403_200)  // 2021-12-02, as FeedDate reads "2021-12-02"
    static let timed = Date(timeIntervalSince1970: 1_638_439_200)    // 2021-12-02T10:00:00Z

    @Test(arguments: ["UTC", "America/New_York", "Asia/Tokyo", "Pacific/Kiritimati"])
    func aDayWithoutATimeIsThatDayAlone(zone: String) throws {
        let tz = try #require(TimeZone(identifier: zone))
        #expect(DateText.long(Self.dayOnly, timeZone: tz) == "Thu, 02 Dec 2021")
        #expect(DateText.short(Self.dayOnly, timeZone: tz) == "2021-12-02")
    }

    @Test func aTimedDateShowsItsTimeInTheZone() throws {
        #expect(DateText.long(Self.timed, timeZone: TimeZone(identifier: "UTC")!) == "Thu, 02 Dec 2021 10:00")
        #expect(DateText.long(Self.timed, timeZone: TimeZone(identifier: "America/New_York")!) == "Thu, 02 Dec 2021 05:00")
        #expect(DateText.short(Self.timed.addingTimeInterval(-25_200), timeZone: TimeZone(identifier: "America/New_York")!) == "2021-12-01")
        #expect(!DateText.isDayOnly(Self.timed))
        #expect(!DateText.isDayOnly(Self.dayOnly.addingTimeInterval(1)))
    }

    @Test func theReaderHeaderSaysTheDayAlone() {
        var headline = Fixture.headline(10)
        headline.published = Self.dayOnly
        let article = Article(headline: headline, link: "https://example.org/10", body: "<p>x</p>", contentType: .html)
        let lines = ReaderLayout.lines(headline: headline, article: article, document: article.document,
                                       width: 60, timeZone: TimeZone(identifier: "Europe/Paris")!).map(\.plainText)
        #expect(lines.contains("Date: Thu, 02 Dec 2021"))
    }
}
