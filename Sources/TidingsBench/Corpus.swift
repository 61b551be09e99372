import Foundation

/// A generated corpus on disk: N feeds of M articles, one of them much larger than the rest.
struct Corpus {
    /// One generated feed file.
    struct Feed {
        var file: URL
        var title: String
        var articles: Int
    }

    var directory: URL
    var feeds: [Feed]
    var bytes: Int
    var articles: Int { feeds.reduce(0) { $0 + $1.articles } }

    /// Title of the largest feed, so the reader harness can find its row.
    static let largestTitle = "Largest feed 📰 (firehose)"

    /// Article counts per feed for a corpus of `total` articles: one "largest" feed of 20,000
    /// (a tenth of small corpora), the rest in feeds of 1,000 (fewer for tiny ones).
    static func plan(total: Int) -> [Int] {
        let largest = total >= 100_000 ? 20_000 : max(1, total / 10)
        let perFeed = total >= 10_000 ? 1_000 : max(1, total / 20)
        var sizes = [largest]
        var left = total - largest
        while left > 0 {
            sizes.append(min(perFeed, left))
            left -= perFeed
        }
        return sizes
    }

    /// Writes the corpus for `total` articles under `directory`, or reuses it when a previous run
    /// left a complete one there (the manifest is written last).
    static func generate(total: Int, plan sizes: [Int]? = nil, into directory: URL, log: (String) -> Void) throws -> Corpus {
        let manifest = directory.appendingPathComponent("manifest.tsv")
        if let existing = try? load(manifest: manifest, directory: directory), existing.articles == total {
            log("reusing corpus of \(total) articles in \(directory.path)")
            return existing
        }
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let start = Date()
        var feeds: [Feed] = []
        var bytes = 0
        let base = Date(timeIntervalSince1970: 1_735_689_600)  // 2025-01-01, fixed for determinism
        for (index, count) in (sizes ?? plan(total: total)).enumerated() {
            var random = SeededRandom(seed: 0x7469_6469_6E67 &+ UInt64(index))
            let format = FeedFormat.allCases[index % FeedFormat.allCases.count]
            let title = index == 0 ? largestTitle : feedTitle(index, random: &random)
            let site = "https://feed\(index).example.com/"
            var items: [GeneratedItem] = []
            items.reserveCapacity(count)
            for i in 0..<count {
                // Newest first, a few minutes apart, feeds interleaved in time.
                let published = base.addingTimeInterval(-Double(i) * 600 - Double(index) * 37)
                items.append(GeneratedItem(
                    guid: "\(site)posts/\(i)", title: itemTitle(random: &random), author: random.pick(Vocabulary.authors),
                    published: published, body: ArticleHTML.body(feed: index, index: i, random: &random)))
            }
            let data = FeedWriter.write(format: format, title: title, site: site, items: items)
            let file = directory.appendingPathComponent(String(format: "feed-%04d.%@", index, format.fileExtension))
            try Data(data.bytes).write(to: file)
            feeds.append(Feed(file: file, title: title, articles: count))
            bytes += data.count
        }
        let corpus = Corpus(directory: directory, feeds: feeds, bytes: bytes)
        try corpus.writeManifest(to: manifest)
        log(String(format: "generated %d articles in %d feeds, %.1f MB, in %.1f s", total, feeds.count,
                   Double(bytes) / 1e6, Date().timeIntervalSince(start)))
        return corpus
    }

    private static func feedTitle(_ index: Int, random: inout SeededRandom) -> String {
        var words = (0..<2).map { _ in random.pick(Vocabulary.words) }
        if index % 9 == 4 { words.append(random.pick(Vocabulary.cjk)) }
        if index % 11 == 5 { words.append(random.pick(Vocabulary.emoji)) }
        return words[0].prefix(1).uppercased() + words[0].dropFirst() + " " + words.dropFirst().joined(separator: " ") + " \(index)"
    }

    private static func itemTitle(random: inout SeededRandom) -> String {
        var words = (0..<(3 + random.below(7))).map { _ in random.pick(Vocabulary.words) }
        if random.chance(5) { words.append(random.pick(Vocabulary.cjk)) }
        if random.chance(5) { words.append(random.pick(Vocabulary.emoji)) }
        if random.chance(3) { words.append("& <co>") }  // escaping must survive
        return words[0].prefix(1).uppercased() + words[0].dropFirst() + " " + words.dropFirst().joined(separator: " ")
    }

    private func writeManifest(to url: URL) throws {
        var lines = ["\(bytes)"]
        for feed in feeds { lines.append("\(feed.file.lastPathComponent)\t\(feed.articles)\t\(feed.title)") }
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
    }

    private static func load(manifest: URL, directory: URL) throws -> Corpus {
        let lines = try String(contentsOf: manifest, encoding: .utf8).split(separator: "\n").map(String.init)
        guard let first = lines.first, let bytes = Int(first) else { throw BenchError.badManifest(manifest.path) }
        let feeds = try lines.dropFirst().map { line -> Feed in
            let parts = line.split(separator: "\t", maxSplits: 2).map(String.init)
            guard parts.count == 3, let count = Int(parts[1]) else { throw BenchError.badManifest(manifest.path) }
            return Feed(file: directory.appendingPathComponent(parts[0]), title: parts[2], articles: count)
        }
        return Corpus(directory: directory, feeds: feeds, bytes: bytes)
    }
}
