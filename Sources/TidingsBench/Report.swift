import Foundation

/// The Markdown table: one column per corpus size, the issue's target next to each row.
enum Report {
    static func markdown(_ results: [SizeResult], options: Options, newsboatFound: Bool) -> String {
        var rows: [(String, [String], String)] = []
        func row(_ label: String, target: String = "", _ cell: (SizeResult) -> String) {
            rows.append((label, results.map(cell), target))
        }
        let med = Stats.median

        row("feeds (largest feed)") { "\($0.feeds) (\(Stats.thousands(Double($0.largestFeed))))" }
        row("corpus size, MiB") { Stats.megabytes(Double($0.corpusBytes)) }
        row("import, articles/s", target: "≥ 4x newsboat") { r in
            Stats.thousands(med(r.importSeconds).map { Double(r.articles) / $0 })
        }
        row("import, MiB/s") { r in Stats.fixed(med(r.importSeconds).map { Double(r.corpusBytes) / 1_048_576 / $0 }, 1) }
        row("import (`tidings refresh` of a new cache), s (read + parse alone)") { "\(Stats.fixed(med($0.importSeconds), 2)) (\(Stats.fixed(med($0.importParseSeconds), 2)))" }
        row("`tidings refresh` with nothing changed, s", target: "a couple of seconds") {
            Stats.fixed(med($0.reimportSeconds), 2)
        }
        row("cache bytes per article") { Stats.thousands(Double($0.cacheBytes) / Double($0.articles)) }
        row("first complete screen, ms", target: "≤ 100 at 200k") { $0.readerError != nil && $0.firstScreenMs.isEmpty ? "failed" : Stats.fixed(med($0.firstScreenMs), 1) }
        row("open the largest feed (Enter → list drawn), ms", target: "≤ 100 (20k feed)") { $0.openFeedMs.isEmpty ? "failed" : Stats.fixed(med($0.openFeedMs), 1) }
        row("reader peak RSS (VmHWM), MiB (median / max)", target: "< 60") {
            $0.peakRSS.isEmpty ? "failed" : "\(Stats.megabytes(med($0.peakRSS))) / \(Stats.megabytes($0.peakRSS.max()))"
        }
        row("list page (40 rows), top, ms") { Stats.fixed(med($0.firstPageMs), 2) }
        row("list page (40 rows), middle by keyset, ms") { Stats.fixed(med($0.deepPageMs), 2) }
        row("list page (40 rows), largest feed, ms") { Stats.fixed(med($0.feedPageMs), 2) }
        for probe in QueryProbe.searches {
            row("search first page (\(QueryProbe.pageSize) rows), \(probe.label) (`\(probe.query)`), ms (CPU ms)",
                target: "≤ 50 at 200k, ≤ 100 at 1M") { r in
                "\(Stats.fixed(med(r.searchFirstPageMs[probe.label] ?? []), 1)) (\(Stats.fixed(med(r.searchFirstPageCPUMs[probe.label] ?? []), 1)))"
            }
        }
        for probe in QueryProbe.searches {
            row("search count (up to 10,000), \(probe.label), ms (CPU ms): count") { r in
                "\(Stats.fixed(med(r.searchCountMs[probe.label] ?? []), 1)) (\(Stats.fixed(med(r.searchCountCPUMs[probe.label] ?? []), 1))): "
                    + (r.searchCounted[probe.label] ?? "n/a")
            }
        }
        if newsboatFound {
            row("newsboat `-x reload` (first import), s") { nb($0) { Stats.fixed(med($0.importSeconds), 2) } }
            row("newsboat `-x reload` (nothing changed), s") { nb($0) { Stats.fixed(med($0.reloadUnchangedSeconds), 2) } }
            row("newsboat cache bytes per article") { r in nb(r) { Stats.thousands(Double($0.cacheBytes) / Double(r.articles)) } }
            row("**cache size: Tidings / newsboat**", target: "≤ 0.6x") { r in
                nb(r) { n in ratio(Double(r.cacheBytes), Double(n.cacheBytes)) }
            }
            row("newsboat first screen, ms") { nb($0) { Stats.fixed(med($0.firstScreenMs), 0) } }
            row("newsboat peak RSS (VmHWM), MiB") { nb($0) { Stats.megabytes(med($0.peakRSS)) } }
            row("**import speed: Tidings / newsboat**", target: "≥ 4x") { r in
                nb(r) { n in ratio(med(n.importSeconds), med(r.importSeconds)) }
            }
            row("**unchanged refresh: newsboat / Tidings time**") { r in nb(r) { n in ratio(med(n.reloadUnchangedSeconds), med(r.reimportSeconds)) } }
            row("**first screen: newsboat / Tidings time**") { r in nb(r) { n in ratio(med(n.firstScreenMs), med(r.firstScreenMs)) } }
            row("**peak RSS: newsboat / Tidings**") { r in nb(r) { n in ratio(med(n.peakRSS), med(r.peakRSS)) } }
        }

        let heads = results.map { "\(Stats.thousands(Double($0.articles))) articles" }
        var out = "| measure (median of \(options.runs) runs\(options.importRuns.map { ", \($0) import runs" } ?? ""); newsboat \(options.newsboatRuns)) | "
            + heads.joined(separator: " | ") + " | target |\n"
        out += "|---|" + heads.map { _ in "---:|" }.joined() + "---|\n"
        for (label, cells, target) in rows {
            out += "| \(label) | " + cells.joined(separator: " | ") + " | \(target) |\n"
        }
        if !newsboatFound {
            out += options.newsboat ? "\nnewsboat not found: comparison skipped (`apt-get install -y newsboat`).\n"
                : "\nnewsboat comparison skipped (--no-newsboat).\n"
        }
        for r in results {
            if let e = r.readerError { out += "\nreader at \(r.articles): \(e)\n" }
            if let e = r.newsboat?.error { out += "\nnewsboat at \(r.articles): \(e)\n" }
        }
        return out
    }

    private static func nb(_ r: SizeResult, _ body: (NewsboatResult) -> String) -> String {
        guard let n = r.newsboat else { return "n/a" }
        if n.error != nil && n.importSeconds.isEmpty { return "failed" }
        return body(n)
    }

    private static func ratio(_ numerator: Double?, _ denominator: Double?) -> String {
        guard let numerator, let denominator, denominator > 0 else { return "n/a" }
        // Two decimals: with one, 0.63 printed as 0.6x, which reads as a target met.
        return Stats.fixed(numerator / denominator, 2) + "x"
    }
}
