import Foundation
import Testing
@testable import TidingsFeeds

/// One urls-file input and everything the import must report for it.
struct URLsCase: CustomTestStringConvertible, Sendable {
    var name: String
    var input: String
    var subscriptions: [Subscription] = []
    var queries: [SavedQuery] = []
    var skipped: [Int] = []        // line numbers
    var notUnderstood: [Int] = []  // line numbers
    var testDescription: String { name }
}

private func sub(_ source: String, _ title: String? = nil, tags: [String] = [], hidden: Bool = false,
                 filter: String? = nil) -> Subscription {
    Subscription(source: source, title: title, tags: tags, hidden: hidden, filter: filter)
}

@Suite struct NewsboatURLsTests {
    static let cases: [URLsCase] = [
        URLsCase(name: "bare URL", input: "https://a.example/feed.xml",
                 subscriptions: [sub("https://a.example/feed.xml")]),
        URLsCase(name: "tags", input: "http://a.example/rss news tech",
                 subscriptions: [sub("http://a.example/rss", tags: ["news", "tech"])]),
        URLsCase(name: "quoted tag with spaces", input: "https://a.example/f \"cool stuff\" news",
                 subscriptions: [sub("https://a.example/f", tags: ["cool stuff", "news"])]),
        URLsCase(name: "title", input: "https://a.example/f \"~Better Name\"",
                 subscriptions: [sub("https://a.example/f", "Better Name")]),
        URLsCase(name: "unquoted title token", input: "https://a.example/f ~Short tag",
                 subscriptions: [sub("https://a.example/f", "Short", tags: ["tag"])]),
        URLsCase(name: "last title wins", input: "https://a.example/f ~One ~Two",
                 subscriptions: [sub("https://a.example/f", "Two")]),
        URLsCase(name: "empty title is no title", input: "https://a.example/f \"~\"",
                 subscriptions: [sub("https://a.example/f")]),
        URLsCase(name: "hidden marker", input: "https://a.example/f ! news",
                 subscriptions: [sub("https://a.example/f", tags: ["news"], hidden: true)]),
        // newsboat's docs: a "!name" tag hides the feed; the tag stays so query feeds can match it.
        URLsCase(name: "hidden marker with text stays a tag", input: "https://a.example/f \"!hide me\"",
                 subscriptions: [sub("https://a.example/f", tags: ["!hide me"], hidden: true)]),
        URLsCase(name: "comment line and indented comment", input: "# my feeds\n   # more\nhttps://a.example/f",
                 subscriptions: [sub("https://a.example/f")]),
        URLsCase(name: "trailing comment", input: "https://a.example/f news # was tech",
                 subscriptions: [sub("https://a.example/f", tags: ["news"])]),
        URLsCase(name: "hash inside a word is not a comment", input: "https://a.example/f#top c#",
                 subscriptions: [sub("https://a.example/f#top", tags: ["c#"])]),
        URLsCase(name: "quoted hash tag", input: "https://a.example/f \"#hash\"",
                 subscriptions: [sub("https://a.example/f", tags: ["#hash"])]),
        URLsCase(name: "blank lines and blanks", input: "\n\n   \t\nhttps://a.example/f\t news \n\n",
                 subscriptions: [sub("https://a.example/f", tags: ["news"])]),
        URLsCase(name: "Windows line endings", input: "https://a.example/1 a\r\nhttps://a.example/2 b\r\n",
                 subscriptions: [sub("https://a.example/1", tags: ["a"]), sub("https://a.example/2", tags: ["b"])]),
        URLsCase(name: "old Mac line endings count lines", input: "# c\rbogus\rhttps://a.example/1",
                 subscriptions: [sub("https://a.example/1")], notUnderstood: [2]),
        URLsCase(name: "byte-order mark", input: "\u{FEFF}https://a.example/f",
                 subscriptions: [sub("https://a.example/f")]),
        URLsCase(name: "exec source quoted", input: "\"exec:~/bin/weather --city 'Den Haag'\" weather",
                 subscriptions: [sub("exec:~/bin/weather --city 'Den Haag'", tags: ["weather"])]),
        URLsCase(name: "exec without command", input: "exec:", notUnderstood: [1]),
        URLsCase(name: "filter source", input: "filter:~/bin/clean.sh:https://a.example/f news",
                 subscriptions: [sub("https://a.example/f", tags: ["news"], filter: "~/bin/clean.sh")]),
        URLsCase(name: "filter without URL", input: "filter:~/bin/clean.sh", notUnderstood: [1]),
        URLsCase(name: "query with quotes and colons",
                 input: "\"query:Starred: all:flags # \\\"s\\\" and title =~ \\\"a:b\\\"\"",
                 queries: [SavedQuery(name: "Starred", query: " all:flags # \"s\" and title =~ \"a:b\"")]),
        URLsCase(name: "unquoted query", input: "query:Unread:unread = \"yes\"",
                 queries: [SavedQuery(name: "Unread", query: "unread")], skipped: [1]),
        URLsCase(name: "query renamed with ~Title, its tag not kept",
                 input: "\"query:Unread:unread = \\\"yes\\\"\" news \"~Fresh news\"",
                 queries: [SavedQuery(name: "Fresh news", query: "unread = \"yes\"")], skipped: [1]),
        URLsCase(name: "query without name", input: "\"query::unread = \\\"yes\\\"\"", notUnderstood: [1]),
        URLsCase(name: "query without expression", input: "query:Empty:", notUnderstood: [1]),
        URLsCase(name: "duplicate URL skipped with its line", input: "https://a.example/f\n# x\nhttps://a.example/f other",
                 subscriptions: [sub("https://a.example/f")], skipped: [3]),
        URLsCase(name: "duplicate query name", input: "query:A:unread\nquery:A:flags",
                 queries: [SavedQuery(name: "A", query: "unread")], skipped: [2]),
        // newsboat's tokenize_quoted tests: a quote is closed implicitly at the end of the line,
        // and a backslash right before that end is dropped.
        URLsCase(name: "unclosed quote ends at the line end", input: "https://a.example/f \"open tag\nhttps://a.example/g \"x\\",
                 subscriptions: [sub("https://a.example/f", tags: ["open tag"]), sub("https://a.example/g", tags: ["x"])]),
        // ...and text right after a closing quote is the next word (newsboat's wiki has `"filter:…"in`).
        URLsCase(name: "text glued to a closing quote is a new word", input: "\"filter:fix.sh:https://a.example/f\"in \"a\"\"b\"",
                 subscriptions: [sub("https://a.example/f", tags: ["in", "a", "b"], filter: "fix.sh")]),
        URLsCase(name: "not a source", input: "hello world\nftp://a.example/f\nhttps://", notUnderstood: [1, 2, 3]),
        URLsCase(name: "local paths", input: "/var/feeds/a.xml\n~/feeds/b.xml\n./c.xml\nfile:///d.xml",
                 subscriptions: [sub("/var/feeds/a.xml"), sub("~/feeds/b.xml"), sub("./c.xml"), sub("file:///d.xml")]),
        URLsCase(name: "non-ASCII tags and title", input: "https://a.example/f 新聞 \"~Ça va 🎉\"",
                 subscriptions: [sub("https://a.example/f", "Ça va 🎉", tags: ["新聞"])]),
        URLsCase(name: "duplicate tags collapse", input: "https://a.example/f a b a",
                 subscriptions: [sub("https://a.example/f", tags: ["a", "b"])]),
        // An unknown escape stands for the character itself; an escaped backtick is kept as written.
        URLsCase(name: "escapes inside quotes", input: "https://a.example/f \"a\\\\b\" \"c\\td\" \"e\\qf\" \"g\\`h\" i\\j",
                 subscriptions: [sub("https://a.example/f", tags: ["a\\b", "c\td", "eqf", "g\\`h", "i\\j"])]),
        URLsCase(name: "quoted URL", input: "\"https://a.example/a b\" t",
                 subscriptions: [sub("https://a.example/a b", tags: ["t"])]),
        URLsCase(name: "uppercase scheme", input: "HTTPS://A.example/F",
                 subscriptions: [sub("HTTPS://A.example/F")]),
    ]

