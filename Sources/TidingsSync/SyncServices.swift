import TidingsCore
import TidingsFetch

/// The one place that knows which implementation speaks which `[sync] service`: a further API
/// (Google Reader, Miniflux, Fever) is a case here and a `SyncService` of its own, and neither
/// the store, the engine nor the reader changes.
public enum SyncServices {
    public static func make(_ settings: SyncConfig, password: String, client: HTTPClient,
                            deadline: Double) throws(SyncError) -> any SyncService {
        switch settings.service {
        case "ttrss":
            return try TTRSSService(url: settings.url, user: settings.user, password: password, client: client, deadline: deadline)
        default:
            throw .notConfigured("service \"\(settings.service)\" is not one Tidings can sync with (ttrss)")
        }
    }
}
