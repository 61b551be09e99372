import Foundation
import Testing
@testable import TidingsFetch

/// When a feed is fetched next: interval floor, server and feed hints, jitter, backoff, Retry-After.
@Suite struct FetchScheduleTests {
    let now = Date(timeIntervalSince1970: 1_700_000_000)
    let hour: TimeInterval = 3600

    /// Equal to a millisecond: the arithmetic is in floating point.
    private func same(_ a: TimeInterval, _ b: TimeInterval) -> Bool { abs(a - b) < 0.001 }

    private func delay(_ schedule: FetchSchedule, cache: TimeInterval? = nil, feed: TimeInterval? = nil, random: Double) -> TimeInterval {
        schedule.next(after: now, cache: CacheHints(freshFor: cache), feedHint: feed, random: random).timeIntervalSince(now)
    }

    @Test func intervalHasAFifteenMinuteFloor() {
        #expect(FetchSchedule(interval: 60).interval == 15 * 60)
        #expect(FetchSchedule(interval: 0).interval == 15 * 60)
        #expect(FetchSchedule(interval: -5).interval == 15 * 60)
        #expect(FetchSchedule(interval: 2 * hour).interval == 2 * hour)
        #expect(FetchSchedule().interval == hour)
        // The floor holds under the lowest jitter too: never sooner than 15 min × 0.9.
        #expect(delay(FetchSchedule(interval: 1), random: 0) >= 15 * 60 * 0.9)
    }

    @Test func jitterStaysWithinTenPercent() {
        let schedule = FetchSchedule()
        #expect(same(delay(schedule, random: 0), 0.9 * hour))
        #expect(same(delay(schedule, random: 1), 1.1 * hour))
        #expect(delay(schedule, random: 0.5) == hour)
        for _ in 0..<200 {
            let d = schedule.next(after: now, cache: CacheHints(), feedHint: nil).timeIntervalSince(now)
            #expect(d >= 0.9 * hour && d <= 1.1 * hour)
        }
    }

    @Test func theLargestHintWinsButNeverBeforeItSays() {
        let schedule = FetchSchedule()
        // A hint shorter than the interval changes nothing.
        #expect(delay(schedule, cache: 600, random: 0.5) == hour)
        // Longer hints win, and jitter never brings the fetch before the hint.
        #expect(delay(schedule, cache: 3 * hour, random: 0) == 3 * hour)
        #expect(same(delay(schedule, cache: 3 * hour, random: 1), 3.3 * hour))
        #expect(delay(schedule, feed: 2 * hour, random: 0) == 2 * hour)
        #expect(delay(schedule, cache: 2 * hour, feed: 5 * hour, random: 0) == 5 * hour)
        #expect(delay(schedule, cache: 5 * hour, feed: 2 * hour, random: 0) == 5 * hour)
    }

    @Test func hintsAreCappedAtADay() {
        let schedule = FetchSchedule()
        #expect(delay(schedule, cache: 30 * 24 * hour, random: 0) == 24 * hour)
        #expect(delay(schedule, feed: 7 * 24 * hour, random: 0) == 24 * hour)
        #expect(delay(schedule, feed: 7 * 24 * hour, random: 1) <= 24 * hour * 1.1 + 0.001)
        // The user's own interval is not a hint: a weekly interval stays weekly.
        #expect(delay(FetchSchedule(interval: 7 * 24 * hour), cache: 30 * 24 * hour, random: 0.5) == 7 * 24 * hour)
    }

    @Test func backoffDoublesPerFailureUpToADay() {
        let schedule = FetchSchedule()
        func backoff(_ failures: Int, _ random: Double = 0.5) -> TimeInterval {
            schedule.backoff(after: now, failures: failures, random: random).timeIntervalSince(now)
        }
        #expect(backoff(0) == hour)
        #expect(backoff(1) == hour)
        #expect(backoff(2) == 2 * hour)
        #expect(backoff(3) == 4 * hour)
        #expect(backoff(4) == 8 * hour)
        #expect(backoff(5) == 16 * hour)
        #expect(backoff(6) == 24 * hour)
        #expect(same(backoff(1, 0), 0.9 * hour) && same(backoff(1, 1), 1.1 * hour))
        // The cap holds whatever the jitter and however many failures (no overflow either).
        for failures in [6, 7, 20, 64, 1000, Int.max] {
            #expect(backoff(failures, 1) <= 24 * hour)
            #expect(backoff(failures, 0) >= 0.9 * 24 * hour)
        }
    }

    @Test func retryAfterIsObeyedExactlyUpToSevenDays() {
        let schedule = FetchSchedule()
        func wait(_ retryAfter: TimeInterval?, failures: Int = 1) -> TimeInterval {
            schedule.rateLimit(after: now, retryAfter: retryAfter, failures: failures).timeIntervalSince(now)
        }
        #expect(wait(120) == 120)
        #expect(wait(0) == 0)
        #expect(wait(3 * 24 * hour) == 3 * 24 * hour)
        #expect(wait(30 * 24 * hour) == 7 * 24 * hour)
        // Without a header: the error backoff (no jitter, so the host's feeds line up).
        #expect(wait(nil, failures: 1) == hour)
        #expect(wait(nil, failures: 3) == 4 * hour)
        #expect(wait(nil, failures: 50) == 24 * hour)
    }

    @Test func feedHintsFromTTLAndSyndicationModule() {
        #expect(FetchSchedule.feedHint(ttlMinutes: 60, updatePeriod: nil, updateFrequency: nil) == hour)
        #expect(FetchSchedule.feedHint(ttlMinutes: 0, updatePeriod: nil, updateFrequency: nil) == nil)
        #expect(FetchSchedule.feedHint(ttlMinutes: -10, updatePeriod: nil, updateFrequency: nil) == nil)
        #expect(FetchSchedule.feedHint(ttlMinutes: nil, updatePeriod: "hourly", updateFrequency: nil) == hour)
        #expect(FetchSchedule.feedHint(ttlMinutes: nil, updatePeriod: "hourly", updateFrequency: 2) == hour / 2)
        #expect(FetchSchedule.feedHint(ttlMinutes: nil, updatePeriod: " Daily ", updateFrequency: 4) == 6 * hour)
        #expect(FetchSchedule.feedHint(ttlMinutes: nil, updatePeriod: "weekly", updateFrequency: 0) == 7 * 24 * hour)
        #expect(FetchSchedule.feedHint(ttlMinutes: nil, updatePeriod: "monthly", updateFrequency: nil) == 30 * 24 * hour)
        #expect(FetchSchedule.feedHint(ttlMinutes: nil, updatePeriod: "yearly", updateFrequency: nil) == 365 * 24 * hour)
        #expect(FetchSchedule.feedHint(ttlMinutes: nil, updatePeriod: "fortnightly", updateFrequency: nil) == nil)
        // Both given: the larger.
        #expect(FetchSchedule.feedHint(ttlMinutes: 30, updatePeriod: "daily", updateFrequency: 1) == 24 * hour)
        #expect(FetchSchedule.feedHint(ttlMinutes: 600, updatePeriod: "hourly", updateFrequency: 1) == 10 * hour)
        #expect(FetchSchedule.feedHint(ttlMinutes: nil, updatePeriod: nil, updateFrequency: 3) == nil)
        // A weekly feed still gets looked at daily: the 24 h cap applies to feed hints too.
        let weekly = FetchSchedule.feedHint(ttlMinutes: nil, updatePeriod: "weekly", updateFrequency: 1)
        #expect(FetchSchedule().next(after: now, cache: CacheHints(), feedHint: weekly, random: 0).timeIntervalSince(now) == 24 * hour)
    }
}
