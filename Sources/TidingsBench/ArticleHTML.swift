/// Builds one article body of realistic HTML (paragraphs, links, lists, quotes, some CJK and
/// emoji) of a chosen size, from a seeded generator.
enum ArticleHTML {
    /// The body of article `index` of feed `feed`, between 2 and 8 KB. The rare word and the phrase
    /// are placed by index, so the number of matches is known and the same for every run.
    static func body(feed: Int, index: Int, random: inout SeededRandom) -> ByteBuffer {
        let target = 2_000 + random.below(6_000)
        var html = ByteBuffer(capacity: target + 600)
        var block = 0
        while html.count < target {
            switch block % 5 {
            case 0, 2: paragraph(into: &html, random: &random)
            case 1: list(into: &html, random: &random)
            case 3: quote(into: &html, random: &random)
            default: heading(into: &html, random: &random)
            }
            block += 1
        }
        html.append("<p>Filed near the \(Vocabulary.commonWord) by the desk.</p>")
        if (feed * 7919 + index) % 100 == 0 { html.append("<p>A note on the \(Vocabulary.phrase) project.</p>") }
        if (feed * 104_729 + index) % 20_011 == 0 { html.append("<p>Spotted: a \(Vocabulary.rareWord).</p>") }
        return html
    }

    private static func sentence(into html: inout ByteBuffer, random: inout SeededRandom) {
        let length = 8 + random.below(14)
        for i in 0..<length {
            let word = random.pick(Vocabulary.words)
            if i == 0 {
                html.append(word.prefix(1).uppercased() + word.dropFirst())
            } else {
                html.append(" ")
                // English is full of "of the": a phrase of two very common words, the slow case
                // for a positional index, so the bench must contain it as real text does.
                if random.chance(8) { html.append(random.chance(2) ? "of the " : "the ") }
                if random.chance(4) {
                    html.append("<a href=\"https://example.org/\(word)/\(random.below(10_000))\">\(word)</a>")
                } else if random.chance(3) {
                    html.append("<em>\(word)</em>")
                } else {
                    html.append(word)
                }
            }
        }
        if random.chance(8) { html.append(" " + random.pick(Vocabulary.cjk)) }
        if random.chance(6) { html.append(" " + random.pick(Vocabulary.emoji)) }
        html.append(random.chance(10) ? "? " : ". ")
    }

    private static func paragraph(into html: inout ByteBuffer, random: inout SeededRandom) {
        html.append("<p>")
        for _ in 0..<(2 + random.below(4)) { sentence(into: &html, random: &random) }
        html.append("</p>\n")
    }

    private static func list(into html: inout ByteBuffer, random: inout SeededRandom) {
        let ordered = random.chance(30)
        html.append(ordered ? "<ol>" : "<ul>")
        for _ in 0..<(2 + random.below(4)) {
            html.append("<li>")
            sentence(into: &html, random: &random)
            html.append("</li>")
        }
        html.append(ordered ? "</ol>\n" : "</ul>\n")
    }

    private static func quote(into html: inout ByteBuffer, random: inout SeededRandom) {
        html.append("<blockquote><p>")
        sentence(into: &html, random: &random)
        html.append("</p></blockquote>\n")
    }

    private static func heading(into html: inout ByteBuffer, random: inout SeededRandom) {
        html.append("<h3>")
        for i in 0..<(2 + random.below(4)) {
            if i > 0 { html.append(" ") }
            html.append(random.pick(Vocabulary.words))
        }
        html.append("</h3>\n")
    }
}
