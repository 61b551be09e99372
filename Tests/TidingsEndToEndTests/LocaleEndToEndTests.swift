import Foundation
import Testing

/// With no LANG, LC_ALL or TERM at all (containers, cron, some ssh setups) the reader still shows
/// every character: the process falls back to C.UTF-8 and to an xterm terminal description.
@Suite(.serialized)
struct LocaleEndToEndTests {
    static let feed = """
        <rss version="2.0"><channel><title>Café “Kiosk”</title><link>http://example.com/</link>
        <item><title>Les cafés ouverts</title><link>http://example.com/1</link><pubDate>Thu, 02 Dec 2021 10:00:00 GMT</pubDate>
        <description>Un café à Paris — “ouvert”</description></item>
        <item><title>東京の天気</title><link>http://example.com/2</link><pubDate>Wed, 01 Dec 2021 10:00:00 GMT</pubDate><description>晴れ</description></item>
        <item><title>أمسية شعر</title><link>http://example.com/3</link><pubDate>Tue, 30 Nov 2021 10:00:00 GMT</pubDate><description>x</description></item>
        </channel></rss>
        """

    static func sources() throws -> (dir: URL, sources: URL) {
        let dir = try E2E.tempDir()
        let sources = dir.appendingPathComponent("sources")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        try Data(feed.utf8).write(to: sources.appendingPathComponent("cafe.rss"))
        return (dir, sources)
    }

    /// Nothing at all, then a terminal but no locale (the common container case).
    @Test(arguments: ["", "TERM=tmux-256color "])
    func theReaderShowsEveryCharacterWithAnEmptyEnvironment(_ environment: String) throws {
        let (dir, sources) = try Self.sources()
        defer { try? FileManager.default.removeItem(at: dir) }
        guard FileManager.default.isExecutableFile(atPath: E2E.binary) else { throw E2EError.noBinary(E2E.binary) }
        let cache = dir.appendingPathComponent("c.sqlite").path
        let command = "env -i \(environment)\(Tmux.quote(E2E.binary)) --cache \(Tmux.quote(cache)) --config /dev/null --sources \(Tmux.quote(sources.path))"
        let tmux = try Tmux(command, width: 100, height: 20)
        defer { tmux.kill() }
        var screen = try tmux.waitFor(text: "Café “Kiosk”")
        try tmux.send("Enter")
        screen = try tmux.waitFor(text: "All articles (3 unread")
        #expect(screen.contains("Les cafés ouverts"))
        #expect(screen.contains("東京の天気"))
        #expect(screen.contains("أمسية شعر"))
        // Wide characters keep their two columns: the rows' dates and feed names still line up.
        let rows = screen.split(separator: "\n").filter { $0.contains("Café “Kiosk”") && $0.contains("2021-1") }
        #expect(rows.count == 3)
        #expect(Set(rows.map { $0.range(of: "Café")!.lowerBound.utf16Offset(in: $0) }).count == 1)
        try tmux.send("Enter")
        screen = try tmux.waitFor(text: "Un café à Paris — “ouvert”")
        print("The reader started with an empty environment:\n\(screen)")
        try tmux.send("Q")
        try tmux.waitFor(text: "[exited 0]")
    }

    @Test func theCommandLinePrintsEveryCharacterWithAnEmptyEnvironment() throws {
        let (dir, sources) = try Self.sources()
        defer { try? FileManager.default.removeItem(at: dir) }
        guard FileManager.default.isExecutableFile(atPath: E2E.binary) else { throw E2EError.noBinary(E2E.binary) }
        let bin = Tmux.quote(E2E.binary)
        let cache = Tmux.quote(dir.appendingPathComponent("c.sqlite").path)
        let added = E2E.shell("env -i \(bin) add \(Tmux.quote(sources.appendingPathComponent("cafe.rss").path)) --cache \(cache)")
        #expect(added.status == 0, "\(added.output)")
        let list = E2E.shell("env -i \(bin) list --cache \(cache)")
        #expect(list.status == 0)
        #expect(list.output.contains("Les cafés ouverts") && list.output.contains("東京の天気") && list.output.contains("أمسية شعر"))
        let line = try #require(list.output.split(separator: "\n").first { $0.hasSuffix("Les cafés ouverts") })
        let id = try #require(line.split(separator: "\t").first)
        let show = E2E.shell("env -i \(bin) show \(id) --cache \(cache)")
        #expect(show.output.contains("Un café à Paris — “ouvert”"), "\(show.output)")
    }
}
