import Foundation
import Testing
import TidingsRender

@Suite struct ThemeTests {
    static let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Themes")

    @Test func bundledDefaultThemeFileMatchesTheBuiltInOne() throws {
        let text = try String(contentsOf: Self.themes.appendingPathComponent("default.toml"), encoding: .utf8)
        let theme = try Theme(toml: text)
        for role in Role.allCases { #expect(theme.style(role) == Theme.standard.style(role), "\(role)") }
    }

    @Test func monoThemeHasNoColors() throws {
        let text = try String(contentsOf: Self.themes.appendingPathComponent("mono.toml"), encoding: .utf8)
        let theme = try Theme(toml: text)
        for role in Role.allCases {
            #expect(theme.style(role).foreground == .default)
            #expect(theme.style(role).background == .default)
        }
        #expect(theme == Theme.standard.withoutColor)
    }

    @Test(arguments: [
        ("[listUnread]\nfg = \"#ff0000\"\nbg = \"color17\"\nattrs = [\"bold\", \"italic\"]", true),
        ("[noSuchRole]\nfg = \"red\"", false),
        ("[listUnread]\nfg = \"reddish\"", false),
        ("[listUnread]\nattrs = [\"blink\"]", false),
        ("[listUnread]\ncolour = \"red\"", false),
        ("[listUnread\n", false),
    ])
    func themeFilesAreValidated(text: String, ok: Bool) {
        do {
            let theme = try Theme(toml: text)
            #expect(ok)
            #expect(theme.style(.listUnread) == Style(.rgb(255, 0, 0), .indexed(17), [.bold, .italic]))
        } catch {
            #expect(!ok)
            #expect("\(error)".contains("line"))
        }
    }

    @Test(arguments: [
        (ThemeColor.rgb(255, 0, 0), 256, 196), (.rgb(255, 0, 0), 8, 1), (.indexed(12), 8, 4), (.indexed(200), 256, 200),
        (.default, 8, -1), (.rgb(128, 128, 128), 256, 244), (.indexed(3), 8, 3),
    ])
    func colorsAreDowngradedToTheTerminalsDepth(color: ThemeColor, colors: Int, expected: Int) {
        #expect(color.paletteIndex(colors: colors) == expected)
    }
}
