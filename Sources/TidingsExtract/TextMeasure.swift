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

    /// Collapses whitespace runs to one space and trims both ends (on UTF-8 bytes: this runs a lot).
    static func normalize(_ s: String) -> String {
        var s = s
        return s.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pending = false
            var i = 0
            let n = bytes.count
            while i < n {
                let spaceLength = spaceBytes(bytes, i)
                if spaceLength > 0 {
                    pending = true
                    i += spaceLength
                    continue
                }
                if pending && !out.isEmpty { out.append(0x20) }
                pending = false
                out.append(bytes[i])
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// How many bytes of white space start at `i` (0 when none): ASCII, NBSP and the Unicode spaces.
    @inline(__always)
    static func spaceBytes(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let c = b[i]
        if c < 0x80 { return c == 0x20 || (c >= 0x09 && c <= 0x0D) ? 1 : 0 }
        guard c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3 || c == 0xEF else { return 0 }
        let n = b.count
        if c == 0xC2 { return i + 1 < n && b[i + 1] == 0xA0 ? 2 : 0 }
        guard i + 2 < n else { return 0 }
        let d = b[i + 1], e = b[i + 2]
        switch c {
        case 0xE1: return d == 0x9A && e == 0x80 ? 3 : 0
        case 0xE2:
            if d == 0x80 && (e <= 0x8A || e == 0xA8 || e == 0xA9 || e == 0xAF) { return 3 }
            return d == 0x81 && e == 0x9F ? 3 : 0
        case 0xE3: return d == 0x80 && e == 0x80 ? 3 : 0
        default: return d == 0xBB && e == 0xBF ? 3 : 0
        }
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
