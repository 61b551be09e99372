import Foundation
import TidingsFeeds
import TidingsCore

/// Deterministic generated feeds: RSS 2.0, Atom 1.0, RSS 1.0 and JSON Feed files of realistic
/// 2–8 KB HTML items with Latin, CJK and emoji text. Same seed, same bytes, every run.
struct Corpus {
    var files: [URL] = []
    var items = 0

    static func size(_ url: URL) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    static func generate(into dir: URL, megabytes: Int) throws -> Corpus {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var corpus = Corpus()
        var rng = SplitMix(seed: 2021_12_02)
        let target = megabytes * 1_000_000
        let perFile = 4_000_000
        var written = 0, n = 0
        while written < target {
            let kind = Kind.allCases[n % Kind.allCases.count]
            let (text, count) = kind.document(bytes: min(perFile, target - written + 10_000), rng: &rng, index: n)
            let url = dir.appendingPathComponent(String(format: "feed-%03d.%@", n, kind.fileExtension))
            try Data(text.utf8).write(to: url)
            corpus.files.append(url)
            corpus.items += count
            written += text.utf8.count
            n += 1
        }
        return corpus
    }

    static func writeBigFeed(to url: URL, bytes: Int) throws {
        var rng = SplitMix(seed: 50)
        let (text, _) = Kind.rss20.document(bytes: bytes, rng: &rng, index: 999)
        try Data(text.utf8).write(to: url)
    }

    enum Kind: CaseIterable {
        case rss20, atom10, rss10, jsonfeed

        var fileExtension: String { self == .jsonfeed ? "json" : "xml" }

        func document(bytes: Int, rng: inout SplitMix, index: Int) -> (String, Int) {
            var out = header(index)
            var count = 0
            while out.utf8.count < bytes {
                out += item(count, rng: &rng, feed: index)
                count += 1
            }
            out += footer
            return (out, self == .jsonfeed ? count + 1 : count)  // the JSON footer closes with one more item
        }

        private func header(_ n: Int) -> String {
            switch self {
            case .rss20:
                return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
                <channel><title>Harbour Gazette \(n) — 港湾新闻 📰</title><link>https://news.example/\(n)/</link>
                <description>Daily news &amp; notes</description><language>en</language>
                <lastBuildDate>Thu, 02 Dec 2021 10:00:00 GMT</lastBuildDate>

                """
            case .atom10:
                return """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ja" xml:base="https://atom.example/\(n)/">
                <title type="text">東京ウィークリー \(n) ✨</title><id>urn:uuid:feed-\(n)</id>
                <updated>2021-12-02T10:00:00Z</updated><link rel="self" href="feed.atom"/><link href="./"/>
                <author><name>Editorial Desk</name></author>

                """
            case .rss10:
                return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                <channel rdf:about="https://rdf.example/\(n)/"><title>한국 소식 \(n)</title><link>https://rdf.example/\(n)/</link><description>RDF site summary</description></channel>

                """
            case .jsonfeed:
                return "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Feed \(n) 🌏\", \"home_page_url\": \"https://json.example/\(n)/\", \"items\": [\n"
            }
        }

        private var footer: String {
            switch self {
            case .rss20: return "</channel></rss>\n"
            case .atom10: return "</feed>\n"
            case .rss10: return "</rdf:RDF>\n"
            case .jsonfeed: return "{\"id\": \"last\", \"content_text\": \"end\"}]}\n"
            }
        }

