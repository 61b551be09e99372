/// Fits theme colors to what the terminal can show (`COLORS`: 8, 16, 256 or more).
extension ThemeColor {
    /// The palette index to use on a terminal with `colors` colors; -1 means the terminal default.
    public func paletteIndex(colors: Int) -> Int {
        switch self {
        case .default:
            return -1
        case .indexed(let i):
            if Int(i) < colors { return Int(i) }
            if i < 16 { return Int(i) - 8 }
            return Self.nearestBasic(to: Self.rgbOfPaletteEntry(Int(i)))
        case .rgb(let r, let g, let b):
            if colors >= 256 { return Self.nearest256(r, g, b) }
            return Self.nearestBasic(to: (Int(r), Int(g), Int(b)))
        }
    }

    /// xterm's 6x6x6 cube and gray ramp, whichever entry is closer.
    static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        let levels = [0, 95, 135, 175, 215, 255]
        func cubeIndex(_ v: UInt8) -> Int {
            var best = 0
            for (i, l) in levels.enumerated() where abs(l - Int(v)) < abs(levels[best] - Int(v)) { best = i }
            return best
        }
        let (ci, cj, ck) = (cubeIndex(r), cubeIndex(g), cubeIndex(b))
        let cube = 16 + 36 * ci + 6 * cj + ck
        let cubeRGB = (levels[ci], levels[cj], levels[ck])
        let avg = (Int(r) + Int(g) + Int(b)) / 3
        let grayStep = min(23, max(0, (avg - 8 + 5) / 10))
        let grayValue = 8 + grayStep * 10
        let gray = 232 + grayStep
        func dist(_ a: (Int, Int, Int)) -> Int {
            let dr = a.0 - Int(r), dg = a.1 - Int(g), db = a.2 - Int(b)
            return dr * dr + dg * dg + db * db
        }
        return dist((grayValue, grayValue, grayValue)) < dist(cubeRGB) ? gray : cube
    }

    static func rgbOfPaletteEntry(_ i: Int) -> (Int, Int, Int) {
        if i >= 232 { let v = 8 + (i - 232) * 10; return (v, v, v) }
        let levels = [0, 95, 135, 175, 215, 255]
        let n = i - 16
        return (levels[n / 36], levels[(n / 6) % 6], levels[n % 6])
    }

    /// The closest of the eight basic colors.
    static func nearestBasic(to c: (Int, Int, Int)) -> Int {
        let basic = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229)]
        var best = 0, bestDist = Int.max
        for (i, b) in basic.enumerated() {
            let d = (b.0 - c.0) * (b.0 - c.0) + (b.1 - c.1) * (b.1 - c.1) + (b.2 - c.2) * (b.2 - c.2)
            if d < bestDist { best = i; bestDist = d }
        }
        return best
    }
}
