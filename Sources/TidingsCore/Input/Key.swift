/// A key press, decoded from the terminal into something the keymap can look up.
public enum Key: Hashable, Sendable {
    case char(Character)
    case ctrl(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, pageUp, pageDown, home, end
    case function(Int)

    /// The spelling used in the help screen and in config files (`j`, `Enter`, `^L`, `PgDn`).
    public var name: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "^" + String(c).uppercased()
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .function(let n): return "F\(n)"
        }
    }

    /// Parses a key spelling as `name` writes it; nil when it names no key.
    public init?(name: String) {
        let fixed: [String: Key] = [
            "Space": .char(" "), "Enter": .enter, "Esc": .escape, "Tab": .tab, "S-Tab": .backTab,
            "Backspace": .backspace, "Del": .delete, "Up": .up, "Down": .down, "Left": .left,
            "Right": .right, "PgUp": .pageUp, "PgDn": .pageDown, "Home": .home, "End": .end,
        ]
        if let key = fixed[name] { self = key; return }
        if name.count == 2, name.first == "^", let c = name.last { self = .ctrl(Character(c.lowercased())); return }
        if name.count == 1, let c = name.first { self = .char(c); return }
        if name.hasPrefix("F"), let n = Int(name.dropFirst()), (1...24).contains(n) { self = .function(n); return }
        return nil
    }
}
