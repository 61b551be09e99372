import Foundation

/// ISO 8601 / RFC 3339 / W3C-DTF: calendar, ordinal and week dates in extended (`2021-12-02`)
/// or basic (`20211202`) form, an optional time and zone. The whole string must be used (bar
/// trailing space or a `[Zone/Id]` suffix), so `2013-01-27-01` is not read as the 27th.
extension FeedDate {
    static func parseISO(_ b: [UInt8], from start: Int) -> Date? {
        var i = start
        guard let (year, month, day) = isoDate(b, &i) else { return nil }
        var hour = 0, minute = 0, second = 0.0, offset = 0
        if i < b.count, b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: "t") || b[i] == 0x20 {
            var j = i + 1
            while j < b.count, b[j] == 0x20 { j += 1 }
            // A date then space then nothing is still a date.
            if j == b.count, b[i] == 0x20 { i = j } else {
                guard let (h, m, s) = isoTime(b, &j) else { return nil }
                hour = h; minute = m; second = s; i = j
                guard let off = isoZone(b, &i) else { return nil }
                offset = off
            }
        }
        guard atEnd(b, &i) else { return nil }
        if !(1...12).contains(month) { return nil }
        return make(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset)
    }

    /// Year, month, day; ordinal and week dates are turned into a month and day here.
    private static func isoDate(_ b: [UInt8], _ i: inout Int) -> (Int, Int, Int)? {
        let n = digitRun(b, i)
        if n == 8 {  // basic calendar date
            defer { i += 8 }
            return (number(b, i, 4), number(b, i + 4, 2), number(b, i + 6, 2))
        }
        if n == 7 {  // basic ordinal date
            defer { i += 7 }
            return fromOrdinal(number(b, i, 4), number(b, i + 4, 3))
        }
        guard n == 4 else { return nil }
        let year = number(b, i, 4)
        i += 4
        if i < b.count, b[i] == UInt8(ascii: "W") { return week(b, &i, year: year, extended: false) }
        guard eat(b, &i, UInt8(ascii: "-")) else {
            // A year alone (W3C-DTF allows it) must be the whole string.
            var j = i
            return atEnd(b, &j) ? (year, 1, 1) : nil
        }
        if i < b.count, b[i] == UInt8(ascii: "W") { return week(b, &i, year: year, extended: true) }
        let m = digitRun(b, i)
        if m == 3, b[i] == UInt8(ascii: "0"), i + 3 < b.count, b[i + 3] == UInt8(ascii: "-") {
            // Google once wrote months with three digits: 2003-012-31.
            i += 1
        } else if m == 3 {
            defer { i += 3 }
            return fromOrdinal(year, number(b, i, 3))
        } else if m != 1, m != 2 {
            return nil
        }
        let mLen = digitRun(b, i)
        let month = number(b, i, mLen)
        i += mLen
        var day = 1
        if eat(b, &i, UInt8(ascii: "-")) {
            let d = digitRun(b, i)
            guard d == 1 || d == 2 else { return nil }
            day = number(b, i, d)
            i += d
        }
        return (year, month, day)
    }

    /// `Www[-]D` after the year (the `W` not yet eaten); the weekday defaults to Monday.
    private static func week(_ b: [UInt8], _ i: inout Int, year: Int, extended: Bool) -> (Int, Int, Int)? {
        i += 1
        guard digitRun(b, i) >= 2 else { return nil }
        let w = number(b, i, 2)
        i += 2
        var weekday = 1
        if extended ? eat(b, &i, UInt8(ascii: "-")) : i < b.count && isDigit(b[i]) {
            guard digitRun(b, i) == 1 else { return nil }
            weekday = number(b, i, 1)
            i += 1
        }
        guard (1...53).contains(w), (1...7).contains(weekday) else { return nil }
        // Week 1 holds January 4th; its Monday may fall in the previous year.
        let jan4 = daysFromCivil(year, 1, 4)
        let jan4Weekday = ((jan4 + 3) % 7 + 7) % 7 + 1  // 1970-01-01 was a Thursday
        let days = jan4 - (jan4Weekday - 1) + (w - 1) * 7 + (weekday - 1)
        if w == 53, weeksIn(year) < 53 { return nil }
        return civil(days)
    }

    private static func weeksIn(_ year: Int) -> Int {
        func p(_ y: Int) -> Int { (y + y / 4 - y / 100 + y / 400) % 7 }
        return p(year) == 4 || p(year - 1) == 3 ? 53 : 52
    }

    private static func fromOrdinal(_ year: Int, _ ordinal: Int) -> (Int, Int, Int)? {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        guard ordinal >= 1, ordinal <= (leap ? 366 : 365) else { return nil }
        return civil(daysFromCivil(year, 1, 1) + ordinal - 1)
    }

    /// `hh:mm[:ss[.fff]]` or basic `hhmm[ss[.fff]]`.
    private static func isoTime(_ b: [UInt8], _ i: inout Int) -> (Int, Int, Double)? {
        let n = digitRun(b, i)
        var hour = 0, minute = 0, second = 0.0
        if (n == 1 || n == 2), i + n < b.count, b[i + n] == UInt8(ascii: ":") {
            hour = number(b, i, n); i += n + 1
            guard digitRun(b, i) == 2 else { return nil }
            minute = number(b, i, 2); i += 2
            if eat(b, &i, UInt8(ascii: ":")) {
                guard digitRun(b, i) == 2 else { return nil }
                second = Double(number(b, i, 2)); i += 2
            }
        } else if n == 4 || n == 6 {
            hour = number(b, i, 2); minute = number(b, i + 2, 2)
            if n == 6 { second = Double(number(b, i + 4, 2)) }
            i += n
        } else {
            return nil
        }
        if i + 1 < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ","), isDigit(b[i + 1]) {
            i += 1
            var scale = 0.1
            while i < b.count, isDigit(b[i]) { second += Double(b[i] - 48) * scale; scale /= 10; i += 1 }
        }
        return (hour, minute, second)
    }

    /// Seconds east of UTC; 0 when there is no zone. An out-of-range numeric offset
    /// (`+99:00`) is ignored rather than failing the date: the day is still right.
    private static func isoZone(_ b: [UInt8], _ i: inout Int) -> Int? {
        while i < b.count, b[i] == 0x20 { i += 1 }
        guard i < b.count else { return 0 }
        if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
            if i + 1 == b.count || !isLetter(b[i + 1]) { i += 1; return 0 }
        }
        if let off = numericOffset(b, &i) { return off }
        if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            var j = i + 1
            while j < b.count, isDigit(b[j]) || b[j] == UInt8(ascii: ":") { j += 1 }
            guard j > i + 1 else { return nil }
            i = j
            return 0
        }
        if let (off, _) = namedZone(b, &i) { return off }
        return 0
    }

    /// Skips trailing space and a bracketed zone id (`[Europe/Paris]`); true at the end.
    static func atEnd(_ b: [UInt8], _ i: inout Int) -> Bool {
        while i < b.count, isSpace(b[i]) { i += 1 }
        if i < b.count, b[i] == UInt8(ascii: "["), let close = b[i...].firstIndex(of: UInt8(ascii: "]")) {
            i = close + 1
            while i < b.count, isSpace(b[i]) { i += 1 }
        }
        return i == b.count
    }

    static func digitRun(_ b: [UInt8], _ i: Int) -> Int {
        var j = i
        while j < b.count, isDigit(b[j]) { j += 1 }
        return j - i
    }

    static func number(_ b: [UInt8], _ i: Int, _ n: Int) -> Int {
        var v = 0
        for k in i..<i + n { v = v * 10 + Int(b[k] - 48) }
        return v
    }

    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }

    /// Year, month, day of a day count since 1970-01-01 (Howard Hinnant's algorithm).
    static func civil(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
