import Testing
@testable import TidingsCore

@Suite struct ConfigTests {
    @Test func keysBindAndUnbindThroughTheCommandTable() throws {
        let config = try Config(toml: """
        theme = "mono"
        layout = "stacked"
        [keys]
        "^N" = "next-unread"
        "x" = "toggle-read"
        "j" = "none"
        [keys.reader]
        "d" = "half-page-down"
        """)
        #expect(config.theme == "mono")
        #expect(config.layout == .stacked)
        #expect(config.keymap.command(for: .ctrl("n"), in: .list) == .nextUnread)
        #expect(config.keymap.command(for: .char("x"), in: .reader) == .toggleRead)
        #expect(config.keymap.command(for: .char("j"), in: .list) == nil)
        #expect(config.keymap.command(for: .char("d"), in: .reader) == .halfPageDown)
        #expect(config.keymap.command(for: .char("d"), in: .list) == nil)
    }

    @Test(arguments: [
        ("bogus = 1", "config line 1: unknown setting bogus"),
        ("[keys]\n\"j\" = \"fly\"", "config line 2: unknown command \"fly\" (see the help screen, ?, for command names)"),
        ("[keys]\n\"Ctrl+J\" = \"down\"", "config line 2: \"Ctrl+J\" is not a key name (examples: j, ^L, Enter, PgDn, F1)"),
        ("layout = \"diagonal\"", "config line 1: layout must be \"auto\", \"side-by-side\" or \"stacked\""),
        ("theme = mono", "config line 1: cannot read value mono; strings need quotes"),
        ("[keys\n", "config line 1: a table header must look like [name]"),
    ])
    func badConfigNamesTheLine(text: String, message: String) {
        #expect(throws: (any Error).self) { try Config(toml: text) }
        do { _ = try Config(toml: text) } catch { #expect("\(error)" == message) }
    }

    @Test func everyCommandHasAKeyAndHelpText() {
        for command in Command.allCases {
            #expect(!Keymap.standard.keys(for: command).isEmpty, "\(command) has no key")
            #expect(!command.help.isEmpty)
        }
        let lines = HelpContent.lines(keymap: .standard)
        #expect(lines.filter { $0.kind == .binding }.count == Command.allCases.count)
    }

    @Test(arguments: ["j", "^L", "Enter", "PgDn", "F1", "Space", "Esc", "S-Tab"])
    func keyNamesRoundTrip(name: String) throws {
        let key = try #require(Key(name: name))
        #expect(key.name == name)
    }

    @Test func newsboatKeysAreWhereFingersExpectThem() {
        let map = Keymap.standard
        let expected: [(Key, Command)] = [
            (.char("j"), .down), (.char("k"), .up), (.enter, .open), (.char("q"), .back), (.char("Q"), .quit),
            (.char("n"), .nextUnread), (.char("p"), .prevUnread), (.char("N"), .toggleRead), (.char("A"), .markFeedRead),
            (.char("o"), .openInBrowser), (.char("O"), .openInBrowserAndMarkRead), (.char("?"), .help),
            (.char(" "), .pageDown), (.pageDown, .pageDown), (.pageUp, .pageUp), (.char("g"), .top), (.char("G"), .bottom),
            (.ctrl("l"), .redraw), (.tab, .toggleFocus), (.char("z"), .zoom),
        ]
        for (key, command) in expected { #expect(map.command(for: key, in: .list) == command, "\(key.name)") }
        #expect(map.command(for: .char("J"), in: .list) == .nextFeed)
        #expect(map.command(for: .char("J"), in: .reader) == .nextArticle)
    }
}

@Suite struct RetentionConfigTests {
    @Test func savedSearchesComeFromTheSearchesTable() throws {
        let config = try Config(toml: """
            [searches]
            "Climate news" = "climate unread"
            bridges = 'title:bridge'
            """)
        #expect(config.searches == ["Climate news": "climate unread", "bridges": "title:bridge"])
        for bad in ["[searches]\nx = 3", "[searches]\nx = \"  \""] {
            #expect(throws: ConfigError.self) { try Config(toml: bad) }
        }
    }

    @Test func perFeedRetentionTablesNameFeedsBySourceOrTitle() throws {
        let config = try Config(toml: """
            [retention]
            max-articles = 500
            [retention."https://example.com/feed.xml"]
            keep-days = 7
            [retention."Harbor Gazette"]
            max-articles = 0
            keep-days = 30
            """)
        #expect(config.retention == RetentionPolicy(
            global: RetentionLimits(maxArticles: 500),
            perFeed: ["https://example.com/feed.xml": RetentionLimits(keepDays: 7),
                      "Harbor Gazette": RetentionLimits(maxArticles: 0, keepDays: 30)]))
        #expect(config.retention.perFeed["https://example.com/feed.xml"]!.over(config.retention.global).effective
                == RetentionLimits(maxArticles: 500, keepDays: 7))
        #expect(config.retention.perFeed["Harbor Gazette"]!.over(config.retention.global).effective
                == RetentionLimits(keepDays: 30))
        #expect(RetentionPolicy(global: RetentionLimits(maxArticles: 0, keepDays: 0)).isUnlimited)
    }

    @Test(arguments: [
        ("[retention.\"x\"]\nkeep = 1", "config line 2: unknown setting retention.x.keep"),
        ("[retention.\"x\"]\nkeep-days = -2", "config line 2: keep-days must be a whole number, 0 (no limit) or more"),
        ("[retention.\"unclosed]\n", "config line 1: invalid table name [retention.\"unclosed]"),
        ("[retention.\"\"]\n", "config line 1: invalid table name [retention.\"\"]"),
        ("[a..b]\n", "config line 1: invalid table name [a..b]"),
    ])
    func badRetentionTablesNameTheLine(text: String, message: String) {
        #expect(throws: ConfigError.self) { try Config(toml: text) }
        do { _ = try Config(toml: text) } catch { #expect(error.description == message) }
    }

    @Test func retentionLimitsAreRead() throws {
        let config = try Config(toml: "[retention]\nmax-articles = 500\nkeep-days = 90\n")
        #expect(config.maxArticles == 500)
        #expect(config.keepDays == 90)
        #expect(Config().maxArticles == nil)
    }

    @Test func aNegativeOrTextLimitNamesTheLine() {
        for text in ["[retention]\nkeep-days = -1", "[retention]\nkeep-days = \"90\"", "[retention]\nforever = 1"] {
            #expect(throws: ConfigError.self) { try Config(toml: text) }
        }
    }
}
