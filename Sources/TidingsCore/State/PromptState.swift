/// The search prompt: what has been typed, and the list to go back to on Esc.
public struct PromptState: Hashable, Sendable {
    public var text: String
    public var previous: HeadlineListState?
    public var previousFocus: Pane
    public init(text: String, previous: HeadlineListState?, previousFocus: Pane) {
        self.text = text; self.previous = previous; self.previousFocus = previousFocus
    }
}
