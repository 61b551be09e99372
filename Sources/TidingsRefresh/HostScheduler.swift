import Foundation
import TidingsStore

/// Hands out feeds so that each host has at most one request in flight, hosts take turns (one
/// slow host never holds the others back), and a host that asked to wait loses its queue.
actor HostScheduler<Payload: Sendable> {
    struct Job: Sendable {
        var payload: Payload
        var host: String
    }

    private var queues: [String: [Job]] = [:]
    private var order: [String] = []
    private var cursor = 0
    private var busy: Set<String> = []
    private var waiting: [CheckedContinuation<Job?, Never>] = []
    private var stopped = false

    init(_ jobs: [Job]) {
        for job in jobs {
            if queues[job.host] == nil { order.append(job.host) }
            queues[job.host, default: []].append(job)
        }
    }

    /// The next job whose host is idle; waits while every remaining host is busy; nil when done.
    func next() async -> Job? {
        if let job = take() { return job }
        if stopped || queues.isEmpty { return nil }
        return await withCheckedContinuation { waiting.append($0) }
    }

    /// The host's request ended: its next feed may go.
    func finished(_ host: String) {
        busy.remove(host)
        wake()
    }

    /// Drops the host's queued feeds (it answered 429/503) and returns them.
    func block(_ host: String) -> [Job] {
        let dropped = queues.removeValue(forKey: host) ?? []
        order.removeAll { $0 == host }
        wake()
        return dropped
    }

    /// No more jobs start (the refresh was cancelled).
    func stop() {
        stopped = true
        queues.removeAll()
        order.removeAll()
        wake()
    }

    private func wake() {
        while !waiting.isEmpty {
            if let job = take() {
                waiting.removeFirst().resume(returning: job)
            } else if stopped || queues.isEmpty {
                waiting.removeFirst().resume(returning: nil)
            } else {
                return
            }
        }
    }

    private func take() -> Job? {
        guard !stopped, !order.isEmpty else { return nil }
        for step in 0..<order.count {
            let index = (cursor + step) % order.count
            let host = order[index]
            guard !busy.contains(host), var queue = queues[host], !queue.isEmpty else { continue }
            let job = queue.removeFirst()
            if queue.isEmpty {
                queues[host] = nil
                order.remove(at: index)
                cursor = order.isEmpty ? 0 : index % order.count
            } else {
                queues[host] = queue
                cursor = (index + 1) % order.count
            }
            busy.insert(host)
            return job
        }
        return nil
    }
}
