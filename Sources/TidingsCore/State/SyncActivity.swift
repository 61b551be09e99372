/// A sync with the user's feed server running in the background, for the status bar.
public struct SyncActivity: Hashable, Sendable {
    /// The step it is at ("120 new articles"); empty until the first one is reported.
    public var step: String
    /// Set by `R`: the local-only feeds are refreshed once the sync ends, so one key brings both.
    public var refreshAfter: Bool
    public init(step: String = "", refreshAfter: Bool = false) { self.step = step; self.refreshAfter = refreshAfter }

    /// "Syncing… 120 new articles"
    public var text: String { step.isEmpty ? "Syncing…" : "Syncing… " + step }
}
