import Foundation
import Testing
@testable import TidingsFeeds

@Suite struct ExecSourceTests {
    @Test func capturesStdoutThroughTheShell() throws {
        let out = try ExecSource.run("printf '<rss/>'; printf 'x' >&2; echo done | tr a-z A-Z", timeout: 10, maxBytes: 1024)
        #expect(String(decoding: out, as: UTF8.self) == "<rss/>DONE\n")
    }

    @Test func nonZeroExitGivesTheStatusAndTheLastStderrLine() {
        #expect(throws: SourceError.failed(command: "echo first >&2; echo 'real reason' >&2; exit 3", status: 3, stderr: "real reason")) {
            try ExecSource.run("echo first >&2; echo 'real reason' >&2; exit 3", timeout: 10, maxBytes: 1024)
        }
    }

    @Test func missingCommandSaysSo() {
        do {
            _ = try ExecSource.run("tidings-no-such-command-xyz", timeout: 10, maxBytes: 1024)
            Issue.record("expected an error")
        } catch {
            guard case .failed(_, 127, let line?) = error else { Issue.record("unexpected \(error)"); return }
            #expect(line.contains("not found"))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func timeoutKillsTheWholeProcessGroup() throws {
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("tidings-exec-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: marker) }
        // A background child that would write the marker after the timeout must die with the group.
        let command = "(sleep 1.5; touch '\(marker.path)') & sleep 30"
        let start = Date()
        do {
            _ = try ExecSource.run(command, timeout: 0.5, maxBytes: 1024)
            Issue.record("expected a timeout")
        } catch {
            guard case .timedOut(_, 0.5) = error else { Issue.record("unexpected \(error)"); return }
            #expect(error.description.contains("within 0.5 s"))
        }
        #expect(Date().timeIntervalSince(start) < 5)
        Thread.sleep(forTimeInterval: 1.5)
        #expect(!FileManager.default.fileExists(atPath: marker.path))
    }

    @Test func backgroundChildHoldingStdoutCannotHangUs() {
        let start = Date()
        #expect(throws: SourceError.self) { try ExecSource.run("echo hi; sleep 30 &", timeout: 0.5, maxBytes: 1024) }
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func bigOutputIsCutOffWithAnError() {
        let start = Date()
        #expect(throws: SourceError.outputTooLarge(command: "yes tidings", limit: 100_000)) {
            try ExecSource.run("yes tidings", timeout: 10, maxBytes: 100_000)
        }
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func outputExactlyAtTheCapIsKept() throws {
        let out = try ExecSource.run("head -c 4096 /dev/zero", timeout: 10, maxBytes: 4096)
        #expect(out.count == 4096)
    }

    @Test func killedBySignalIsReported() {
        #expect(throws: SourceError.killed(command: "kill -TERM $$", signal: 15, stderr: nil)) {
            try ExecSource.run("kill -TERM $$", timeout: 10, maxBytes: 1024)
        }
    }

    @Test func emptyCommandIsRefused() {
        #expect(throws: SourceError.emptyCommand) { try ExecSource.run("  ", timeout: 1, maxBytes: 1) }
    }

    @Test func stdinIsEmptyForExec() throws {
        let out = try ExecSource.run("wc -c", timeout: 10, maxBytes: 100)
        #expect(String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }

    @Test func filterRewritesTheFeedFromStdin() throws {
        let feed = Data("<rss><channel><title>old</title></channel></rss>".utf8)
        let out = try ExecSource.filter("sed 's/old/new/'", input: feed, timeout: 10, maxBytes: 1024)
        #expect(String(decoding: out, as: UTF8.self) == "<rss><channel><title>new</title></channel></rss>")
    }

    @Test func filterWithLargeInputDoesNotDeadlock() throws {
        let feed = Data(repeating: UInt8(ascii: "a"), count: 3 * 1024 * 1024)
        let out = try ExecSource.filter("cat", input: feed, timeout: 20, maxBytes: 4 * 1024 * 1024)
        #expect(out == feed)
    }

    @Test func filterThatIgnoresItsInputStillWorks() throws {
        let feed = Data(repeating: UInt8(ascii: "a"), count: 2 * 1024 * 1024)
        let out = try ExecSource.filter("echo replaced", input: feed, timeout: 10, maxBytes: 1024)
        #expect(String(decoding: out, as: UTF8.self) == "replaced\n")
    }

    @Test func failingFilterReportsItsError() {
        #expect(throws: SourceError.failed(command: "cat >/dev/null; echo 'bad feed' >&2; exit 2", status: 2, stderr: "bad feed")) {
            try ExecSource.filter("cat >/dev/null; echo 'bad feed' >&2; exit 2", input: Data("x".utf8), timeout: 10, maxBytes: 1024)
        }
    }

    @Test func errorMessagesAreOneLine() {
        let errors: [SourceError] = [
            .emptyCommand, .couldNotStart(command: "x", reason: "No such file"), .timedOut(command: "x", seconds: 2.5),
            .outputTooLarge(command: "x", limit: 50 * 1024 * 1024), .failed(command: "x", status: 1, stderr: nil),
            .killed(command: "x", signal: 9, stderr: "oops"),
        ]
        for e in errors { #expect(!e.description.contains("\n") && e.description.hasSuffix(".")) }
        #expect(SourceError.outputTooLarge(command: "x", limit: 50 * 1024 * 1024).description.contains("50 MB"))
    }
}