        private func item(_ k: Int, rng: inout SplitMix, feed: Int) -> String {
            let title = Text.sentence(&rng, words: 6 + rng.below(8))
            let html = Text.article(&rng, bytes: 2000 + rng.below(6000))
            let day = 1 + rng.below(28), hour = rng.below(24), minute = rng.below(60)
            let link = "https://news.example/\(feed)/\(k)"
            switch self {
            case .rss20:
                return """
                <item><title>\(xmlEscape(title))</title><link>\(link)</link><guid isPermaLink="false">g-\(feed)-\(k)</guid>
                <pubDate>Thu, \(day) Dec 2021 \(two(hour)):\(two(minute)):00 +0100</pubDate><dc:creator>Ana Lima</dc:creator>
                <category>World</category><category>Asia &amp; Pacific</category>
                <description>\(xmlEscape(String(html.prefix(300))))</description>
                <content:encoded><![CDATA[\(html)]]></content:encoded>
                <media:content url="https://img.example/\(k).jpg" type="image/jpeg" fileSize="48213"/></item>

                """
            case .atom10:
                return """
                <entry><title type="html">\(xmlEscape(title))</title><id>tag:atom.example,2021:\(feed)-\(k)</id>
                <link rel="alternate" type="text/html" href="entries/\(k).html"/><link rel="enclosure" type="audio/mpeg" length="1234567" href="audio/\(k).mp3"/>
                <published>2021-12-\(two(day))T\(two(hour)):\(two(minute)):00+09:00</published><updated>2021-12-\(two(day))T\(two(hour)):\(two(minute)):30Z</updated>
                <author><name>山田 太郎</name></author><category term="tech" label="Technology"/>
                <content type="html">\(xmlEscape(html))</content></entry>

                """
            case .rss10:
                return """
                <item rdf:about="\(link)"><title>\(xmlEscape(title))</title><link>\(link)</link>
                <dc:date>2021-12-\(two(day))T\(two(hour)):\(two(minute)):00+00:00</dc:date><dc:subject>Politics</dc:subject>
                <description>\(xmlEscape(String(html.prefix(200))))</description><content:encoded>\(xmlEscape(html))</content:encoded></item>

                """
            case .jsonfeed:
                return "{\"id\": \"j-\(feed)-\(k)\", \"url\": \"\(link)\", \"title\": \(jsonEscape(title)), "
                    + "\"date_published\": \"2021-12-\(two(day))T\(two(hour)):\(two(minute)):00Z\", \"tags\": [\"news\", \"世界\"], "
                    + "\"authors\": [{\"name\": \"Ana Lima\"}], \"content_html\": \(jsonEscape(html))},\n"
            }
        }
    }
}

/// Word soup with the scripts real feeds carry.
enum Text {
    static let latin = ["harbour", "council", "budget", "the", "of", "and", "ferry", "schedule", "winter", "storm",
                        "résumé", "naïve", "café", "Zürich", "élection", "market", "report", "said", "on", "new"]
    static let cjk = ["東京", "新聞", "経済", "天気", "港湾", "서울", "뉴스", "北京", "市场", "報告"]
    static let emoji = ["📰", "🌏", "⚓️", "🚢", "👍🏽", "🇯🇵", "✨", "☔️"]

    static func word(_ rng: inout SplitMix) -> String {
        switch rng.below(10) {
        case 0, 1: return cjk[rng.below(cjk.count)]
        case 2: return emoji[rng.below(emoji.count)]
        default: return latin[rng.below(latin.count)]
        }
    }

    static func sentence(_ rng: inout SplitMix, words: Int) -> String {
        (0..<words).map { _ in word(&rng) }.joined(separator: " ")
    }

    static func article(_ rng: inout SplitMix, bytes: Int) -> String {
        var out = ""
        while out.utf8.count < bytes {
            switch rng.below(6) {
            case 0: out += "<h2>\(sentence(&rng, words: 5))</h2>\n"
            case 1: out += "<p>\(sentence(&rng, words: 20)) <a href=\"https://ref.example/\(rng.below(999))\">link</a> &amp; more.</p>\n"
            case 2: out += "<ul><li>\(sentence(&rng, words: 6))</li><li>\(sentence(&rng, words: 6))</li></ul>\n"
            case 3: out += "<p><img src=\"/img/\(rng.below(999)).png\" alt=\"photo\"> <em>\(sentence(&rng, words: 8))</em></p>\n"
            default: out += "<p>\(sentence(&rng, words: 30)) — “quoted” 100&nbsp;km.</p>\n"
            }
        }
        return out
    }
}

/// The corpus generator: seeded, so the corpus is the same on every machine.
typealias SplitMix = SeededGenerator

func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

/// Markup escaping as the parser's own writer does it.
func xmlEscape(_ s: String) -> String { MarkupText.escape(s) }

func jsonEscape(_ s: String) -> String {
    var out = "\""
    for c in s.unicodeScalars {
        switch c {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        default: out.unicodeScalars.append(c)
        }
    }
    return out + "\""
}
