/// 64-bit FNV-1a over length-delimited optional fields: stable across processes (unlike `Hasher`),
/// so a stored hash tells whether a re-imported item changed without comparing bodies.
struct ContentHasher {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String?) {
        guard let text else {
            byte(0)
            return
        }
        byte(1)
        var count: UInt64 = 0
        var utf8 = text
        utf8.withUTF8 { bytes in
            var s = state
            for unit in bytes { s = (s ^ UInt64(unit)) &* 0x0000_0100_0000_01b3 }
            state = s
            count = UInt64(bytes.count)
        }
        for shift in stride(from: 0, to: 64, by: 8) { byte(UInt8(truncatingIfNeeded: count >> UInt64(shift))) }
    }

    mutating func add(_ number: Int64?) {
        add(number.map { String($0) })
    }

    var value: Int64 { Int64(bitPattern: state) }

    private mutating func byte(_ value: UInt8) {
        state = (state ^ UInt64(value)) &* 0x0000_0100_0000_01b3
    }
}
