import Foundation
import Testing
@testable import TidingsFetch

/// What a response says about when to ask again (RFC 9111 §4.2 and §5.3, RFC 9110 §10.2.3).
@Suite struct CacheHintsTests {
    let now = Date(timeIntervalSince1970: 1_700_000_000)

    private func hints(_ headers: [String: String]) -> TimeInterval? { CacheHints(headers: headers, now: now).freshFor }

    @Test func maxAgeMinusAge() {
        #expect(hints(["cache-control": "max-age=600"]) == 600)
        #expect(hints(["cache-control": "public, max-age=600", "age": "100"]) == 500)
        #expect(hints(["cache-control": "max-age=\"600\""]) == 600)
        #expect(hints(["cache-control": "MAX-AGE=60, must-revalidate"]) == 60)
        // An Age beyond max-age means already stale, never a negative wait.
        #expect(hints(["cache-control": "max-age=60", "age": "900"]) == 0)
        // A negative or unreadable max-age is no hint at all.
        #expect(hints(["cache-control": "max-age=-5"]) == nil)
        #expect(hints(["cache-control": "max-age=soon"]) == nil)
    }

    @Test func noCacheAndNoStoreMeanNoHint() {
        #expect(hints(["cache-control": "no-cache, max-age=600"]) == nil)
        #expect(hints(["cache-control": "max-age=600, no-store"]) == nil)
        #expect(hints(["cache-control": "no-cache", "expires": "Tue, 14 Nov 2023 23:13:20 GMT"]) == nil)
    }

    @Test func expiresCountsOnlyWithoutMaxAge() {
        let date = HTTPDate.format(now)
        let inAnHour = HTTPDate.format(now.addingTimeInterval(3600))
        #expect(hints(["expires": inAnHour, "date": date]) == 3600)
        #expect(hints(["expires": inAnHour]) == 3600)
        #expect(hints(["expires": inAnHour, "cache-control": "max-age=60"]) == 60)
        // Measured against the server's own clock when it sends one.
        let serverClock = HTTPDate.format(now.addingTimeInterval(-600))
        #expect(hints(["expires": inAnHour, "date": serverClock]) == 4200)
        // In the past: stale now.
        #expect(hints(["expires": HTTPDate.format(now.addingTimeInterval(-60))]) == 0)
    }

    @Test func invalidExpiresMeansAlreadyExpired() {
        #expect(hints(["expires": "0"]) == 0)
        #expect(hints(["expires": "-1"]) == 0)
        #expect(hints(["expires": "tomorrow-ish"]) == 0)
        #expect(hints([:]) == nil)
        #expect(hints(["cache-control": "public"]) == nil)
    }

    @Test func retryAfterSecondsAndHTTPDate() {
        #expect(CacheHints.retryAfter("120", now: now) == 120)
        #expect(CacheHints.retryAfter(" 120 ", now: now) == 120)
        #expect(CacheHints.retryAfter("0", now: now) == 0)
        #expect(CacheHints.retryAfter(HTTPDate.format(now.addingTimeInterval(300)), now: now) == 300)
        #expect(CacheHints.retryAfter("Tue, 14 Nov 2023 22:18:20 GMT", now: now) == 300)
        // A date already past: retry now, not a negative wait.
        #expect(CacheHints.retryAfter(HTTPDate.format(now.addingTimeInterval(-300)), now: now) == 0)
        #expect(CacheHints.retryAfter(nil, now: now) == nil)
        #expect(CacheHints.retryAfter("", now: now) == nil)
        #expect(CacheHints.retryAfter("soon", now: now) == nil)
        #expect(CacheHints.retryAfter("1.5", now: now) == nil)
    }
}
