import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension HTTPClient {
    /// POSTs a JSON body (sync APIs such as tt-rss) with the same rules as `fetch`: no cookies, no
    /// cache, the total deadline, the size cap. Redirects are not followed (a POST must not be
    /// replayed elsewhere): a 3xx comes back as the answer. Any status is returned; the caller
    /// decides what it means.
    public func postJSON(_ url: URL, body: Data, deadline: TimeInterval = 60, maxBytes: Int = 64 << 20)
        async throws(FetchError) -> HTTPResponse {
        let (target, credentials) = URLCredentials.split(url)
        guard let scheme = target.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = target.host, !host.isEmpty else {
            throw .invalidURL(URLCredentials.censor(url.absoluteString))
        }
        var req = URLRequest(url: target, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: idleTimeout)
        req.httpMethod = "POST"
        req.httpShouldHandleCookies = false
        req.httpBody = body
        req.setValue(userAgent, forHTTPHeaderField: "User-Agent")
        req.setValue("application/json", forHTTPHeaderField: "Content-Type")
        req.setValue("application/json", forHTTPHeaderField: "Accept")
        req.setValue("gzip, deflate", forHTTPHeaderField: "Accept-Encoding")
        if let credentials { req.setValue(credentials.authorization, forHTTPHeaderField: "Authorization") }
        let seconds = Int(deadline.rounded())
        let transfer = Transfer(maxBytes: maxBytes, host: host, idleTimeout: idleTimeout)
        let task = session.dataTask(with: req)
        delegate.register(transfer, for: task)
        let timer = DispatchWorkItem { [weak task, weak transfer] in
            transfer?.fail(.timedOut(seconds: seconds))
            task?.cancel()
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + deadline, execute: timer)
        defer { timer.cancel() }
        do {
            let result = try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { continuation in
                    transfer.wait(continuation)
                    if Task.isCancelled { transfer.fail(.cancelled) }
                    task.resume()
                    if Task.isCancelled { task.cancel() }
                }
            } onCancel: {
                transfer.fail(.cancelled)
                task.cancel()
            }
            var headers: [String: String] = [:]
            for (key, value) in result.response.allHeaderFields {
                guard let name = key as? String else { continue }
                headers[name.lowercased()] = "\(value)"
            }
            return HTTPResponse(status: result.response.statusCode, url: target, headers: headers, body: result.body)
        } catch let error as FetchError {
            throw error
        } catch {
            throw Transfer.classify(error, host: host)
        }
    }
}
