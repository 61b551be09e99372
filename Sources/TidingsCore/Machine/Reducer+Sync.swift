/// Sync with the user's feed server, in the background like a refresh: the server's articles and
/// states land in the cache, and the list reloads in place from there.
extension AppState {
    /// `R` (and `r` outside a single feed): with `[sync]`, one sync round and then the local-only
    /// feeds; without it, every feed.
    mutating func reloadEverything() -> [Effect] {
        guard syncEnabled else {
            if let running = refresh { message = StatusMessage("Already refreshing (\(running.done)/\(running.total)); wait for it to finish."); return [] }
            message = StatusMessage("Reloading every feed…")
            return [.refresh(nil)]
        }
        if sync != nil {
            // An automatic sync is already on its way: the local feeds follow it instead.
            sync?.refreshAfter = true
            message = StatusMessage("Already syncing; the local feeds are refreshed after it.")
            return []
        }
        message = StatusMessage("Syncing with the server…")
        return [.sync(refreshAfter: true)]
    }

    mutating func syncStarted(refreshAfter: Bool) {
        sync = SyncActivity(refreshAfter: refreshAfter || sync?.refreshAfter == true)
        // The progress line takes over from "Syncing with the server…"; an error stays until a key.
        if message?.isError == false { message = nil }
    }

    mutating func syncProgress(_ step: String) {
        sync = SyncActivity(step: step, refreshAfter: sync?.refreshAfter ?? false)
    }

    /// The end of a sync, whether it finished or failed: what it wrote is reloaded in place, and
    /// after `R` the local feeds are refreshed even if the server could not be reached.
    mutating func syncEnded(_ outcome: StatusMessage) -> [Effect] {
        let refreshAfter = sync?.refreshAfter ?? false
        sync = nil
        if !outcome.text.isEmpty { message = outcome }
        var effects = reduce(&self, .cacheChanged)
        if refreshAfter {
            syncReport = outcome.text.isEmpty ? nil : outcome
            effects.append(.refreshAfterSync)
        }
        return effects
    }
}
