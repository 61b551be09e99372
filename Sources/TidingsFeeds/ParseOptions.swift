/// Limits that keep a hostile source from using unbounded time or memory.
public struct ParseOptions: Sendable, Equatable {
    /// Inputs larger than this are refused before parsing.
    public var maxInputBytes: Int = 50 * 1024 * 1024
    /// Elements nested deeper than this are skipped (libxml2 also stops at 256).
    public var maxDepth: Int = 128
    /// Total decoded text (characters, CDATA, entity output) kept from one document.
    public var maxTextBytes: Int = 64 * 1024 * 1024
    /// Total characters that declared entities may expand to in one document.
    public var maxEntityExpansion: Int = 1024 * 1024
    /// Items beyond this count are dropped with a warning.
    public var maxItems: Int = 100_000

    /// Creates the default limits.
    public init() {}
}
