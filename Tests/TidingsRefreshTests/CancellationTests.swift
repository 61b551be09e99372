import Foundation
import Testing
import TidingsFetch
@testable import TidingsRefresh
import TidingsStore

/// Quitting during a refresh (the reader's `q`, Ctrl-C): the run stops at once and what was
/// written stays; the feed whose request was cut off is not marked as failing.
@Suite struct CancellationTests {
    @Test func cancellingARefreshStopsAtOnceAndKeepsWhatWasWritten() async throws {
        let held = try Server(host: "127.0.0.50", lifetime: 60) { _ in Reply(status: 200, mode: .silent) }
        defer { held.stop() }
        let quick = try Server(host: "127.0.0.51") { r in .ok(FeedText.rss(items: [r.path])) }
        defer { quick.stop() }
        let harness = try Harness()
        defer { harness.cleanUp() }
        let stuck = try harness.add(held.url("/stuck.xml"))
        let done = try harness.add(quick.url("/done.xml"))
        // Neither the deadline nor the idle timer may end the held request before the cancel does.
        let engine = harness.engine(Harness.settings(timeout: 60), idleTimeout: 60)
        let feeds = try harness.store.feeds()
        let run = Task { await engine.run(feeds) }
        #expect(await eventually { held.requests.count == 1 && (try? harness.titles(done)) == ["/done.xml"] })
        run.cancel()
        let finished = Shared(false)
        Task { _ = await run.value; finished.value = true }
        #expect(await eventually(20) { finished.value }, "a cancelled refresh must return without waiting for the 60 s deadline")
        let info = try harness.feed(stuck.id)
        #expect(info.lastError == nil && info.failures == 0)
        #expect(try harness.titles(done) == ["/done.xml"])
    }
}
