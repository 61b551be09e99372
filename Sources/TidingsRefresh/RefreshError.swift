/// A source that could not be read, in one line a user can act on.
public struct RefreshError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ message: String) { description = message }
}
