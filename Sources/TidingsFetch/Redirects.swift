import Foundation

/// The redirect rules: RFC 3986 resolution of Location, http(s) only, no public-to-private hops.
/// URLSession on Linux resolves a relative Location as "/" + path, so Tidings follows redirects itself.
enum Redirects {
    static let limit = 10

    static func isRedirect(_ status: Int) -> Bool { [301, 302, 303, 307, 308].contains(status) }

    /// The next URL, or why it may not be followed.
    static func next(from current: URL, location: String?, status: Int, startedPrivate: Bool,
                     classifier: HostClassifier) throws(FetchError) -> URL {
        guard let location = location?.trimmingCharacters(in: .whitespaces), !location.isEmpty,
              let target = URL(string: location, relativeTo: current)?.absoluteURL ?? Self.lenient(location, current) else {
            throw .badRedirect(status: status)
        }
        let scheme = target.scheme?.lowercased() ?? ""
        guard scheme == "http" || scheme == "https" else { throw .redirectScheme(scheme.isEmpty ? "schemeless" : scheme) }
        guard let host = target.host, !host.isEmpty else { throw .badRedirect(status: status) }
        if !startedPrivate && classifier.isPrivate(host) { throw .redirectToPrivate(host: host) }
        return target
    }

    /// Servers send spaces and non-ASCII in Location; percent-encode what URL(string:) refuses.
    private static func lenient(_ location: String, _ base: URL) -> URL? {
        let allowed = CharacterSet.urlQueryAllowed.union(CharacterSet(charactersIn: "#%"))
        guard let escaped = location.addingPercentEncoding(withAllowedCharacters: allowed) else { return nil }
        return URL(string: escaped, relativeTo: base)?.absoluteURL
    }
}
