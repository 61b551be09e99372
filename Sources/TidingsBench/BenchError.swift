/// Why a benchmark step could not run, in words that say what to do.
enum BenchError: Error, CustomStringConvertible {
    case badManifest(String)
    case usage(String)
    case spawnFailed(String)
    case timedOut(what: String, after: Double, tail: String)
    case importFailed(file: String, reason: String)

    var description: String {
        switch self {
        case .badManifest(let path): "corpus manifest \(path) is unreadable: delete its folder to regenerate it"
        case .usage(let message): "\(message)\nusage: tidings-bench [--sizes 10000,100000,200000] [--quick] [--runs 5] [--corpus DIR] [--tidings PATH] [--no-newsboat] [--newsboat-runs N]"
        case .spawnFailed(let what): "could not start \(what)"
        case .timedOut(let what, let after, let tail):
            "timed out after \(Int(after)) s waiting for \(what); last output: \(tail)"
        case .importFailed(let file, let reason): "importing \(file) failed: \(reason)"
        }
    }
}
