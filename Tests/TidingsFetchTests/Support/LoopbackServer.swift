import Foundation
#if canImport(Glibc)
import Glibc
#endif

// Shared by TidingsFetchTests and TidingsRefreshTests (the second holds a symlink to this file).

/// A byte-level HTTP/1.1 server for tests: POSIX sockets and one thread per connection, bound to
/// a 127.x address on an ephemeral port. Each test scripts the answers (including broken ones a
/// library server cannot produce) and reads back every request and how many ran at once.
/// It never binds outside loopback and stops by itself after `lifetime` seconds.
final class LoopbackServer: @unchecked Sendable {
    struct Header: Sendable, Equatable, CustomStringConvertible {
        var name: String
        var value: String
        init(_ name: String, _ value: String) { self.name = name; self.value = value }
        var description: String { "\(name): \(value)" }
    }

    /// One request as it arrived, headers in order, values exactly as sent (without the OWS around them).
    struct Request: Sendable, CustomStringConvertible {
        var method: String
        var target: String
        var headers: [Header]
        /// Which connection (numbered from 1 per server) carried it.
        var connection: Int
        var host: String

        var path: String { String(target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]) }
        func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name.lowercased() }?.value }
        func headers(named name: String) -> [String] { headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value) }
        var description: String { "\(method) \(target) [\(headers.map(\.description).joined(separator: "; "))]" }
    }

    /// What to answer, and how to misbehave while doing it.
    struct Reply: Sendable {
        enum Mode: Sendable {
            /// Content-Length added unless a header says otherwise; the connection stays open.
            case normal
            /// No Content-Length: the body ends when the connection closes.
            case closeDelimited
            /// Headers, then the body one byte every `every` seconds.
            case drip(every: TimeInterval)
            /// Reads the request and never answers (until the client hangs up or the server stops).
            case silent
            /// Headers and the first `bytes` of the body, then a TCP reset (SO_LINGER 0).
            case reset(afterBytes: Int)
            /// `Transfer-Encoding: chunked`, one chunk with the first half of the body, then a plain close.
            case truncatedChunked
            /// Headers and `body`, then `unit` `times` times, then close (a gzip bomb).
            case stream(unit: Data, times: Int)
            /// `body` is the whole response, status line and headers included.
            case raw
        }

        var status: Int
        var headers: [Header]
        var body: Data
        var mode: Mode = .normal
        /// Seconds to wait before answering (to hold a request in flight).
        var delay: TimeInterval = 0

        init(status: Int, headers: [Header] = [], body: Data = Data(), mode: Mode = .normal, delay: TimeInterval = 0) {
            self.status = status; self.headers = headers; self.body = body; self.mode = mode; self.delay = delay
        }

        static func ok(_ body: String, type: String = "application/rss+xml", headers: [Header] = [], delay: TimeInterval = 0) -> Reply {
            Reply(status: 200, headers: [Header("Content-Type", type)] + headers, body: Data(body.utf8), delay: delay)
        }

        static func status(_ code: Int, headers: [Header] = [], body: String = "") -> Reply {
            Reply(status: code, headers: headers, body: Data(body.utf8))
        }

        static func redirect(_ code: Int, to location: String) -> Reply {
            Reply(status: code, headers: [Header("Location", location)], body: Data("moved".utf8))
        }
    }

    /// Requests in flight at once, shared by several servers to see the overall concurrency.
    final class Gauge: @unchecked Sendable {
        private let lock = NSLock()
        private var current = 0
        private var peak = 0
        init() {}
        func enter() { lock.lock(); current += 1; peak = max(peak, current); lock.unlock() }
        func leave() { lock.lock(); current -= 1; lock.unlock() }
        var maximum: Int { lock.lock(); defer { lock.unlock() }; return peak }
    }

    let host: String
    private(set) var port: UInt16 = 0
    private let handler: @Sendable (Request) -> Reply
    private let lock = NSLock()
    private let expiry: Date
    private var stopped = false
    private var recorded: [Request] = []
    private var connections = 0
    private var open = 0
    private var peakOpen = 0
    private let inFlight = Gauge()
    private let shared: Gauge?
    private var finishedStreams = 0
    private var sentBytes = 0
    private var listener: Int32 = -1
    private var listenerGone = false
    private let listenerClosed = DispatchSemaphore(value: 0)

    /// Starts listening at once. `host` must be a 127.x address.
    init(host: String = "127.0.0.1", lifetime: TimeInterval = 120, gauge: Gauge? = nil,
         handler: @escaping @Sendable (Request) -> Reply) throws {
        precondition(host.hasPrefix("127."), "the test server only binds loopback addresses")
        self.host = host
        self.handler = handler
        self.expiry = Date().addingTimeInterval(lifetime)
        self.shared = gauge
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError("socket: errno \(errno)") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { close(fd); throw ServerError("bad address \(host)") }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 256) == 0 else { close(fd); throw ServerError("bind/listen \(host): errno \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        listener = fd
        let thread = Thread { [self] in acceptLoop(fd) }
        thread.name = "loopback-accept-\(host):\(port)"
        thread.start()
    }

    deinit { stop() }

    /// `http://host:port` + path.
    func url(_ path: String = "/") -> String { "http://\(host):\(port)\(path)" }

    /// Stops accepting at once (the port is closed on return) and closes every connection within about 50 ms.
    func stop() {
        lock.lock()
        stopped = true
        let wait = !listenerGone
        listenerGone = true
        lock.unlock()
        if wait { _ = listenerClosed.wait(timeout: .now() + 5) }
    }

    var requests: [Request] { lock.lock(); defer { lock.unlock() }; return recorded }
    func requests(_ path: String) -> [Request] { requests.filter { $0.path == path } }
    /// Connections accepted so far.
    var connectionCount: Int { lock.lock(); defer { lock.unlock() }; return connections }
    /// Connections open now.
    var openConnections: Int { lock.lock(); defer { lock.unlock() }; return open }
    /// The most connections open at the same time.
    var maxOpenConnections: Int { lock.lock(); defer { lock.unlock() }; return peakOpen }
    /// The most requests being answered at the same time.
    var maxInFlight: Int { inFlight.maximum }
    /// `.stream` replies sent to the end (a client that stops early leaves this at 0).
    var completedStreams: Int { lock.lock(); defer { lock.unlock() }; return finishedStreams }
    /// Body and header bytes written, over all connections.
    var bytesSent: Int { lock.lock(); defer { lock.unlock() }; return sentBytes }

    private var shouldStop: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped || Date() > expiry
    }

    private func acceptLoop(_ fd: Int32) {
        defer { close(fd); listenerClosed.signal() }
        while !shouldStop {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) > 0 else { continue }
            let client = accept(fd, nil, nil)
            guard client >= 0 else { continue }
            lock.lock()
            connections += 1
            open += 1
            peakOpen = max(peakOpen, open)
            let number = connections
            lock.unlock()
            let thread = Thread { [self] in
                serve(client, number: number)
                lock.lock()
                open -= 1
                lock.unlock()
            }
            thread.name = "loopback-conn-\(number)"
            thread.start()
        }
    }

    // MARK: One connection

    private func serve(_ fd: Int32, number: Int) {
        var closed = false
        defer { if !closed { close(fd) } }
        var buffer = Data()
        while !shouldStop {
            guard let request = readRequest(fd, number: number, buffer: &buffer) else { return }
            lock.lock()
            recorded.append(request)
            lock.unlock()
            inFlight.enter()
            shared?.enter()
            let reply = handler(request)
            if reply.delay > 0 { pause(reply.delay) }
            let keepOpen = answer(reply, fd: fd, closed: &closed)
            inFlight.leave()
            shared?.leave()
            let clientCloses = request.header("connection")?.lowercased().contains("close") ?? false
            if !keepOpen || closed || clientCloses { return }
        }
    }

    /// Reads up to the blank line; nil when the client hangs up or the server stops.
    private func readRequest(_ fd: Int32, number: Int, buffer: inout Data) -> Request? {
        let terminator = Data("\r\n\r\n".utf8)
        while buffer.range(of: terminator) == nil {
            guard let chunk = receive(fd), !chunk.isEmpty else { return nil }
            buffer.append(chunk)
            if buffer.count > 1 << 20 { return nil }
        }
        let end = buffer.range(of: terminator)!
        let head = String(decoding: buffer[buffer.startIndex..<end.lowerBound], as: UTF8.self)
        buffer = Data(buffer[end.upperBound...])
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        let headers = lines.compactMap { line -> Header? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
            return Header(String(line[..<colon]), value)
        }
        return Request(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers,
                       connection: number, host: host)
    }

    /// Waits for bytes in slices of 50 ms so a stop is noticed; nil or empty when the peer is gone.
    private func receive(_ fd: Int32) -> Data? {
        while !shouldStop {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 50)
            if ready < 0 && errno != EINTR { return nil }
            guard ready > 0 else { continue }
            var bytes = [UInt8](repeating: 0, count: 16384)
            let n = recv(fd, &bytes, bytes.count, 0)
            if n <= 0 { return nil }
            return Data(bytes[0..<n])
        }
        return nil
    }

    /// Writes everything or returns false (the peer went away).
    @discardableResult
    private func send(_ fd: Int32, _ data: Data) -> Bool {
        var offset = 0
        while offset < data.count {
            if shouldStop { return false }
            let n = data.withUnsafeBytes { raw in
                Glibc.send(fd, raw.baseAddress! + offset, data.count - offset, Int32(MSG_NOSIGNAL))
            }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            offset += n
            lock.lock()
            sentBytes += n
            lock.unlock()
        }
        return true
    }

    private func pause(_ seconds: TimeInterval) {
        let until = Date().addingTimeInterval(seconds)
        while Date() < until && !shouldStop { usleep(10_000) }
    }

    private func head(_ reply: Reply, extra: [Header]) -> Data {
        var text = "HTTP/1.1 \(reply.status) \(Self.reason(reply.status))\r\n"
        for header in reply.headers + extra { text += "\(header.name): \(header.value)\r\n" }
        return Data((text + "\r\n").utf8)
    }

    /// Sends the reply; returns whether the connection may carry another request.
    private func answer(_ reply: Reply, fd: Int32, closed: inout Bool) -> Bool {
        let names = Set(reply.headers.map { $0.name.lowercased() })
        switch reply.mode {
        case .normal:
            let bodiless = reply.status == 304 || reply.status == 204 || (100..<200).contains(reply.status)
            let length = names.contains("content-length") || bodiless ? [] : [Header("Content-Length", "\(reply.body.count)")]
            return send(fd, head(reply, extra: length) + (bodiless ? Data() : reply.body))
        case .closeDelimited:
            send(fd, head(reply, extra: [Header("Connection", "close")]) + reply.body)
            return false
        case .drip(let every):
            let length = names.contains("content-length") ? [] : [Header("Content-Length", "\(reply.body.count)")]
            guard send(fd, head(reply, extra: length)) else { return false }
            for byte in reply.body {
                pause(every)
                guard !shouldStop, send(fd, Data([byte])) else { return false }
            }
            return true
        case .silent:
            while let chunk = receive(fd), !chunk.isEmpty {}
            return false
        case .reset(let bytes):
            send(fd, head(reply, extra: names.contains("content-length") ? [] : [Header("Content-Length", "\(reply.body.count)")])
                 + reply.body.prefix(bytes))
            pause(0.2)
            var linger = linger(l_onoff: 1, l_linger: 0)
            setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<linger>.size))
            close(fd)
            closed = true
            return false
        case .truncatedChunked:
            let half = reply.body.prefix(reply.body.count / 2)
            send(fd, head(reply, extra: [Header("Transfer-Encoding", "chunked")])
                 + Data((String(half.count, radix: 16) + "\r\n").utf8) + half + Data("\r\n".utf8))
            pause(0.1)
            shutdown(fd, Int32(SHUT_WR))
            return false
        case .stream(let unit, let times):
            guard send(fd, head(reply, extra: [Header("Connection", "close")]) + reply.body) else { return false }
            for _ in 0..<times { guard send(fd, unit) else { return false } }
            lock.lock()
            finishedStreams += 1
            lock.unlock()
            return false
        case .raw:
            send(fd, reply.body)
            return false
        }
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 401: "Unauthorized"
        case 404: "Not Found"
        case 410: "Gone"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}

