import Foundation
import Testing
import TidingsStore
#if canImport(Glibc)
import Glibc
#endif

/// Debian's nginx started from a temporary config on a loopback port: validators and gzip from
/// a server people actually run, fetched by the real CLI binary.
@Suite(.enabled(if: Nginx.binary != nil, "nginx is not installed: `make test` installs nginx-light (apt)"))
struct NginxEndToEndTests {
    @Test func validatorsAreStoredVerbatimThen304AndGzipIsDecoded() async throws {
        let nginx = try Nginx()
        defer { nginx.stop() }
        let items = (1...40).map { "Story number \($0) about the harbour" }
        try nginx.serve("feed.xml", FeedText.rss("Nginx Harbor", items: items))
        let cli = try CLI()
        defer { cli.cleanUp() }
        let url = nginx.url("/feed.xml")

        let added = try await cli.run(["add", url])
        #expect(added.status == 0, "\(added.all)")
        #expect(added.stdout.contains("(40 new articles)"), "\(added.stdout)")
        var log = try nginx.waitForLog(lines: 1)
        #expect(log[0].status == 200)
        #expect(log[0].contentEncoding == "gzip", "nginx compressed it: \(log[0])")
        #expect(["", "-"].contains(log[0].ifNoneMatch) && ["", "-"].contains(log[0].ifModifiedSince), "\(log[0])")
        // Stored exactly as nginx sent them (the ETag of a gzipped answer is weak: W/"…").
        let store = try ArticleStore(path: cli.cache)
        let feedID = try #require(try store.feeds().first?.id)
        var state = try store.fetchState(feedID)
        #expect(state.etag == log[0].etag && state.etag?.hasPrefix("W/\"") == true, "\(String(describing: state.etag)) vs \(log[0])")
        #expect(state.lastModified == log[0].lastModified && state.lastModified?.hasSuffix(" GMT") == true)

        let again = try await cli.run(["refresh"])
        #expect(again.status == 0, "\(again.all)")
        #expect(again.stdout.contains("1 unchanged"), "\(again.stdout)")
        log = try nginx.waitForLog(lines: 2)
        #expect(log[1].status == 304, "\(log[1])")
        #expect(log[1].ifNoneMatch == log[0].etag)
        #expect(log[1].ifModifiedSince == log[0].lastModified)

        // A changed file: 200 again, new validators, new articles.
        try nginx.serve("feed.xml", FeedText.rss("Nginx Harbor", items: items + ["Late edition"]), age: 60)
        let changed = try await cli.run(["refresh", "--json"])
        #expect(changed.status == 0, "\(changed.all)")
        log = try nginx.waitForLog(lines: 3)
        #expect(log[2].status == 200)
        state = try store.fetchState(feedID)
        #expect(state.etag == log[2].etag && state.etag != log[0].etag)
        #expect(state.lastModified == log[2].lastModified)
        let outcome = try #require((try changed.json() as? [[String: Any]])?.first)
        #expect((outcome["new"] as? NSNumber)?.intValue == 1, "\(outcome)")
    }
}

/// One nginx master in the foreground, its prefix, config, logs and temp paths in a temporary folder.
final class Nginx {
    static let binary: String? = ["/usr/sbin/nginx", "/usr/bin/nginx"].first { FileManager.default.isExecutableFile(atPath: $0) }

    struct LogLine: CustomStringConvertible {
        var status: Int
        var ifNoneMatch: String
        var ifModifiedSince: String
        var etag: String
        var lastModified: String
        var contentEncoding: String
        var description: String { "\(status) inm=\(ifNoneMatch) ims=\(ifModifiedSince) etag=\(etag) lm=\(lastModified) ce=\(contentEncoding)" }
    }

    let directory: URL
    let host = "127.0.0.31"
    let port: UInt16
    private let process = Process()
    var www: URL { directory.appendingPathComponent("www") }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tidings-nginx-\(UUID().uuidString)")
        for sub in ["www", "logs", "tmp"] {
            try FileManager.default.createDirectory(at: directory.appendingPathComponent(sub), withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o755])
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
        port = try Self.freePort(host)
        let d = directory.path
        let config = """
            worker_processes 1;
            daemon off;
            pid \(d)/nginx.pid;
            error_log \(d)/logs/error.log;
            events { worker_connections 64; }
            http {
                log_format fetch escape=none '$status\\t$http_if_none_match\\t$http_if_modified_since\\t$sent_http_etag\\t$sent_http_last_modified\\t$sent_http_content_encoding';
                access_log \(d)/logs/access.log fetch;
                client_body_temp_path \(d)/tmp/body;
                proxy_temp_path \(d)/tmp/proxy;
                fastcgi_temp_path \(d)/tmp/fastcgi;
                uwsgi_temp_path \(d)/tmp/uwsgi;
                scgi_temp_path \(d)/tmp/scgi;
                types { application/rss+xml xml; text/html html; }
                default_type application/octet-stream;
                gzip on;
                gzip_min_length 1;
                gzip_types application/rss+xml application/atom+xml application/xml text/xml;
                server {
                    listen \(host):\(port);
                    root \(d)/www;
                }
            }
            """
        try config.write(toFile: "\(d)/nginx.conf", atomically: true, encoding: .utf8)
        process.executableURL = URL(fileURLWithPath: Self.binary!)
        process.arguments = ["-p", d, "-c", "\(d)/nginx.conf", "-e", "\(d)/logs/error.log"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        guard waitUntil(20, { Self.accepts(self.host, self.port) }) else {
            let errors = (try? String(contentsOfFile: "\(d)/logs/error.log", encoding: .utf8)) ?? ""
            stop()
            throw ServerError("nginx did not start on \(host):\(port): \(errors)")
        }
    }

    func url(_ path: String) -> String { "http://\(host):\(port)\(path)" }

    /// Writes a file to serve; `age` sets its modification time that many seconds later than now
    /// (so Last-Modified and the ETag change even within the same second).
    func serve(_ name: String, _ text: String, age: TimeInterval = 0) throws {
        let path = www.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644, .modificationDate: Date().addingTimeInterval(age)], ofItemAtPath: path)
    }

    func waitForLog(lines count: Int) throws -> [LogLine] {
        var lines: [LogLine] = []
        _ = waitUntil(20) {
            lines = self.log()
            return lines.count >= count
        }
        try #require(lines.count >= count, "access log has \(lines.count) lines, expected \(count)")
        return lines
    }

    private func log() -> [LogLine] {
        let text = (try? String(contentsOfFile: directory.appendingPathComponent("logs/access.log").path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 6, let status = Int(f[0]) else { return nil }
            return LogLine(status: status, ifNoneMatch: f[1], ifModifiedSince: f[2], etag: f[3], lastModified: f[4], contentEncoding: f[5])
        }
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// An ephemeral port the kernel just handed out on `host` (bound, read, closed).
    static func freePort(_ host: String) throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        inet_pton(AF_INET, host, &address.sin_addr)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard ok else { throw ServerError("no free port on \(host)") }
        return UInt16(bigEndian: address.sin_port)
    }

    static func accepts(_ host: String, _ port: UInt16) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, host, &address.sin_addr)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}
