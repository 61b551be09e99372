import Foundation

/// nginx from Debian, started on loopback addresses with a config of our own, serving a folder:
/// the validators, 304s and gzip that real servers send, for the HTTP benchmark.
final class Nginx {
    let port: Int
    let hosts: [String]
    let folder: URL
    private let process: Process
    var accessLog: URL { folder.appendingPathComponent("access.log") }

    static func locate() -> String? {
        for path in ["/usr/sbin/nginx", "/usr/bin/nginx"] where access(path, X_OK) == 0 { return path }
        return nil
    }

    /// Serves `root` on `hosts` (e.g. 127.0.0.2…) at one free port; gzip on for feed types.
    init(binary: String, root: URL, hosts: [String], folder: URL) throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("tmp"), withIntermediateDirectories: true)
        self.folder = folder
        self.hosts = hosts
        let port = try Self.freePort(on: hosts[0])
        self.port = port
        let listens = hosts.map { "listen \($0):\(port);" }.joined(separator: "\n        ")
        let config = """
            \(getuid() == 0 ? "user root;" : "")
            worker_processes 1;
            pid \(folder.path)/nginx.pid;
            error_log \(folder.path)/error.log warn;
            events { worker_connections 4096; }
            http {
                types {
                    application/rss+xml rss; application/atom+xml atom; application/rdf+xml rdf;
                    application/feed+json json; application/xml xml;
                }
                default_type application/octet-stream;
                access_log \(folder.path)/access.log;
                client_body_temp_path \(folder.path)/tmp/body;
                proxy_temp_path \(folder.path)/tmp/proxy;
                fastcgi_temp_path \(folder.path)/tmp/fastcgi;
                uwsgi_temp_path \(folder.path)/tmp/uwsgi;
                scgi_temp_path \(folder.path)/tmp/scgi;
                sendfile on;
                keepalive_timeout 65;
                keepalive_requests 100000;
                gzip on;
                gzip_min_length 256;
                gzip_types application/rss+xml application/atom+xml application/rdf+xml application/feed+json application/xml;
                server {
                    \(listens)
                    root \(root.path);
                }
            }
            """
        let configFile = folder.appendingPathComponent("nginx.conf")
        try config.write(to: configFile, atomically: true, encoding: .utf8)
        process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["-p", folder.path, "-e", folder.appendingPathComponent("error.log").path,
                             "-c", configFile.path, "-g", "daemon off;"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try waitUntilListening()
    }

    func url(host index: Int, path: String) -> String { "http://\(hosts[index % hosts.count]):\(port)/\(path)" }

    /// Status codes in the access log from line `from` on.
    func statuses(from line: Int) -> [Int] {
        let text = (try? String(contentsOf: accessLog, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").dropFirst(line).compactMap { entry in
            // combined format: ... "GET /x HTTP/1.1" 304 0 "-" "agent"; the status follows the request's quote.
            guard let quote = entry.range(of: "\" ") else { return nil }
            return Int(entry[quote.upperBound...].prefix(3))
        }
    }

    var logLines: Int { ((try? String(contentsOf: accessLog, encoding: .utf8)) ?? "").split(separator: "\n").count }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    deinit { stop() }

    private func waitUntilListening() throws {
        for _ in 0..<200 {
            if Self.connects(hosts[0], port) { return }
            guard process.isRunning else { break }
            usleep(25_000)
        }
        let log = (try? String(contentsOf: folder.appendingPathComponent("error.log"), encoding: .utf8)) ?? ""
        throw BenchError.spawnFailed("nginx on \(hosts[0]):\(port): \(log.suffix(400))")
    }

    private static func connects(_ host: String, _ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, host, &addr.sin_addr)
        return withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    private static func freePort(on host: String) throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        inet_pton(AF_INET, host, &addr.sin_addr)
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &addr) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0 }
        }
        guard bound else { throw BenchError.spawnFailed("no free port on \(host)") }
        return Int(UInt16(bigEndian: addr.sin_port))
    }
}
