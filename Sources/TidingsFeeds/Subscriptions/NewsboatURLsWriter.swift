/// Writes subscriptions and saved queries in newsboat's urls format, quoting whatever needs it.
enum NewsboatURLsWriter {
    static func write(_ subscriptions: [Subscription], queries: [SavedQuery]) -> String {
        var out = ""
        for s in subscriptions {
            let source = s.filter.map { "filter:\($0):\(s.source)" } ?? s.source
            var words = [source] + s.tags
            if let title = s.title { words.append("~" + title) }
            // A "!name" tag already hides the feed when read back; a bare "!" says it otherwise.
            if s.hidden, !s.tags.contains(where: { $0.hasPrefix("!") }) { words.append("!") }
            out += words.map(NewsboatTokenizer.quoted).joined(separator: " ") + "\n"
        }
        for q in queries {
            out += NewsboatTokenizer.quoted("query:\(q.name):\(q.query)") + "\n"
        }
        return out
    }
}
