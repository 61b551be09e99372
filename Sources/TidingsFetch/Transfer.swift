import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One request/response exchange (one hop): collects the body up to the cap and resumes the
/// waiting caller exactly once, whatever finishes first (completion, cap, deadline, cancel).
final class Transfer: @unchecked Sendable {
    struct Result: Sendable {
        var response: HTTPURLResponse
        var body: Data
    }

    private let lock = NSLock()
    private var continuation: CheckedContinuation<Result, Error>?
    private var response: HTTPURLResponse?
    private var body = Data()
    private var failure: FetchError?
    private let maxBytes: Int
    private let host: String
    private let idleTimeout: TimeInterval

    init(maxBytes: Int, host: String, idleTimeout: TimeInterval) {
        self.maxBytes = maxBytes
        self.host = host
        self.idleTimeout = idleTimeout
    }

    func wait(_ continuation: CheckedContinuation<Result, Error>) {
        lock.lock()
        self.continuation = continuation
        lock.unlock()
    }

    /// Headers arrived. Returns false to stop: the declared length is over the cap.
    func received(_ response: HTTPURLResponse) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        self.response = response
        if response.expectedContentLength > Int64(maxBytes) {
            failure = .tooLarge(limit: maxBytes)
            return false
        }
        return true
    }

    /// A chunk of the (decompressed) body. Returns false once the cap is passed.
    func received(_ data: Data) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if failure != nil { return false }
        if body.count + data.count > maxBytes {
            failure = .tooLarge(limit: maxBytes)
            body = Data()
            return false
        }
        body.append(data)
        return true
    }

    private var cancelRequested = false
    private var final = false

    /// The response is complete as it stands (an authentication challenge that is not answered):
    /// the cancel that follows ends the exchange with it instead of an error.
    func answered(_ response: HTTPURLResponse?) {
        lock.lock()
        if let response, self.response == nil { self.response = response }
        final = true
        lock.unlock()
    }

    /// True the first time only: the task needs one cancel, not one per chunk still arriving.
    func markCancelled() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if cancelRequested { return false }
        cancelRequested = true
        return true
    }

    /// Records why the task is about to be cancelled, so the completion reports that reason.
    func fail(_ error: FetchError) {
        lock.lock()
        if failure == nil { failure = error }
        lock.unlock()
    }

    func completed(_ error: Error?) {
        lock.lock()
        let waiting = continuation
        continuation = nil
        let outcome: Swift.Result<Result, Error>
        if let failure {
            outcome = .failure(failure)
        } else if final, let response {
            outcome = .success(Result(response: response, body: body))
        } else if let error {
            let classified = Self.classify(error, host: host)
            // URLSession's timer before any answer: the connection (or the server) never answered.
            if response == nil, case .transfer = classified, (error as NSError).code == NSURLErrorTimedOut {
                outcome = .failure(FetchError.noAnswer(host: host, seconds: Int(idleTimeout)))
            } else {
                outcome = .failure(classified)
            }
        } else if let response {
            outcome = .success(Result(response: response, body: body))
            body = Data()
        } else {
            outcome = .failure(FetchError.transfer("the server closed the connection without an answer"))
        }
        lock.unlock()
        waiting?.resume(with: outcome)
    }

    /// URLSession's errors in words a user can act on.
    static func classify(_ error: Error, host: String) -> FetchError {
        let ns = error as NSError
        guard ns.domain == NSURLErrorDomain else { return .transfer(ns.localizedDescription) }
        switch ns.code {
        case NSURLErrorCancelled: return .cancelled
        case NSURLErrorTimedOut: return .transfer("the server stopped sending")
        case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed: return .dns(host: host)
        case NSURLErrorCannotConnectToHost: return .connect(host: host, reason: "connection refused")
        case NSURLErrorNotConnectedToInternet: return .connect(host: host, reason: "no network")
        case NSURLErrorNetworkConnectionLost: return .transfer("the connection was reset before the answer was complete")
        case NSURLErrorSecureConnectionFailed, NSURLErrorServerCertificateUntrusted, NSURLErrorServerCertificateHasBadDate,
             NSURLErrorServerCertificateNotYetValid, NSURLErrorServerCertificateHasUnknownRoot,
             NSURLErrorClientCertificateRejected, NSURLErrorClientCertificateRequired:
            return .tls(host: host, reason: ns.localizedDescription)
        case NSURLErrorBadServerResponse, NSURLErrorCannotParseResponse, NSURLErrorCannotDecodeContentData,
             NSURLErrorCannotDecodeRawData:
            return .transfer("the answer was malformed or cut short")
        case NSURLErrorUnsupportedURL: return .redirectScheme("unsupported")
        default: return .transfer(ns.localizedDescription)
        }
    }
}
