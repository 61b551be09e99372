/// The rule that reconciles one flag of one article between this machine and the server, given
/// the value last seen on the server (the base):
/// - the server unchanged since the base → the local mark, if any, is pushed;
/// - the server changed and no local mark → the server's value is taken;
/// - both changed and disagree → the preferred value wins (unread over read, starred over
///   unstarred: a spurious unread costs a keystroke, a lost one hides an article), counted as a conflict.
/// With no base yet (an article of a feed that used to be local, met on the server for the first
/// time) a local value different from the server's is treated as a local mark.
public enum ThreeWayMerge {
    public struct Decision: Equatable, Sendable {
        /// The value both sides hold after the sync.
        public var value: Bool
        /// True when the server must be told `value`.
        public var push: Bool
        public var conflict: Bool
        public init(value: Bool, push: Bool, conflict: Bool) { self.value = value; self.push = push; self.conflict = conflict }
    }

    /// `preferred` is the value that wins a conflict: false for read (unread wins), true for starred.
    public static func decide(base: Bool?, server: Bool, local: Bool, intent: Bool?, preferred: Bool) -> Decision {
        let mark = intent ?? (base == nil && local != server ? local : nil)
        guard let mark else {
            // No local mark: the server's value, changed or not.
            return Decision(value: server, push: false, conflict: false)
        }
        if base == nil || base == server {
            if base == nil, mark != server {
                // First meeting: both sides hold a value nobody saw the other make.
                return Decision(value: preferred, push: server != preferred, conflict: true)
            }
            return Decision(value: mark, push: mark != server, conflict: false)
        }
        // The server changed since the base.
        if mark == server { return Decision(value: server, push: false, conflict: false) }
        return Decision(value: preferred, push: server != preferred, conflict: true)
    }
}
