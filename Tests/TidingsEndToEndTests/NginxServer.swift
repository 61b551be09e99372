import Foundation

/// Debian's nginx on a loopback port with a config written for one test, stopped when done.
final class NginxServer {
    let port: Int
    let folder: URL
    private let pid: Int32

    /// `server` is the body of the server block (locations); `root` is served.
    init(root: URL, server: String) throws {
        guard let binary = ["/usr/sbin/nginx", "/usr/bin/nginx"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw E2EError.noBinary("nginx (make test installs nginx-light)")
        }
        folder = try E2E.tempDir()
        port = Int.random(in: 20_000...60_000)
        let config = """
            \(getuid() == 0 ? "user root;" : "")
            worker_processes 1;
            pid \(folder.path)/nginx.pid;
            error_log \(folder.path)/error.log;
            events { worker_connections 64; }
            http {
                types { application/rss+xml rss; }
                access_log \(folder.path)/access.log;
                client_body_temp_path \(folder.path)/body;
                proxy_temp_path \(folder.path)/proxy;
                fastcgi_temp_path \(folder.path)/fastcgi;
                uwsgi_temp_path \(folder.path)/uwsgi;
                scgi_temp_path \(folder.path)/scgi;
                server {
                    listen 127.0.0.1:\(port);
                    root \(root.path);
                    \(server)
                }
            }
            """
        try config.write(to: folder.appendingPathComponent("nginx.conf"), atomically: true, encoding: .utf8)
        let started = E2E.shell("\(binary) -p \(Tmux.quote(folder.path)) -e \(Tmux.quote(folder.path + "/error.log")) -c \(Tmux.quote(folder.path + "/nginx.conf"))")
        guard started.status == 0 else { throw E2EError.tmuxFailed("nginx: \(started.output)") }
        var found: Int32 = 0
        for _ in 0..<100 {
            if let text = try? String(contentsOf: folder.appendingPathComponent("nginx.pid"), encoding: .utf8),
               let value = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) { found = value; break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        pid = found
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)/\(path)" }

    func stop() {
        if pid > 0 { kill(pid, SIGTERM) }
    }

    deinit { stop() }
}
