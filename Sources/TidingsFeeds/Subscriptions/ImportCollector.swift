/// Accumulates an import: drops duplicate sources and query names (noting where the first
/// one was) and stops taking entries past a cap so a hostile file cannot grow without bound.
struct ImportCollector {
    static let maxEntries = 100_000

    private(set) var result: SubscriptionImport
    private var seenSources: [String: ImportLocation] = [:]
    private var seenQueries: [String: ImportLocation] = [:]
    private var capNoted = false

    init(format: SubscriptionImport.Format) { result = SubscriptionImport(format: format) }

    mutating func setFormat(_ format: SubscriptionImport.Format) { result.format = format }

    mutating func add(_ subscription: Subscription, at location: ImportLocation, text: String) {
        guard roomLeft(at: location, text: text) else { return }
        if let first = seenSources[subscription.source] {
            skip(at: location, text: text, reason: "duplicate of \(first)")
            return
        }
        seenSources[subscription.source] = location
        result.subscriptions.append(subscription)
        result.locations.append(location)
    }

    mutating func add(_ query: SavedQuery, at location: ImportLocation, text: String) {
        guard roomLeft(at: location, text: text) else { return }
        if let first = seenQueries[query.name] {
            skip(at: location, text: text, reason: "a query with this name is already at \(first)")
            return
        }
        seenQueries[query.name] = location
        result.queries.append(query)
        result.queryLocations.append(location)
    }

    mutating func skip(at location: ImportLocation, text: String, reason: String) {
        guard result.skipped.count < Self.maxEntries else { return }
        result.skipped.append(ImportNote(location: location, text: text, reason: reason))
    }

    mutating func notUnderstood(at location: ImportLocation, text: String, reason: String) {
        guard result.notUnderstood.count < Self.maxEntries else { return }
        result.notUnderstood.append(ImportNote(location: location, text: text, reason: reason))
    }

    private mutating func roomLeft(at location: ImportLocation, text: String) -> Bool {
        if result.subscriptions.count + result.queries.count < Self.maxEntries { return true }
        if !capNoted {
            capNoted = true
            skip(at: location, text: text, reason: "more than \(Self.maxEntries) entries; this and the rest were not imported")
        }
        return false
    }
}

/// Keeps the first occurrence of each tag, in order, and drops empty ones.
func uniqueTags<S: Sequence>(_ tags: S) -> [String] where S.Element == String {
    var seen = Set<String>()
    return tags.filter { !$0.isEmpty && seen.insert($0).inserted }
}
