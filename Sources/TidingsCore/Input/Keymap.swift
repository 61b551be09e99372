/// Key → command maps per context; a key is looked up in the focused context first, then globally.
public struct Keymap: Hashable, Sendable {
    public private(set) var bindings: [KeyContext: [Key: Command]]

    /// The default newsboat-familiar, vim-friendly bindings from the command table.
    public static let standard: Keymap = {
        var map = Keymap(bindings: [:])
        for command in Command.allCases {
            for (context, key) in command.defaultBindings { map.bind(key, to: command, in: context) }
        }
        return map
    }()

    public init(bindings: [KeyContext: [Key: Command]]) { self.bindings = bindings }

    /// Binds `key` in `context`, replacing what it did there.
    public mutating func bind(_ key: Key, to command: Command, in context: KeyContext) {
        bindings[context, default: [:]][key] = command
    }

    /// Removes a binding from `context`.
    public mutating func unbind(_ key: Key, in context: KeyContext) {
        bindings[context]?[key] = nil
    }

    /// The command a key runs in `context`, falling back to the global map.
    public func command(for key: Key, in context: KeyContext) -> Command? {
        if context != .global, let command = bindings[context]?[key] { return command }
        return bindings[.global]?[key]
    }

    /// Keys bound to a command, for the help overlay: global ones first, in a stable order.
    public func keys(for command: Command) -> [(KeyContext, Key)] {
        var out: [(KeyContext, Key)] = []
        for context in KeyContext.allCases {
            let keys = (bindings[context] ?? [:]).filter { $0.value == command }.map(\.key)
            let ordered = command.defaultBindings.filter { $0.0 == context }.map(\.1).filter(keys.contains)
                + keys.filter { k in !command.defaultBindings.contains { $0.0 == context && $0.1 == k } }
                    .sorted { $0.name < $1.name }
            out += ordered.map { (context, $0) }
        }
        return out
    }
}