struct ServerError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Compressed bodies made here, byte by byte, so the server needs no zlib: a fixed-Huffman deflate
/// encoder (RFC 1951 §3.2.6) with gzip (RFC 1952) and zlib (RFC 1950) wrappers, and a gzip bomb
/// built from length-258 back-references.
enum Compression {
    private struct BitWriter {
        var bytes: [UInt8] = []
        private var accumulator: UInt32 = 0
        private var count = 0

        /// `n` bits of `value`, least significant first (header fields, extra bits).
        mutating func put(_ value: UInt32, _ n: Int) {
            accumulator |= value << UInt32(count)
            count += n
            while count >= 8 {
                bytes.append(UInt8(accumulator & 0xff))
                accumulator >>= 8
                count -= 8
            }
        }

        /// A Huffman code, most significant bit first.
        mutating func code(_ value: UInt32, _ n: Int) {
            var reversed: UInt32 = 0
            for i in 0..<n { reversed |= ((value >> UInt32(i)) & 1) << UInt32(n - 1 - i) }
            put(reversed, n)
        }

        mutating func literal(_ byte: UInt8) {
            if byte < 144 { code(0x30 + UInt32(byte), 8) } else { code(0x190 + UInt32(byte) - 144, 9) }
        }

        /// Length 258 (code 285), distance 1 (distance code 0): 258 copies of the previous byte.
        mutating func repeat258() { code(0xC0 + 5, 8); code(0, 5) }
        mutating func endOfBlock() { code(0, 7) }
        var isAligned: Bool { count == 0 }