    @Test(arguments: cases) func line(_ c: URLsCase) throws {
        let result = try SubscriptionList.parse(Data(c.input.utf8))
        #expect(result.format == .newsboatURLs)
        #expect(result.subscriptions == c.subscriptions)
        #expect(result.queries == c.queries)
        #expect(result.skipped.map(\.location) == c.skipped.map { .line($0) })
        #expect(result.notUnderstood.map(\.location) == c.notUnderstood.map { .line($0) })
    }

    @Test func notesCarryTheLineTextAndAReason() throws {
        let result = try SubscriptionList.parse(Data("https://a.example/f\nhttps://a.example/f x\ngopher://old".utf8))
        #expect(result.skipped.map(\.description) == ["line 2: duplicate of line 1: https://a.example/f x"])
        #expect(result.notUnderstood.first?.text == "gopher://old")
        #expect(result.notUnderstood.first?.reason.contains("not an http(s) URL") == true)
    }

    @Test func utf16WithByteOrderMarkIsRead() throws {
        var data = Data([0xFF, 0xFE])
        data.append("https://a.example/f \"~Zürich\"\n".data(using: .utf16LittleEndian)!)
        #expect(try SubscriptionList.parse(data).subscriptions == [sub("https://a.example/f", "Zürich")])
    }

    @Test func invalidUTF8BecomesReplacementCharacters() throws {
        let data = Data("https://a.example/f \"~caf".utf8) + Data([0xE9]) + Data("\"".utf8)
        #expect(try SubscriptionList.parse(data).subscriptions.first?.title == "caf\u{FFFD}")
    }

    @Test func binaryDataIsRefused() {
        let data = Data((0..<512).map { UInt8($0 % 7 == 0 ? 0 : $0 % 251) })
        #expect(throws: SubscriptionError.binary) { try SubscriptionList.parse(data) }
    }

    @Test func oversizedInputIsRefused() {
        let data = Data(count: SubscriptionList.maxInputBytes + 1)
        #expect(throws: SubscriptionError.tooLarge(limit: SubscriptionList.maxInputBytes)) { try SubscriptionList.parse(data) }
    }

    @Test func emptyFileIsAnEmptyURLsList() throws {
        #expect(try SubscriptionList.parse(Data()) == SubscriptionImport(format: .newsboatURLs))
    }
}
