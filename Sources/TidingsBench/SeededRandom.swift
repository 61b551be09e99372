import TidingsCore

/// The corpus generator's randomness: seeded (SplitMix64), so every run writes byte-identical
/// corpora, which SystemRandomNumberGenerator would not.
typealias SeededRandom = SeededGenerator

extension SeededGenerator {
    /// True with probability `percent`/100.
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
