import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The one HTTP client: conditional GETs with a real User-Agent, no cookies, no cache, no
/// Referer, redirects followed by Tidings' own rules, a total deadline and a size cap.
public final class HTTPClient: @unchecked Sendable {
    let session: URLSession
    let delegate = SessionDelegate()
    let userAgent: String
    public let classifier: HostClassifier
    /// URLSession's own timer, which restarts with every chunk: it bounds the connection (no
    /// answer at all within it) and a server that stops sending; the total deadline is enforced
    /// here, see `fetch`.
    let idleTimeout: TimeInterval

    public init(version: String, classifier: HostClassifier = HostClassifier(), idleTimeout: TimeInterval = 10) {
        let config = URLSessionConfiguration.ephemeral
        config.httpShouldSetCookies = false
        config.httpCookieAcceptPolicy = .never
        config.httpCookieStorage = nil
        config.urlCache = nil
        config.urlCredentialStorage = nil
        config.requestCachePolicy = .reloadIgnoringLocalCacheData
        // The refresh scheduler already sends one request per host at a time; this keeps a
        // stray second request from opening another connection.
        config.httpMaximumConnectionsPerHost = 1
        config.timeoutIntervalForRequest = idleTimeout
        session = URLSession(configuration: config, delegate: delegate, delegateQueue: BoundedDelegateQueue())
        userAgent = UserAgent.string(version: version)
        self.classifier = classifier
        self.idleTimeout = idleTimeout
    }

    deinit { session.invalidateAndCancel() }

    /// Sends the request, following up to 10 redirects, and returns the first non-redirect answer
    /// (any status: the caller decides what 304, 410 or 429 mean).
    public func fetch(_ request: HTTPRequest) async throws(FetchError) -> HTTPResponse {
        let (start, credentials) = URLCredentials.split(request.url)
        guard let scheme = start.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = start.host, !host.isEmpty else {
            throw .invalidURL(URLCredentials.censor(request.url.absoluteString))
        }
        // A user who typed a private address meant it; only public → private hops are refused.
        let startedPrivate = classifier.isPrivate(host)
        let deadline = Date().addingTimeInterval(request.deadline)
        var url = start
        var hops: [RedirectHop] = []
        var visited: Set<String> = [start.absoluteString]
        while true {
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { throw .timedOut(seconds: Int(request.deadline.rounded())) }
            let result = try await exchange(url, request, credentials: credentials, within: remaining,
                                            deadlineSeconds: Int(request.deadline.rounded()))
            let status = result.response.statusCode
            let headers = Self.headers(result.response)
            guard Redirects.isRedirect(status) else {
                return HTTPResponse(status: status, url: url, headers: headers, body: result.body, hops: hops)
            }
            let next = try Redirects.next(from: url, location: headers["location"], status: status,
                                          startedPrivate: startedPrivate, classifier: classifier)
            hops.append(RedirectHop(status: status, from: url, to: next))
            guard hops.count <= Redirects.limit, visited.insert(next.absoluteString).inserted else {
                throw .tooManyRedirects(limit: Redirects.limit)
            }
            url = next
        }
    }

    /// One hop: a GET whose body is capped and whose time is bounded by what is left of the deadline.
    private func exchange(_ url: URL, _ request: HTTPRequest, credentials: URLCredentials?, within seconds: TimeInterval,
                          deadlineSeconds: Int) async throws(FetchError) -> Transfer.Result {
        var req = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: idleTimeout)
        req.httpMethod = "GET"
        req.httpShouldHandleCookies = false
        req.setValue(userAgent, forHTTPHeaderField: "User-Agent")
        req.setValue(request.accept, forHTTPHeaderField: "Accept")
        req.setValue("gzip, deflate", forHTTPHeaderField: "Accept-Encoding")
        if let etag = request.etag { req.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let lastModified = request.lastModified { req.setValue(lastModified, forHTTPHeaderField: "If-Modified-Since") }
        if let credentials, credentials.origin == URLCredentials.origin(of: url) {
            req.setValue(credentials.authorization, forHTTPHeaderField: "Authorization")
        }
        let transfer = Transfer(maxBytes: request.maxBytes, host: url.host ?? "", idleTimeout: idleTimeout)
        let task = session.dataTask(with: req)
        delegate.register(transfer, for: task)
        // Weak: a cancelled work item stays queued until its deadline, and must not keep a body alive that long.
        let timer = DispatchWorkItem { [weak task, weak transfer] in
            transfer?.fail(.timedOut(seconds: deadlineSeconds))
            if let task { SessionDelegate.cancel(task) }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: timer)
        defer { timer.cancel() }
        do {
            return try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { continuation in
                    transfer.wait(continuation)
                    if Task.isCancelled { transfer.fail(.cancelled) }
                    task.resume()
                    if Task.isCancelled { SessionDelegate.cancel(task) }
                }
            } onCancel: {
                transfer.fail(.cancelled)
                SessionDelegate.cancel(task)
            }
        } catch let error as FetchError {
            throw error
        } catch {
            throw Transfer.classify(error, host: url.host ?? "")
        }
    }

    private static func headers(_ response: HTTPURLResponse) -> [String: String] {
        var out: [String: String] = [:]
        for (key, value) in response.allHeaderFields {
            guard let name = key as? String else { continue }
            let text = "\(value)"
            let lower = name.lowercased()
            out[lower] = out[lower].map { $0 + ", " + text } ?? text
        }
        return out
    }
}
