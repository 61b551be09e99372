import Foundation

/// Fixed-width date spellings for the list and the reader, in a given time zone.
///
/// A date given as a day without a time of day (`2021-12-02`, `Thu, 02 Dec 2021`: the Markdown
/// folder format, many RDF feeds) is read as midnight UTC of that day. Exactly midnight UTC is
/// therefore shown as that day alone, in every time zone: `Thu, 02 Dec 2021`, not
/// `Thu, 02 Dec 2021 00:00`, nor the evening before west of Greenwich.
public enum DateText {
    private static let utc = TimeZone(identifier: "UTC")!

    /// True for a day without a time of day (midnight UTC; see above).
    public static func isDayOnly(_ date: Date) -> Bool {
        date.timeIntervalSince1970.truncatingRemainder(dividingBy: 86_400) == 0
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    private static func parts(_ date: Date, _ tz: TimeZone) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = tz
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: date)
    }

    /// `19:40`, or `Dec 07 19:40` when not today: when a feed is tried again.
    public static func clock(_ date: Date, timeZone: TimeZone, now: Date = Date()) -> String {
        let p = parts(date, timeZone)
        let today = parts(now, timeZone)
        let time = String(format: "%02d:%02d", p.hour ?? 0, p.minute ?? 0)
        guard p.year != today.year || p.month != today.month || p.day != today.day else { return time }
        return months[((p.month ?? 1) - 1 + 12) % 12] + " " + String(format: "%02d", p.day ?? 0) + " " + time
    }

    /// `2021-12-02`: ten columns, for the headline list.
    public static func short(_ date: Date, timeZone: TimeZone) -> String {
        let p = parts(date, isDayOnly(date) ? utc : timeZone)
        return String(format: "%04d-%02d-%02d", p.year ?? 0, p.month ?? 0, p.day ?? 0)
    }

    /// `Thu, 02 Dec 2021 10:00`, or `Thu, 02 Dec 2021` for a day without a time: for the reader header.
    public static func long(_ date: Date, timeZone: TimeZone) -> String {
        let dayOnly = isDayOnly(date)
        let p = parts(date, dayOnly ? utc : timeZone)
        let wd = weekdays[((p.weekday ?? 1) - 1 + 7) % 7]
        let mo = months[((p.month ?? 1) - 1 + 12) % 12]
        let day = "\(wd), " + String(format: "%02d", p.day ?? 0) + " \(mo) " + String(format: "%04d", p.year ?? 0)
        return dayOnly ? day : day + String(format: " %02d:%02d", p.hour ?? 0, p.minute ?? 0)
    }
}
