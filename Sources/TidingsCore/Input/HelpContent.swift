/// One row of the help overlay, generated from the command table and the keymap.
public struct HelpLine: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case heading, binding, blank }
    public var kind: Kind
    public var keys: String
    public var text: String
}

/// The help overlay's content: every command grouped, with the keys bound to it.
public enum HelpContent {
    public static func lines(keymap: Keymap) -> [HelpLine] {
        var out: [HelpLine] = []
        var groups: [String] = []
        for c in Command.allCases where !groups.contains(c.group) { groups.append(c.group) }
        for group in groups {
            if !out.isEmpty { out.append(HelpLine(kind: .blank, keys: "", text: "")) }
            out.append(HelpLine(kind: .heading, keys: "", text: group))
            for command in Command.allCases where command.group == group {
                let keys = keymap.keys(for: command)
                guard !keys.isEmpty else { continue }
                let spelled = keys.map { ctx, key in ctx == .global ? key.name : "\(key.name) (\(ctx.rawValue))" }
                out.append(HelpLine(kind: .binding, keys: spelled.joined(separator: " "), text: command.help))
            }
        }
        return out
    }
}
