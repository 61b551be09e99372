import Foundation

/// Dates as whole Unix seconds. Feed dates are hostile: NaN, infinities and years past 9999
/// are clamped or dropped here instead of trapping in `Int64(_:)`.
enum UnixTime {
    private static let earliest: Double = -62_135_596_800  // 0001-01-01
    private static let latest: Double = 253_402_300_799    // 9999-12-31T23:59:59

    static func seconds(_ date: Date?) -> Int64? {
        guard let interval = date?.timeIntervalSince1970, interval.isFinite else { return nil }
        return Int64(min(max(interval, earliest), latest).rounded(.down))
    }

    static func date(_ seconds: Int64?) -> Date? {
        seconds.map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }
}
