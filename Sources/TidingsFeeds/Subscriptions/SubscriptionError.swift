/// Why a file could not be read as a subscription list at all; `description` is one actionable line.
public enum SubscriptionError: Error, Equatable, Sendable, CustomStringConvertible {
    case tooLarge(limit: Int)
    case binary
    case notOPML(root: String?)

    public var description: String {
        switch self {
        case .tooLarge(let limit):
            return "The file is larger than \(limit / 1024 / 1024) MB; a subscription list is much smaller, check that this is the right file."
        case .binary:
            return "The file is binary data, not an OPML file or a newsboat urls file."
        case .notOPML(let root?):
            return "The file is XML with a <\(root)> root, not an OPML subscription list (to follow a single feed, use `tidings add`)."
        case .notOPML(nil):
            return "The file starts like XML but has no <opml> element; it is not an OPML subscription list."
        }
    }
}
