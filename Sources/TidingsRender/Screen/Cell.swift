/// One terminal cell: a grapheme cluster (empty for the right half of a wide glyph) and its role.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var role: Role
    public init(_ text: String = " ", role: Role = .empty) { self.text = text; self.role = role }
    /// The right half of a wide glyph: never drawn on its own.
    public var isContinuation: Bool { text.isEmpty }
}