        /// Pads the last byte with zero bits.
        mutating func flush() { if count > 0 { put(0, 8 - count) } }
    }

    /// One final fixed-Huffman block of literals.
    static func deflate(_ data: Data) -> Data {
        var w = BitWriter()
        w.put(1, 1)
        w.put(1, 2)
        for byte in data { w.literal(byte) }
        w.endOfBlock()
        w.flush()
        return Data(w.bytes)
    }

    static let gzipHeader = Data([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff])

    static func gzip(_ data: Data) -> Data {
        var out = gzipHeader + deflate(data)
        out.append(littleEndian: crc32(data))
        out.append(littleEndian: UInt32(truncatingIfNeeded: data.count))
        return out
    }

    /// The zlib format HTTP calls "deflate".
    static func zlib(_ data: Data) -> Data {
        var out = Data([0x78, 0x01]) + deflate(data)
        let adler = adler32(data)
        out.append(contentsOf: [UInt8(adler >> 24), UInt8((adler >> 16) & 0xff), UInt8((adler >> 8) & 0xff), UInt8(adler & 0xff)])
        return out
    }

    /// A gzip stream of zeros: `head` (gzip header and a first block), then `unit` as many times as
    /// wanted (each a non-final block of 2,065,548 zeros in 13,011 bytes). Never ends: the server
    /// streams it until the client hangs up, so a client without a cap would read gigabytes.
    static func gzipBomb() -> (head: Data, unit: Data, unitExpands: Int) {
        // Block bits: 3 (header) + 13 per reference + 7 (end) [+ 8 for the first literal]; with
        // 6 mod 8 references both blocks end on a byte boundary, so the unit repeats verbatim.
        var first = BitWriter()
        first.put(0, 1)
        first.put(1, 2)
        first.literal(0)
        for _ in 0..<6 { first.repeat258() }
        first.endOfBlock()
        precondition(first.isAligned)
        var unit = BitWriter()
        unit.put(0, 1)
        unit.put(1, 2)
        let references = 8 * 1000 + 6
        for _ in 0..<references { unit.repeat258() }
        unit.endOfBlock()
        precondition(unit.isAligned)
        return (gzipHeader + Data(first.bytes), Data(unit.bytes), references * 258)
    }

