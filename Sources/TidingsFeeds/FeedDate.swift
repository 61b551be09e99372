import Foundation

/// Parses the date spellings found in feeds: RFC 822/1123 and their sloppy variants,
/// RFC 3339/ISO 8601, `2021-12-02 10:00:00`, and `December 02, 2021`.
/// A hand-written scanner: no DateFormatter, no locale, no allocation per attempt.
public enum FeedDate {
    /// The instant `s` names, or nil when it is not a date this parser understands.
    /// A missing zone means UTC; the weekday is ignored (feeds often get it wrong).
    public static func parse(_ s: String) -> Date? {
        let bytes = Array(s.utf8.prefix(128))
        var i = 0
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        guard i < bytes.count else { return nil }
        if let d = parseISO(bytes, from: i) { return d }
        if i < bytes.count, isDigit(bytes[i]), digitRun(bytes, i) >= 7 { return nil }  // basic ISO that failed
        return parseWords(bytes, from: i)
    }

    // MARK: RFC 822 and word forms

    private enum Token {
        case number(Int, digits: Int), word(String), time(Int, Int, Double), offset(Int)
        case date(year: Int, yearDigits: Int, month: Int, day: Int)
    }

    private static func parseWords(_ b: [UInt8], from start: Int) -> Date? {
        var tokens: [Token] = []
        var sawTime = false
        var i = start
        while i < b.count {
            let c = b[i]
            if isDigit(c) {
                var j = i
                let n = digits(b, &j, min: 1, max: 4) ?? 0
                if j < b.count, b[j] == UInt8(ascii: ":") {
                    var k = j + 1
                    guard let m = digits(b, &k, min: 1, max: 2) else { return nil }
                    var sec = 0.0
                    if k < b.count, b[k] == UInt8(ascii: ":") {
                        k += 1
                        guard let s = digits(b, &k, min: 1, max: 2) else { return nil }
                        sec = Double(s)
                        if k < b.count, b[k] == UInt8(ascii: ".") {
                            k += 1
                            var scale = 0.1
                            while k < b.count, isDigit(b[k]) { sec += Double(b[k] - 48) * scale; scale /= 10; k += 1 }
                        }
                    }
                    tokens.append(.time(n, m, sec)); sawTime = true; i = k
                } else if j + 1 < b.count, b[j] == UInt8(ascii: ".") || b[j] == UInt8(ascii: "/"), isDigit(b[j + 1]) {
                    guard let t = group(b, &i, dateKnown: tokens.contains { if case .date = $0 { return true }; return false }
                                        || tokens.contains { if case .word(let w) = $0 { return monthIndex(w) != nil }; return false })
                    else { return nil }
                    if case .time = t { sawTime = true }
                    tokens.append(t)
                } else {
                    tokens.append(.number(n, digits: j - i)); i = j
                    while i < b.count, isDigit(b[i]) { i += 1 }
                }
            } else if c == UInt8(ascii: "+") || c == UInt8(ascii: "-"), sawTime {
                var j = i
                guard let off = numericOffset(b, &j) else { return nil }
                tokens.append(.offset(off)); i = j
            } else if c == UInt8(ascii: "(") {
                // RFC 822 comment, e.g. "+0100 (CET)" or "(Central European Standard Time)".
                while i < b.count, b[i] != UInt8(ascii: ")") { i += 1 }
                i += 1
            } else if isLetter(c) {
                var j = i
                while j < b.count, isLetter(b[j]) { j += 1 }
                tokens.append(.word(String(decoding: b[i..<j], as: UTF8.self).lowercased()))
                i = j
                // "GMT+0100" / "UTC-5"
                if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                    var k = i
                    if let off = numericOffset(b, &k, allowShortHours: true) { tokens.append(.offset(off)); i = k }
                }
            } else {
                i += 1
            }
        }
        var day: Int?, month: Int?, year: Int?, yearDigits = 0
        var hour = 0, minute = 0, second = 0.0
        var named: Int?, numeric: Int?
        var pm: Bool?
        var timeSeen = false
        for t in tokens {
            switch t {
            case .number(let n, let count):
                if day == nil, count <= 2, n >= 1, n <= 31, !(month == nil && year != nil) { day = n }
                else if year == nil { year = n; yearDigits = count }
                else { return nil }
            case .date(let y, let yd, let m, let d):
                guard day == nil, month == nil, year == nil else { return nil }
                year = y; yearDigits = yd; month = m; day = d
            case .word(let w):
                if let m = monthIndex(w) { if month != nil { return nil }; month = m }
                else if weekdays.contains(String(w.prefix(3))) { continue }
                else if w == "am" { pm = false }
                else if w == "pm" { pm = true }
                else if w == "at", timeSeen { named = named ?? -4 * 3600 }  // Atlantic time, not "on 2 Dec at 10:00"
                else if let off = zoneTable[w] { named = named ?? off }
                else if w == "at" || w == "of" || w == "th" || w == "st" || w == "nd" || w == "rd" || w == "etc" { continue }
                else if w.count == 1, w != "t" { continue }  // military zones: RFC 2822 says treat as UTC
                else { return nil }
            case .time(let h, let m, let s):
                hour = h; minute = m; second = s; timeSeen = true
            case .offset(let o):
                numeric = numeric ?? o
            }
        }
        guard let d = day, let m = month, var y = year else { return nil }
        if yearDigits <= 2 { y += y < 50 ? 2000 : 1900 }
        else if yearDigits == 3 { y += 1900 }
        if let pm { if hour == 12 { hour = 0 }; if pm { hour += 12 } }
        // A numeric offset is exact; a name beside it ("+0100 GMT", "-0500 EST") only repeats it.
        return make(year: y, month: m, day: d, hour: hour, minute: minute, second: second, offset: numeric ?? named ?? 0)
    }

    /// Digits joined by `.` or `/`: `2021.12.02`, `2006/09/15`, `02.12.2021` (day first, the
    /// European order), or `10.00.00` as a time once the date is known. `12/02/2021` is
    /// ambiguous between American and European order and is rejected.
    private static func group(_ b: [UInt8], _ i: inout Int, dateKnown: Bool) -> Token? {
        let sep = b[i + digitRun(b, i)]
        var parts: [(value: Int, digits: Int)] = []
        while parts.count < 3 {
            let n = digitRun(b, i)
            guard n >= 1, n <= 4 else { return nil }
            parts.append((number(b, i, n), n))
            i += n
            guard i + 1 < b.count, b[i] == sep, isDigit(b[i + 1]) else { break }
            i += 1
        }
        if dateKnown, sep == UInt8(ascii: "."), parts.count >= 2, parts.allSatisfy({ $0.digits <= 2 }) {
            return .time(parts[0].value, parts[1].value, parts.count == 3 ? Double(parts[2].value) : 0)
        }
        guard parts.count == 3 else { return nil }
        if parts[0].digits == 4, parts[1].digits <= 2, parts[2].digits <= 2 {
            return .date(year: parts[0].value, yearDigits: 4, month: parts[1].value, day: parts[2].value)
        }
        if sep == UInt8(ascii: "."), parts[0].digits <= 2, parts[1].digits <= 2, parts[2].digits == 4 || parts[2].digits == 2 {
            return .date(year: parts[2].value, yearDigits: parts[2].digits, month: parts[1].value, day: parts[0].value)
        }
        return nil
    }

    // MARK: pieces

    private static let weekdays: Set<String> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    /// Offsets in seconds east of UTC for the zone names RFC 822 allows, plus common extras.
    private static let zoneTable: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "wet": 0,
        "est": -5 * 3600, "edt": -4 * 3600, "cst": -6 * 3600, "cdt": -5 * 3600,
        "mst": -7 * 3600, "mdt": -6 * 3600, "pst": -8 * 3600, "pdt": -7 * 3600,
        "akst": -9 * 3600, "akdt": -8 * 3600, "hst": -10 * 3600,
        "bst": 3600, "cet": 3600, "cest": 2 * 3600, "eet": 2 * 3600, "eest": 3 * 3600,
        "ist": 19800, "jst": 9 * 3600, "aest": 10 * 3600, "aedt": 11 * 3600,
        // feedparser's extras: Disney's two-letter US zones and the German MET/MEST.
        "et": -5 * 3600, "ct": -6 * 3600, "mt": -7 * 3600, "pt": -8 * 3600,
        "ast": -4 * 3600, "adt": -3 * 3600, "nst": -12600, "ndt": -9000,
        "met": 3600, "mest": 2 * 3600, "mez": 3600, "mesz": 2 * 3600, "west": 3600,
        "msk": 3 * 3600, "hkt": 8 * 3600, "sgt": 8 * 3600, "kst": 9 * 3600, "awst": 8 * 3600,
        "acst": 34200, "acdt": 37800, "nzst": 12 * 3600, "nzdt": 13 * 3600,
    ]

    private static func monthIndex(_ w: String) -> Int? {
        guard w.count >= 3, let i = months.firstIndex(of: String(w.prefix(3))) else { return nil }
        // "march" ok, "mayday" not: accept the abbreviation, the full name, or "sept".
        let full = ["january", "february", "march", "april", "may", "june", "july", "august",
                    "september", "october", "november", "december"][i]
        return (w.count == 3 || w == full || w == "sept") ? i + 1 : nil
    }

    static func namedZone(_ b: [UInt8], _ i: inout Int) -> (Int, Int)? {
        var j = i
        while j < b.count, isLetter(b[j]) { j += 1 }
        guard j > i, let off = zoneTable[String(decoding: b[i..<j], as: UTF8.self).lowercased()] else { return nil }
        i = j
        return (off, j)
    }

    /// `+hhmm`, `+hh:mm`, `+hh` (and `+h` after a zone name).
    static func numericOffset(_ b: [UInt8], _ i: inout Int, allowShortHours: Bool = false) -> Int? {
        guard i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") else { return nil }
        let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
        var j = i + 1
        let start = j
        while j < b.count, isDigit(b[j]), j - start < 4 { j += 1 }
        let n = j - start
        var h = 0, m = 0
        func num(_ r: Range<Int>) -> Int { b[r].reduce(0) { $0 * 10 + Int($1 - 48) } }
        switch n {
        case 4: h = num(start..<start + 2); m = num(start + 2..<start + 4)
        case 3: h = num(start..<start + 1); m = num(start + 1..<start + 3)
        case 2:
            h = num(start..<start + 2)
            if j < b.count, b[j] == UInt8(ascii: ":") {
                var k = j + 1
                guard let mm = digits(b, &k, exactly: 2) else { return nil }
                m = mm; j = k
            }
        case 1 where allowShortHours: h = num(start..<start + 1)
        default: return nil
        }
        guard h <= 14, m < 60 else { return nil }
        i = j
        return sign * (h * 3600 + m * 60)
    }

    static func digits(_ b: [UInt8], _ i: inout Int, exactly n: Int) -> Int? {
        digits(b, &i, min: n, max: n)
    }

    static func digits(_ b: [UInt8], _ i: inout Int, min: Int, max: Int) -> Int? {
        var j = i, v = 0
        while j < b.count, j - i < max, isDigit(b[j]) { v = v * 10 + Int(b[j] - 48); j += 1 }
        guard j - i >= min else { return nil }
        if j < b.count, isDigit(b[j]) { return nil }
        i = j
        return v
    }

    static func eat(_ b: [UInt8], _ i: inout Int, _ c: UInt8) -> Bool {
        guard i < b.count, b[i] == c else { return false }
        i += 1
        return true
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 97 && (c | 0x20) <= 122 }

    static func make(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Double, offset: Int) -> Date? {
        guard (1..<10000).contains(year), (1...12).contains(month), day >= 1, day <= daysIn(month, year),
              (0...24).contains(hour), (0...59).contains(minute), second >= 0, second < 61 else { return nil }
        if hour == 24, minute != 0 || second != 0 { return nil }
        let days = daysFromCivil(year, month, day)
        let secs = Double(days * 86400 + hour * 3600 + minute * 60 - offset) + min(second, 59.999_999)
        return Date(timeIntervalSince1970: secs)
    }

    private static func daysIn(_ m: Int, _ y: Int) -> Int {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }
}
