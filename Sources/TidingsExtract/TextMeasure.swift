/// Whitespace and punctuation measures the scoring rules use.
enum TextMeasure {
    static func isSpace(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x20, 0x09, 0x0A, 0x0C, 0x0D, 0xA0, 0x0B: return true
        default: return u.properties.isWhitespace
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
