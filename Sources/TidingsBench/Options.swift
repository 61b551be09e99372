import Foundation

/// Command-line options of `tidings-bench`.
struct Options {
    var sizes = [10_000, 100_000, 200_000]
    var runs = 5
    var importRuns: Int?
    var newsboatRuns = 1
    var corpus: String?
    var tidings = ".build/release/tidings"
    var newsboat = true
    var keep = false
    /// Serve the corpus over HTTP (nginx on several loopback addresses) and time fetching it.
    var http = false
    /// Time `tidings sync` against the tt-rss of Tests/ttrss/ttrss-server.sh (see SyncBench).
    var sync = false
    var syncArticles = 20_000
    /// Time only the list and search queries, on a cache kept by an earlier run (`--keep`):
    /// importing a million articles again for each change to the queries takes too long.
    var cache: String?

    static func parse(_ arguments: [String]) throws -> Options {
        var options = Options()
        var rest = arguments[...]
        func value(_ name: String) throws -> String {
            guard let v = rest.popFirst() else { throw BenchError.usage("\(name) needs a value") }
            return v
        }
        func count(_ name: String) throws -> Int {
            let text = try value(name)
            guard let n = Int(text), n > 0 else { throw BenchError.usage("\(name) takes a positive number, not \(text)") }
            return n
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--sizes":
                let text = try value(argument)
                let sizes = text.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
                guard !sizes.isEmpty, sizes.allSatisfy({ $0 >= 10 }) else {
                    throw BenchError.usage("--sizes takes article counts of at least 10 separated by commas, not \(text)")
                }
                options.sizes = sizes
            case "--quick":
                options.sizes = [2_000]
                options.runs = 3
                options.newsboatRuns = 1
            case "--runs": options.runs = try count(argument)
            case "--import-runs": options.importRuns = try count(argument)
            case "--newsboat-runs": options.newsboatRuns = try count(argument)
            case "--corpus": options.corpus = try value(argument)
            case "--tidings": options.tidings = try value(argument)
            case "--no-newsboat": options.newsboat = false
            case "--keep": options.keep = true
            case "--http": options.http = true
            case "--sync": options.sync = true
            case "--sync-articles": options.syncArticles = try count(argument)
            case "--cache": options.cache = try value(argument)
            case "--help", "-h": throw BenchError.usage("tidings-bench: import, startup, memory and search benchmark of Tidings (and newsboat when installed)")
            default: throw BenchError.usage("unknown option \(argument)")
            }
        }
        return options
    }
}
