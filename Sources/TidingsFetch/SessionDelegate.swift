import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The session-wide delegate (Linux ignores per-task delegates): routes callbacks to the
/// `Transfer` of each task, and never lets URLSession follow a redirect on its own.
final class SessionDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private static let cancels = DispatchQueue(label: "tidings.fetch.cancel")
    private let lock = NSLock()
    private var transfers: [Int: Transfer] = [:]

    func register(_ transfer: Transfer, for task: URLSessionTask) {
        lock.lock()
        transfers[task.taskIdentifier] = transfer
        lock.unlock()
    }

    private func transfer(_ task: URLSessionTask, remove: Bool = false) -> Transfer? {
        lock.lock()
        defer { lock.unlock() }
        return remove ? transfers.removeValue(forKey: task.taskIdentifier) : transfers[task.taskIdentifier]
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        // The 3xx itself becomes the answer; HTTPClient resolves Location by RFC 3986 and checks it.
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        guard let http = response as? HTTPURLResponse, let transfer = transfer(dataTask) else {
            completionHandler(.cancel)
            return
        }
        if transfer.received(http) {
            completionHandler(.allow)
        } else {
            completionHandler(.cancel)
            Self.cancel(dataTask)
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        guard let transfer = transfer(dataTask) else { return }
        if !transfer.received(data), transfer.markCancelled() { Self.cancel(dataTask) }
    }

    /// `cancel()` waits for URLSession's work queue, which may itself be waiting for this delegate
    /// queue to make room (see `BoundedDelegateQueue`): cancel from elsewhere.
    /// One serial queue for every cancel: each waits for the shared work queue, and spread over
    /// the global pool they could tie up every thread the delegate queue needs to drain.
    static func cancel(_ task: URLSessionTask) {
        cancels.async { task.cancel() }
    }

    /// A 401 with `WWW-Authenticate`: URLSession looks for stored credentials (there are none,
    /// Tidings sends Basic auth itself) and, left to its default handling, never completes the
    /// task, so a wrong password read as a timeout. The 401 is the answer.
    func urlSession(_ session: URLSession, task: URLSessionTask, didReceive challenge: URLAuthenticationChallenge,
                    completionHandler: @escaping (URLSession.AuthChallengeDisposition, URLCredential?) -> Void) {
        transfer(task)?.answered(challenge.failureResponse as? HTTPURLResponse)
        completionHandler(.cancelAuthenticationChallenge, nil)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        transfer(task, remove: true)?.completed(error)
    }
}

/// The delegate queue. URLSession on Linux hands every chunk libcurl decodes to this queue without
/// waiting, so a gzip bomb inflates far faster than the size cap reads it: gigabytes queued up
/// (4.4 GB for a 26 MB bomb) before the cancel landed. Here libcurl's thread waits while `limit`
/// callbacks are pending, so memory stays bounded whatever the server sends.
/// Known limit: while the socket stays readable (a fast server), libcurl does not return to the
/// work queue, so the cancel only takes effect when the server pauses or stops sending.
final class BoundedDelegateQueue: OperationQueue, @unchecked Sendable {
    private let condition = NSCondition()
    private var pending = 0
    private let limit: Int

    init(limit: Int = 32) {
        self.limit = limit
        super.init()
        maxConcurrentOperationCount = 1
        name = "tidings.fetch.delegate"
    }

    override func addOperation(_ block: @escaping @Sendable () -> Void) {
        condition.lock()
        // Soft back-pressure: libcurl waits while the queue is full, but never longer than a
        // moment per chunk. The work queue it blocks is shared by every session in the process,
        // and when the threads that drain this queue are scarce, a hard wait stalled them all.
        let until = Date().addingTimeInterval(0.05)
        while pending >= limit, condition.wait(until: until) {}
        pending += 1
        condition.unlock()
        super.addOperation { [condition] in
            block()
            condition.lock()
            self.pending -= 1
            condition.signal()
            condition.unlock()
        }
    }
}
