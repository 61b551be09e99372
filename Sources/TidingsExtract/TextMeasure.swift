/// Whitespace and punctuation measures the scoring rules use.
enum TextMeasure {
    /// White space as JavaScript's `\s` knows it (no Unicode property lookup: this runs per character).
    @inline(__always)
    static func isSpace(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        switch v {
        case 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
        default: return false
        }
    }

    /// Counts what `normalize` would return, without building it; `pending` carries a space
    /// between text nodes and `started` says whether anything was counted yet.
    @inline(__always)
    static func countNormalized(_ s: String, count: inout Int, pending: inout Bool, started: inout Bool) {
        for u in s.unicodeScalars {
            if isSpace(u) {
                pending = true
            } else {
                if pending && started { count += 1 }
                pending = false
                started = true
                count += 1
            }
        }
    }

    /// Collapses whitespace runs to one space and trims both ends.
    static func normalize(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for u in s.unicodeScalars {
            if isSpace(u) {
                pendingSpace = true
            } else {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(u)
            }
        }
        return String(out)
    }

    /// Length as the scoring thresholds count it (Unicode scalars).
    static func length(_ s: String) -> Int { s.unicodeScalars.count }

    /// Commas in Latin, Arabic and CJK scripts: a sign of running prose.
    static func commas(_ s: String) -> Int {
        var n = 0
        for u in s.unicodeScalars {
            switch u.value {
            case 0x2C, 0x060C, 0xFE50, 0xFE10, 0xFE11, 0x2E41, 0x2E34, 0x2E32, 0xFF0C, 0x3001: n += 1
            default: break
            }
        }
        return n
    }

    static func wordCount(_ s: String) -> Int {
        s.split(whereSeparator: { $0.isWhitespace }).count
    }

    static func isBlank(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy(isSpace)
    }
}
