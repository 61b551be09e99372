import Foundation
import TidingsCore
import TidingsFeeds
import TidingsFetch
import TidingsStore

/// One http(s) feed: a conditional GET, what its answer means, and the parse.
enum HTTPSource {
    /// `gate`, when given, is acquired before parsing and left held for the caller to release
    /// once the result is written (`.document` only; every other outcome releases it here).
    static func prepare(_ feed: FeedInfo, state: FetchState, store: ArticleStore, client: HTTPClient, settings: RefreshSettings,
                        gate: ParseGate? = nil,
                        discover: Bool = false, now: Date = Date()) async -> Prepared {
        guard let url = URL(string: feed.source) else {
            let message = "not a valid URL: \(URLCredentials.censor(feed.source))"
            return .failed(message, record: state.failure(message, at: now, nextFetch: nil))
        }
        let request = HTTPRequest(url: url, etag: state.etag, lastModified: state.lastModified,
                                  deadline: settings.timeout, maxBytes: settings.maxBytes)
        let response: HTTPResponse
        do {
            response = try await client.fetch(request)
        } catch {
            if error == .cancelled { return .failed(error.description, record: nil) }
            return failure(error.description, state, settings, now, status: nil)
        }
        let status = response.status
        switch status {
        case 304:
            return .unchanged(record: success(response, state, settings, now, hash: state.contentHash, feedHint: nil))
        case 200...299 where status != 204 && status != 206:
            await gate?.acquire()
            let result = await parse(response, feed: feed, state: state, store: store, settings: settings, discover: discover, now: now,
                               original: url)
            if case .document = result {} else { await gate?.release() }
            return result
        case 410:
            var record = state.failure("the feed is gone (HTTP 410); it is no longer fetched", at: now, status: 410, nextFetch: nil)
            record.gone = true
            return .gone(record: record)
        case 429, 503:
            let retry = CacheHints.retryAfter(response.header("retry-after"), now: now)
            let until = settings.schedule.rateLimit(after: now, retryAfter: retry, failures: state.failures + 1)
            var record = FetchRecord(at: now, httpStatus: status, etag: state.etag, lastModified: state.lastModified,
                                     contentHash: state.contentHash, error: nil, failures: state.failures,
                                     nextFetch: until, gone: false, rateLimitedUntil: until)
            // Without Retry-After the wait is the error backoff, and the answer is an error the user sees.
            if retry == nil {
                record.failures += 1
                record.error = "\(Self.statusMessage(status)) without Retry-After; this host waits until \(Clock.short(until))"
            }
            return .rateLimited(until: until, record: record)
        default:
            return failure(Self.statusMessage(status), state, settings, now, status: status)
        }
    }

    /// A 2xx body: the same bytes as last time cost nothing more; a page is an error (or, for
    /// `add`, a list of the feeds it links to); anything else is parsed.
    private static func parse(_ response: HTTPResponse, feed: FeedInfo, state: FetchState, store: ArticleStore, settings: RefreshSettings,
                              discover: Bool, now: Date, original: URL) async -> Prepared {
        guard !response.body.isEmpty else {
            return failure("not a feed: the server answered HTTP \(response.status) with an empty body", state, settings, now,
                           status: response.status)
        }
        var hash = SourceHash()
        hash.add(response.body)
        hash.add(Data((feed.filter ?? "").utf8))
        let moved = response.movedPermanently ? movedSource(response.url, original: original) : nil
        if hash.value == state.contentHash && state.isHealthy && moved == nil {
            return .unchanged(record: success(response, state, settings, now, hash: hash.value, feedHint: nil))
        }
        let filter = feed.filter
        let baseURL = response.url
        let charset = response.charset
        let parsed: Result<FeedDocument, Error> = await Offload.run(lowPriority: settings.background) {
            Result { try FeedParser.parse(try Refresher.applyFilter(filter, response.body), baseURL: baseURL, encodingHint: charset) }
        }
        switch parsed {
        case .success(let doc):
            var record = success(response, state, settings, now, hash: hash.value, feedHint: FetchSchedule.feedHint(ttlMinutes: doc.feed.ttlMinutes, updatePeriod: doc.feed.updatePeriod,
                                                                     updateFrequency: doc.feed.updateFrequency))
            record.movedTo = moved
            var warnings = doc.warnings
            if let type = response.mediaType, !Self.feedLike(type) {
                warnings.insert("the server labels the feed \(type), not a feed type", at: 0)
            }
            let feedID = feed.id
            let prepared = await Offload.run(lowPriority: settings.background) { PreparedBox(store.prepare(doc, forFeed: feedID)) }
            return .document(prepared.value, record: record, warnings: warnings)
        case .failure(let error):
            if Autodiscovery.looksLikeHTML(response.body) {
                if discover {
                    let links = Autodiscovery.feeds(in: response.body, pageURL: response.url)
                    return .page(links.map { DiscoveredLink(url: $0.url.absoluteString, title: $0.title) })
                }
                return failure("not a feed: \(URLCredentials.censor(response.url.absoluteString)) is a web page (HTML); "
                               + "subscribe to its feed instead (`tidings add` finds it)", state, settings, now,
                               status: response.status)
            }
            return failure("not a feed: \(error)", state, settings, now, status: response.status)
        }
    }

