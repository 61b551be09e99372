/// Reads a newsboat urls file: one source per line followed by tags, `"~Title"` and `!` (hidden),
/// plus `query:Name:expression` saved searches and `filter:SCRIPT:URL` sources.
enum NewsboatURLsReader {
    static func read(_ text: String) -> SubscriptionImport {
        var collector = ImportCollector(format: .newsboatURLs)
        for (index, line) in lines(text).enumerated() {
            readLine(line, at: .line(index + 1), into: &collector)
        }
        return collector.result
    }

    /// Lines split at LF, CRLF or a lone CR only (not at U+2028 and friends, which can sit inside a title).
    static func lines(_ text: String) -> [Substring] {
        var out: [Substring] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var i = start
        while i < scalars.endIndex {
            let c = scalars[i]
            if c == "\n" || c == "\r" {
                out.append(Substring(scalars[start..<i]))
                var next = scalars.index(after: i)
                if c == "\r", next < scalars.endIndex, scalars[next] == "\n" { next = scalars.index(after: next) }
                start = next
                i = next
            } else {
                i = scalars.index(after: i)
            }
        }
        if start < scalars.endIndex { out.append(Substring(scalars[start...])) }
        return out
    }

    private static func readLine(_ line: Substring, at location: ImportLocation, into collector: inout ImportCollector) {
        let text = String(line)
        let words = NewsboatTokenizer.words(line)
        guard let first = words.first else { return }  // blank or comment
        let rest = words.dropFirst()

        if first.hasPrefix("query:") {
            readQuery(first, extra: rest, at: location, text: text, into: &collector)
            return
        }
        var subscription = Subscription(source: first)
        if first.hasPrefix("filter:") {
            guard let (script, url) = SourceKind.splitFilter(first) else {
                collector.notUnderstood(at: location, text: text, reason: "filter: needs a script and a URL (filter:SCRIPT:URL)")
                return
            }
            subscription.source = url
            subscription.filter = script
        }
        if let problem = SourceKind.problem(with: subscription.source) {
            collector.notUnderstood(at: location, text: text, reason: problem)
            return
        }
        var tags: [String] = []
        for word in rest {
            if word.hasPrefix("~") {
                let title = String(word.dropFirst())
                subscription.title = title.isEmpty ? nil : title
            } else if word.hasPrefix("!") {
                // newsboat hides the feed and keeps "!name" as a tag that query feeds can match.
                subscription.hidden = true
                if word != "!" { tags.append(word) }
            } else {
                tags.append(word)
            }
        }
        subscription.tags = uniqueTags(tags)
        collector.add(subscription, at: location, text: text)
    }

    private static func readQuery(_ word: String, extra: ArraySlice<String>, at location: ImportLocation,
                                  text: String, into collector: inout ImportCollector) {
        guard var query = SourceKind.splitQuery(word) else {
            collector.notUnderstood(at: location, text: text, reason: "query: needs a name and an expression (\"query:Name:expression\")")
            return
        }
        // "~Title" renames the query feed, as on a feed line; tags have nothing to attach to here.
        if let title = extra.last(where: { $0.hasPrefix("~") && $0.count > 1 }) { query.name = String(title.dropFirst()) }
        collector.add(query, at: location, text: text)
        let tags = extra.filter { !$0.hasPrefix("~") }
        if !tags.isEmpty {
            collector.skip(at: location, text: tags.joined(separator: " "), reason: "tags on a query line are not kept")
        }
    }
}
