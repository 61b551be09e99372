/// A question asked before something that cannot be undone with one key.
public enum Confirmation: Hashable, Sendable {
    case markAllRead

    /// The question, as the status bar shows it.
    public func question(unread: Int) -> String {
        switch self {
        case .markAllRead: return "Mark all \(unread) unread articles read? (y/n)"
        }
    }

    /// The same question for a narrow status bar, keeping the "(y/n)" that says how to answer.
    public func shortQuestion(unread: Int) -> String {
        switch self {
        case .markAllRead: return "Mark \(unread) read? (y/n)"
        }
    }
}