    /// A good answer: the validators it carries replace the old ones, those it lacks are kept.
    private static func success(_ response: HTTPResponse, _ state: FetchState, _ settings: RefreshSettings, _ now: Date,
                                hash: Int64?, feedHint: TimeInterval?) -> FetchRecord {
        let hints = CacheHints(headers: response.headers, now: now)
        return FetchRecord(at: now, httpStatus: response.status, etag: response.header("etag") ?? state.etag,
                           lastModified: response.header("last-modified") ?? state.lastModified,
                           contentHash: hash, error: nil, failures: 0,
                           nextFetch: settings.schedule.next(after: now, cache: hints, feedHint: feedHint),
                           gone: false, rateLimitedUntil: nil)
    }

    private static func failure(_ message: String, _ state: FetchState, _ settings: RefreshSettings, _ now: Date,
                                status: Int?) -> Prepared {
        let next = settings.schedule.backoff(after: now, failures: state.failures + 1)
        var record = state.failure(message, at: now, status: status, nextFetch: next)
        record.httpStatus = status
        return .failed(message, record: record)
    }

    /// The new source after permanent redirects, with the user's credentials kept when the
    /// origin is the same (they are never carried to another host).
    private static func movedSource(_ final: URL, original: URL) -> String {
        let (_, credentials) = URLCredentials.split(original)
        guard let credentials, credentials.origin == URLCredentials.origin(of: final),
              var parts = URLComponents(url: final, resolvingAgainstBaseURL: false) else { return final.absoluteString }
        parts.user = credentials.user
        parts.password = credentials.password
        return parts.url?.absoluteString ?? final.absoluteString
    }

    static func feedLike(_ type: String) -> Bool {
        type.contains("xml") || type.contains("rss") || type.contains("atom") || type.contains("json")
    }

    static func statusMessage(_ status: Int) -> String {
        let reason = HTTPStatusText.reason(status)
        switch status {
        case 401: return "HTTP 401 \(reason): the feed needs a user name and password (https://user:password@host/…)"
        case 403: return "HTTP 403 \(reason): the server refuses to serve this feed"
        case 404: return "HTTP 404 \(reason): no feed at this URL any more; check the address"
        case 300...399: return "HTTP \(status) \(reason): a redirect Tidings cannot follow"
        case 429: return "HTTP 429 \(reason): the server asks for fewer requests"
        case 503: return "HTTP 503 \(reason): the server is overloaded or down for maintenance"
        case 500...599: return "HTTP \(status) \(reason): the server failed; it will be retried later"
        default: return "HTTP \(status) \(reason)"
        }
    }
}

/// Moves a sendable value across an offload hop without Swift seeing through it.
struct PreparedBox: @unchecked Sendable {
    var value: PreparedDocument
    init(_ value: PreparedDocument) { self.value = value }
}