    static func crc32(_ data: Data) -> UInt32 {
        var table = [UInt32](repeating: 0, count: 256)
        for i in 0..<256 {
            var c = UInt32(i)
            for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            table[i] = c
        }
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data { crc = table[Int((crc ^ UInt32(byte)) & 0xff)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }

    static func adler32(_ data: Data) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data { a = (a + UInt32(byte)) % 65521; b = (b + a) % 65521 }
        return b << 16 | a
    }
}

private extension Data {
    mutating func append(littleEndian value: UInt32) {
        append(contentsOf: [UInt8(value & 0xff), UInt8((value >> 8) & 0xff), UInt8((value >> 16) & 0xff), UInt8(value >> 24)])
    }
}

/// Polls `condition` until it holds or `limit` seconds pass (generous: the machine may be loaded).
/// It sleeps with `Task.sleep`: blocking one of the few cooperative threads in a wait loop
/// starves the very requests the test is waiting for.
func eventually(_ limit: TimeInterval = 60, _ condition: () -> Bool) async -> Bool {
    let until = Date().addingTimeInterval(limit)
    while Date() < until {
        if condition() { return true }
        try? await Task.sleep(nanoseconds: 20_000_000)
    }
    return condition()
}

/// The same for the few places that must wait synchronously (outside async tests, briefly).
func waitUntil(_ limit: TimeInterval, _ condition: () -> Bool) -> Bool {
    let until = Date().addingTimeInterval(limit)
    while Date() < until {
        if condition() { return true }
        usleep(20_000)
    }
    return condition()
}
