import Foundation
import Testing
import TidingsFetch
@testable import TidingsRefresh
import TidingsStore

/// One request per host at a time (on one reused connection), `concurrency` overall, hosts interleaved.
@Suite struct ConcurrencyTests {
    @Test func aHundredFeedsOnOneHostUseOneConnectionAtATime() async throws {
        let server = try Server(host: "127.0.0.8") { r in
            .ok(FeedText.rss(items: ["\(r.path)-item"]), delay: 0.01)
        }
        defer { server.stop() }
        let harness = try Harness()
        defer { harness.cleanUp() }
        let feeds = try (1...100).map { try harness.add(server.url("/feed/\($0).xml")) }
        let run = try await harness.refresh(engine: harness.engine(Harness.settings(concurrency: 8)))
        #expect(feeds.allSatisfy { run.inserted($0) == 1 })
        #expect(server.requests.count == 100)
        #expect(server.maxInFlight == 1)
        #expect(server.maxOpenConnections == 1, "connections opened: \(server.connectionCount)")
        // Kept alive and reused, not one connection per feed.
        #expect(server.connectionCount < 10, "connections opened: \(server.connectionCount)")
    }

    @Test func severalHostsInterleaveWithinTheOverallLimit() async throws {
        let gauge = LoopbackServer.Gauge()
        let hosts = (10...15).map { "127.0.0.\($0)" }
        let servers = try hosts.map { host in
            try Server(host: host, gauge: gauge) { r in .ok(FeedText.rss(items: ["\(host)\(r.path)"]), delay: 0.15) }
        }
        defer { servers.forEach { $0.stop() } }
        let harness = try Harness()
        defer { harness.cleanUp() }
        // Registered host by host, so a naive queue would drain one host before the next.
        var feeds: [FeedInfo] = []
        for server in servers { for i in 1...4 { feeds.append(try harness.add(server.url("/\(i).xml"))) } }
        let run = try await harness.refresh(engine: harness.engine(Harness.settings(concurrency: 3)))
        #expect(feeds.allSatisfy { run.inserted($0) == 1 })
        #expect(gauge.maximum <= 3, "overall in flight: \(gauge.maximum)")
        #expect(gauge.maximum >= 2, "hosts must overlap")
        for server in servers { #expect(server.maxInFlight == 1, "\(server.host)") }
        #expect(servers.allSatisfy { $0.requests.count == 4 })
    }

    @Test func oneSlowHostDoesNotHoldTheOthersBack() async throws {
        // Slow enough that twenty quick answers fit in its time even on two busy cores.
        let slow = try Server(host: "127.0.0.20") { _ in .ok(FeedText.rss(items: ["slow"]), delay: 3) }
        defer { slow.stop() }
        let fast = try Server(host: "127.0.0.21") { r in .ok(FeedText.rss(items: [r.path])) }
        defer { fast.stop() }
        let harness = try Harness()
        defer { harness.cleanUp() }
        let slowFeeds = try (1...3).map { try harness.add(slow.url("/\($0)")) }
        let fastFeeds = try (1...20).map { try harness.add(fast.url("/\($0)")) }
        let order = Shared<[String]>([])
        let engine = harness.engine(Harness.settings(concurrency: 4))
        let current = try harness.store.feeds()
        _ = await engine.run(current) { event in order.value.append(URL(string: event.feed.source)?.host ?? "") }
        // All twenty fast feeds finish before the slow host's last one.
        let lastSlow = try #require(order.value.lastIndex(of: "127.0.0.20"))
        #expect(order.value.prefix(lastSlow).filter { $0 == "127.0.0.21" }.count == 20)
        #expect(slowFeeds.count + fastFeeds.count == order.value.count)
    }
}
