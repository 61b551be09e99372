/// Bounds how many feeds are parsed or waiting to be written at once. Downloads run six at a
/// time, but a parsed 3 MB feed with its search text weighs ten times its bytes: holding at most
/// two keeps `tidings refresh` small whatever the feeds weigh, and two cores parse no faster.
actor ParseGate {
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(permits: Int) { free = max(1, permits) }

    func acquire() async {
        if free > 0 { free -= 1; return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}
