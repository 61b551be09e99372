/// Why a source could not be turned into a feed document; `description` is one line a user can act on.
public enum FeedParseError: Error, Equatable, CustomStringConvertible, Sendable {
    case empty
    case tooLarge(limit: Int)
    case notAFeed(String)
    case malformed(String)
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .empty:
            return "The source is empty: the server or file returned no data."
        case .tooLarge(let limit):
            let size = limit >= 1024 * 1024 ? "\(limit / 1024 / 1024) MB" : "\(limit) bytes"
            return "The source is larger than the \(size) limit; it was not parsed."
        case .notAFeed(let what):
            return "This is not a feed (\(what)); check that the URL points at an RSS, Atom or JSON feed."
        case .malformed(let what):
            return "The feed is too broken to read: \(what)."
        case .unreadable(let path, let reason):
            return "Cannot read \(path): \(reason)."
        }
    }
}
