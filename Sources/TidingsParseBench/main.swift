import Foundation
import TidingsCore
import TidingsFeeds

// `tidings-parse-bench [--mb 100] [--runs 5] [--keep]`: parse speed against `xmllint --stream --noout`
// on a generated corpus, and peak memory while parsing one 50 MB feed (measured in a child process).

let arguments = CommandLine.arguments
func option(_ name: String, default value: Int) -> Int {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count, let v = Int(arguments[i + 1]), v > 0 else { return value }
    return v
}

if let i = arguments.firstIndex(of: "--probe"), i + 1 < arguments.count {
    exit(Probe.run(path: arguments[i + 1]))
}

let megabytes = option("--mb", default: 100)
let runs = option("--runs", default: 5)
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tidings-parse-bench-\(getpid())")
defer { if !arguments.contains("--keep") { try? FileManager.default.removeItem(at: directory) } }

print("Generating \(megabytes) MB of feeds in \(directory.path) …")
let corpus = try Corpus.generate(into: directory, megabytes: megabytes)
let xmlFiles = corpus.files.filter { $0.pathExtension != "json" }
let xmlBytes = xmlFiles.reduce(0) { $0 + Corpus.size($1) }
let allBytes = corpus.files.reduce(0) { $0 + Corpus.size($1) }
print("\(corpus.files.count) files: \(mb(allBytes)) MB in all, \(mb(xmlBytes)) MB of XML, \(corpus.items) items")

var tidingsAll: [Double] = [], tidingsXML: [Double] = [], xmllint: [Double] = []
let lint = Xmllint.path()
for run in 1...runs {
    var xmlSeconds = 0.0, jsonSeconds = 0.0, parsedItems = 0
    for file in corpus.files {
        let start = DispatchTime.now()
        let data = try Data(contentsOf: file)
        let doc = try FeedParser.parse(data)
        let elapsed = seconds(since: start)
        parsedItems += doc.items.count
        if file.pathExtension == "json" { jsonSeconds += elapsed } else { xmlSeconds += elapsed }
    }
    guard parsedItems == corpus.items else {
        print("error: parsed \(parsedItems) items, expected \(corpus.items)")
        exit(1)
    }
    tidingsXML.append(Double(xmlBytes) / 1e6 / xmlSeconds)
    tidingsAll.append(Double(allBytes) / 1e6 / (xmlSeconds + jsonSeconds))
    if let lint {
        let start = DispatchTime.now()
        try Xmllint.run(lint, files: xmlFiles)
        xmllint.append(Double(xmlBytes) / 1e6 / seconds(since: start))
    }
    print("run \(run)/\(runs) done")
}

let big = directory.appendingPathComponent("big-50mb.xml")
try Corpus.writeBigFeed(to: big, bytes: 50 * 1_000_000)
let peak = try Probe.measure(file: big)
let bigSize = Corpus.size(big)

print("")
print("| what (median of \(runs) runs, MB = 10^6 bytes) | MB/s |")
print("|---|---|")
print("| Tidings FeedParser, XML files (\(mb(xmlBytes)) MB) | \(fmt(median(tidingsXML))) |")
print("| Tidings FeedParser, all files incl. JSON (\(mb(allBytes)) MB) | \(fmt(median(tidingsAll))) |")
if lint != nil {
    let ratio = median(xmllint) / median(tidingsXML)
    print("| xmllint --stream --noout, XML files | \(fmt(median(xmllint))) |")
    print("| ratio xmllint / Tidings (XML) | \(fmt(ratio))x |")
} else {
    print("| xmllint --stream --noout | skipped: xmllint not found (Debian package libxml2-utils) |")
}
print("| peak RSS parsing one \(mb(bigSize)) MB feed (VmHWM of a child) | \(mb(peak.hwm)) MB = \(fmt(Double(peak.hwm) / Double(bigSize)))x input (\(peak.items) items) |")

func seconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}
func mb(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1e6) }
func fmt(_ v: Double) -> String { String(format: "%.2f", v) }
func median(_ xs: [Double]) -> Double {
    guard !xs.isEmpty else { return 0 }
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}
