/// What a line typed at the bottom of the screen is for.
public enum PromptKind: Hashable, Sendable {
    /// Search: results replace the list as you type.
    case search
    /// A file to save the article's text to.
    case saveTo
    /// A shell command to pipe the article's text into.
    case pipeTo

    /// What the status bar shows before the typed text.
    public var label: String {
        switch self {
        case .search: return "/"
        case .saveTo: return "Save to: "
        case .pipeTo: return "Pipe to: "
        }
    }
}

/// A prompt in the status bar: what has been typed, and the list to go back to on Esc.
public struct PromptState: Hashable, Sendable {
    public var kind: PromptKind
    public var text: String
    public var previous: HeadlineListState?
    public var previousFocus: Pane
    public init(kind: PromptKind = .search, text: String, previous: HeadlineListState?, previousFocus: Pane) {
        self.kind = kind; self.text = text; self.previous = previous; self.previousFocus = previousFocus
    }
}
