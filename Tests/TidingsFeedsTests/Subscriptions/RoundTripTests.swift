import Foundation
import TidingsCore
import Testing
@testable import TidingsFeeds

typealias SplitMixRandom = SeededGenerator

/// Random lists within what both formats can express (see the report for the few exceptions:
/// tags starting with ~ or !, colons in filter scripts and query names).
enum SubscriptionGenerator {
    static let alphabet: [String] = ["a", "b", "z", "Q", "0", "7", " ", "  ", "\"", "'", "\\", "&", "<", ">", "#", ":",
                                     "/", ",", "%", "|", "$", "~", "!", "é", "ß", "日本", "🎉", "👩‍💻", "\t", "\u{A0}", "\u{2028}", "="]

    static func text(_ r: inout SplitMixRandom, max: Int = 12) -> String {
        (0..<Int.random(in: 1...max, using: &r)).map { _ in alphabet.randomElement(using: &r)! }.joined()
    }

    /// Text without surrounding blanks or the characters that have a meaning at the start of a urls word.
    static func word(_ r: inout SplitMixRandom, banning: Set<Character> = []) -> String {
        while true {
            let t = text(&r).filter { !banning.contains($0) }
            let trimmed = t.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty, trimmed == t, !t.hasPrefix("~"), !t.hasPrefix("!") { return t }
        }
    }

    static func subscription(_ r: inout SplitMixRandom, index: Int) -> Subscription {
        let source: String
        switch Int.random(in: 0..<5, using: &r) {
        case 0: source = "https://site\(index).example/" + word(&r)
        case 1: source = "http://site\(index).example/feed?q=" + word(&r)
        case 2: source = "exec:echo \(index) " + word(&r)
        case 3: source = "/home/me/feeds/\(index)/" + word(&r)
        default: source = "~/feeds/\(index)-" + word(&r)
        }
        var s = Subscription(source: source)
        if Bool.random(using: &r) { s.title = text(&r, max: 20) }
        let tagCount = Int.random(in: 0...3, using: &r)
        var tags: [String] = []
        for _ in 0..<tagCount { tags.append(word(&r)) }
        s.tags = uniqueTags(tags)
        s.hidden = Int.random(in: 0..<4, using: &r) == 0
        if !source.hasPrefix("exec:"), Int.random(in: 0..<4, using: &r) == 0 { s.filter = "~/bin/f" + word(&r, banning: [":"]) }
        if Bool.random(using: &r) { s.siteLink = "https://site\(index).example/" + word(&r) }
        return s
    }

    static func list(_ r: inout SplitMixRandom) -> [Subscription] {
        (0..<Int.random(in: 0...12, using: &r)).map { subscription(&r, index: $0) }
    }

    static func queries(_ r: inout SplitMixRandom) -> [SavedQuery] {
        (0..<Int.random(in: 0...3, using: &r)).map { i in
            SavedQuery(name: "Q\(i) " + word(&r, banning: [":"]), query: word(&r) + text(&r, max: 20))
        }
    }
}

@Suite struct RoundTripTests {
    static let seeds: [UInt64] = Array(1...300)

    @Test(arguments: seeds) func opmlRoundTrip(seed: UInt64) throws {
        var r = SplitMixRandom(seed: seed)
        var list = SubscriptionGenerator.list(&r)
        // OPML has no place for newsboat-only detail that the urls format needs, but it keeps everything here.
        list = list.map { var s = $0; s.title = s.title == s.source ? nil : s.title; return s }
        let queries = SubscriptionGenerator.queries(&r)
        let opml = SubscriptionList.opml(list, queries: queries, title: SubscriptionGenerator.text(&r),
                                         dateCreated: Date(timeIntervalSince1970: 0))
        let back = try SubscriptionList.parse(Data(opml.utf8))
        #expect(back.subscriptions == list, "seed \(seed)")
        #expect(back.queries == queries, "seed \(seed)")
        #expect(back.skipped.isEmpty && back.notUnderstood.isEmpty, "seed \(seed)")
    }

    @Test(arguments: seeds) func urlsRoundTrip(seed: UInt64) throws {
        var r = SplitMixRandom(seed: seed)
        // The urls format has no site link.
        let list = SubscriptionGenerator.list(&r).map { var s = $0; s.siteLink = nil; return s }
        let queries = SubscriptionGenerator.queries(&r)
        let text = SubscriptionList.newsboatURLs(list, queries: queries)
        let back = try SubscriptionList.parse(Data(text.utf8))
        #expect(back.subscriptions == list, "seed \(seed)")
        #expect(back.queries == queries, "seed \(seed)")
        #expect(back.skipped.isEmpty && back.notUnderstood.isEmpty, "seed \(seed)")
    }
}
