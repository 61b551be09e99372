import ArgumentParser
import TidingsStore

/// `tidings search QUERY`: full-text search, best match first.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search titles, authors, feed titles and article text.",
        discussion: """
            Words must all match; "a phrase" matches words in order; pre* matches a prefix; a OR b matches \
            either; -word or NOT word excludes. Filters: title:WORD, author:WORD, feed:NAME (feed title \
            contains), tag:NAME, unread, starred (each can be negated: -unread). Emoji are words too. \
            Best matches (title first) come first, then newer ones.
            """)

    @OptionGroup var common: CommonOptions

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The query; a leading - excludes a term (-ferry).", valueName: "query"))
    var query: [String]

    @Option(help: ArgumentHelp("At most this many results.", valueName: "n"))
    var limit = 50

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func validate() throws {
        if limit < 0 { throw ValidationError("--limit must be 0 or more") }
        if query.allSatisfy({ $0 == "--" }) { throw ValidationError("give a query, for example: tidings search 'title:climate unread'") }
    }

    func run() throws {
        let store = try Headless.store(common)
        // `--` still works as "end of options" for scripts that pass user text after it.
        let text = query.filter { $0 != "--" }.joined(separator: " ")
        let rows = try Headless.attempt { try store.search(text, limit: limit) }
        if json { try Headless.printJSON(try Headless.json(rows, in: store)) } else { Headless.printLines(rows.map(Headless.line)) }
    }
}
