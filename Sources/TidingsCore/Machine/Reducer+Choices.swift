/// Movement inside the overlay lists (the link list, the tag chooser).
extension AppState {
    /// Where a movement command takes the highlighted line of a list of `count`; nil for any other command.
    func movedChoice(_ selected: Int, count: Int, command: Command?) -> Int? {
        let page = max(1, size.height - 4)
        let target: Int
        switch command {
        case .down?: target = selected + 1
        case .up?: target = selected - 1
        case .pageDown?: target = selected + page
        case .pageUp?: target = selected - page
        case .top?: target = 0
        case .bottom?: target = count - 1
        default: return nil
        }
        return min(max(0, target), count - 1)
    }
}
