import Foundation
import Testing

/// What a hostile feed or a signal can do to the user's terminal: nothing lasting.
@Suite(.serialized)
struct TerminalSafetyEndToEndTests {
    /// A JSON Feed (JSON may carry any control character) whose every field tries to drive the terminal.
    static let hostileFeed = #"""
    {"version": "https://jsonfeed.org/version/1.1",
     "title": "Evil \u001b]0;PWNED-TITLE\u0007 Feed \u001b[2J",
     "items": [
       {"id": "1", "title": "Click \u001b[31mRED\u001b[0m \u009b6n here \u202etxt.exe",
        "url": "https://example.org/\u001b]52;c;cGF5bG9hZA==\u0007",
        "date_published": "2024-01-02T10:00:00Z",
        "content_html": "<p>Body \u001b]0;PWNED-BODY\u0007 with \u001b[?1049l escape and \u0007 bell</p><pre>\u001bPq#0;2;0;0;0\u001b\\ sixel</pre>"},
       {"id": "2", "title": "Plain neighbour", "url": "https://example.org/2", "date_published": "2024-01-01T10:00:00Z",
        "content_html": "<p>ok</p>"}
     ]}
    """#

    @Test func hostileFeedTextCannotDriveTheTerminal() throws {
        let dir = try E2E.tempDir()
        let sources = dir.appendingPathComponent("sources")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        try Self.hostileFeed.write(to: sources.appendingPathComponent("evil.json"), atomically: true, encoding: .utf8)
        let binary = E2E.binary
        let cache = dir.appendingPathComponent("evil.sqlite").path
        let tmux = try Tmux("\(Tmux.quote(binary)) --cache \(Tmux.quote(cache)) --config /dev/null --sources \(Tmux.quote(sources.path))")
        defer { tmux.kill() }
        try tmux.waitFor(text: "Evil")
        try tmux.send("G", "Enter")
        try tmux.waitFor(text: "Plain neighbour")
        try tmux.send("g", "Enter")
        let screen = try tmux.waitFor(text: "Feed: ")
        #expect(screen.contains("Body"))
        #expect(screen.contains("sixel"))
        // The escape sequences were shown as harmless text or dropped, never obeyed:
        // the pane title is unchanged and the screen was not cleared or switched.
        let title = try Tmux.run(["-L", tmux.socket, "display-message", "-p", "-t", tmux.session, "#{pane_title}"])
        #expect(!title.contains("PWNED"))
        #expect(screen.contains("Tidings"))
        #expect(screen.contains("Plain neighbour"))
        try tmux.send("Q")
        try tmux.waitFor(text: "[exited 0]")
    }

    /// Under a job-control shell, as a user runs it: Ctrl-Z gives the prompt back, `fg` restores the screen.
    /// (Run straight from tmux, the pane's shell would be stopped too and tmux would continue it at once.)
    @Test func ctrlZSuspendsAndFgRestores() throws {
        let dir = try E2E.tempDir()
        let cache = dir.appendingPathComponent("tstp.sqlite").path
        let tmux = try Tmux("PS1='$ ' bash --norc --noprofile -i")
        defer { tmux.kill() }
        try tmux.waitFor(text: "$")
        try tmux.type(try E2E.readerCommand(cache: cache))
        try tmux.send("Enter")
        try tmux.waitFor(text: "All articles")
        try tmux.send("C-z")
        let stopped = try tmux.waitFor(text: "Stopped")
        #expect(!stopped.contains("All articles"))
        try tmux.type("fg")
        try tmux.send("Enter")
        try tmux.waitFor(text: "All articles")
        try tmux.send("j", "Enter")
        try tmux.waitFor(text: "Unread (")
        try tmux.send("Q")
        try tmux.waitFor("the reader to leave the screen") { !$0.contains("Tidings —") }
        try tmux.type("echo status=$?")
        try tmux.send("Enter")
        try tmux.waitFor(text: "status=0")
    }

    @Test func crashSignalRestoresTheTerminal() throws {
        let dir = try E2E.tempDir()
        let cache = dir.appendingPathComponent("segv.sqlite").path
        let tmux = try Tmux(try E2E.readerCommand(cache: cache))
        defer { tmux.kill() }
        try tmux.waitFor(text: "All articles")
        #expect(E2E.signalReader(cache: cache, "SEGV"))
        let screen = try tmux.waitFor(text: "[exited", timeout: 30)
        // Back on the normal screen with the cursor visible: the reader's screen is gone.
        #expect(!screen.contains("All articles"))
        let cursor = try Tmux.run(["-L", tmux.socket, "display-message", "-p", "-t", tmux.session, "#{cursor_flag} #{alternate_on}"])
        #expect(cursor.trimmingCharacters(in: .whitespacesAndNewlines) == "1 0")
    }
}
