import Foundation
import Testing

/// `tidings extract URL` fetches the page from a real web server, follows its redirect, and
/// resolves the article's links against the final URL.
@Suite struct ExtractURLEndToEndTests {
    @Test func aPageServedByNginxIsExtracted() throws {
        let site = try E2E.tempDir()
        let prose = (1...12).map { "Sentence \($0) about the harbour crane, the tides and the quay, as the council heard on Monday." }
            .joined(separator: " ")
        let page = """
            <!DOCTYPE html><html lang="en"><head><title>Crane returns to the harbour | Gazette</title>
            <meta name="author" content="Ines Okonkwo-Hale"></head><body>
            <nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <article><h1>Crane returns to the harbour</h1><p>\(prose)</p>
            <p>\(prose) See <a href="plans.html">the plans</a>.</p></article>
            <footer>© Gazette</footer></body></html>
            """
        try FileManager.default.createDirectory(at: site.appendingPathComponent("2026"), withIntermediateDirectories: true)
        try page.write(to: site.appendingPathComponent("2026/crane.html"), atomically: true, encoding: .utf8)
        let server = try NginxServer(root: site, server: "types { text/html html; } location = /old { return 301 /2026/crane.html; }")
        defer { server.stop() }

        let r = E2E.shell("\(Tmux.quote(E2E.binary)) extract --json \(server.url("old"))")
        #expect(r.status == 0, "\(r.output)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.output.utf8)) as? [String: Any])
        #expect(json["title"] as? String == "Crane returns to the harbour")
        #expect(json["byline"] as? String == "Ines Okonkwo-Hale")
        #expect((json["html"] as? String)?.contains("href=\"\(server.url("2026/plans.html"))\"") == true)
        #expect((json["text"] as? String)?.contains("Home") == false)
    }
}
