import Foundation
import TidingsCore
import TidingsFetch

/// A web page fetched for the reader view: the same client, limits and manners as feeds
/// (User-Agent, no cookies, redirect rules, total deadline, size cap), asking for HTML.
public struct FetchedPage: Sendable {
    public var body: Data
    /// After redirects, without credentials: what relative links resolve against.
    public var url: String
    public var charset: String?
}

public enum PageFetcher {
    public static func fetch(_ link: String, client: HTTPClient, settings: RefreshSettings) async throws(RefreshError) -> FetchedPage {
        guard let url = URL(string: link), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw RefreshError("not a web address: \(Userinfo.censor(link))")
        }
        let response: HTTPResponse
        do {
            response = try await client.fetch(HTTPRequest(url: url, accept: HTTPRequest.pageAccept,
                                                          deadline: settings.timeout, maxBytes: settings.maxBytes))
        } catch {
            throw RefreshError(error.description)
        }
        guard (200...299).contains(response.status) else {
            throw RefreshError(HTTPSource.statusMessage(response.status))
        }
        guard !response.body.isEmpty else { throw RefreshError("the page is empty (HTTP \(response.status))") }
        return FetchedPage(body: response.body, url: response.url.absoluteString, charset: response.charset)
    }
}
