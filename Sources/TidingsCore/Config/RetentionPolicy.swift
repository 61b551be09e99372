/// How long articles stay in the cache. A value of 0 means "no limit", as newsboat's
/// `max-items 0` and `keep-articles-days 0` do; nil means "not set here" (inherit).
public struct RetentionLimits: Hashable, Sendable {
    /// Newest articles kept per feed (starred ones are kept on top of these).
    public var maxArticles: Int?
    /// Articles dated more than this many days ago are removed.
    public var keepDays: Int?

    /// Limits as written; nil leaves a field to the global value.
    public init(maxArticles: Int? = nil, keepDays: Int? = nil) {
        self.maxArticles = maxArticles; self.keepDays = keepDays
    }

    /// Fields set here win; unset ones come from `fallback`.
    public func over(_ fallback: RetentionLimits) -> RetentionLimits {
        RetentionLimits(maxArticles: maxArticles ?? fallback.maxArticles, keepDays: keepDays ?? fallback.keepDays)
    }

    /// The limits that actually remove something (0 and nil drop out).
    public var effective: RetentionLimits {
        RetentionLimits(maxArticles: maxArticles.flatMap { $0 > 0 ? $0 : nil }, keepDays: keepDays.flatMap { $0 > 0 ? $0 : nil })
    }

    /// True when nothing would ever be removed.
    public var isUnlimited: Bool { effective == RetentionLimits() }
}

/// Global limits plus per-feed overrides keyed by what the user knows a feed by
/// (its source as given to `tidings add`, or its title).
public struct RetentionPolicy: Hashable, Sendable {
    /// `[retention]`: every feed's limits unless overridden.
    public var global: RetentionLimits
    /// `[retention."source or title"]`: one feed's overrides, keyed as the user wrote them.
    public var perFeed: [String: RetentionLimits]

    /// A policy from the global limits and the per-feed overrides.
    public init(global: RetentionLimits = RetentionLimits(), perFeed: [String: RetentionLimits] = [:]) {
        self.global = global; self.perFeed = perFeed
    }

    /// True when no feed could lose an article under this policy.
    public var isUnlimited: Bool { global.isUnlimited && perFeed.values.allSatisfy { $0.over(global).isUnlimited } }
}
