import ArgumentParser
import Foundation
import TidingsCore
import TidingsRefresh
import TidingsRender
import TidingsStore
import TidingsTerminal

/// `tidings [read]`: the interactive reader.
struct ReadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Open the reader (the default command).")

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp("Theme name (default, mono, or a file in ~/.config/tidings/themes) or path to a .toml file.", valueName: "name"))
    var theme: String?

    @Option(name: .customLong("sources"), help: ArgumentHelp(
        "Load every feed file and article folder in this folder into the cache before opening (used by `make run` for SampleFeeds).",
        valueName: "dir"))
    var sources: [String] = []

    @Flag(name: .long, help: "Use no colors (also when NO_COLOR is set).")
    var noColor = false

    @MainActor
    func run() async throws {
        Relaunch.ensureQuietBacktraces()
        let config = try ConfigLoader.load(path: common.configPath, explicit: common.configIsExplicit)
        let themeName = theme ?? config.theme ?? "default"
        let chosenTheme = try ThemeLoader.load(themeName)
        let env = ProcessInfo.processInfo.environment
        let useColor = !noColor && (env["NO_COLOR"] ?? "").isEmpty

        // The lock comes first: a second reader must leave the cache untouched (no migration, no sources).
        try CacheFile.ensureFolder(of: common.cachePath)
        let lock: ReaderLock
        do { lock = try ReaderLock(cachePath: common.cachePath) } catch { throw CommandFailure(error.description) }
        let store = try CacheFile.open(path: common.cachePath)
        for dir in sources {
            let report: SourceLoadReport
            do { report = try SourceLoader.loadFolder(dir, into: store) } catch { throw CommandFailure("\(error)") }
            for warning in report.problems { TextOutput.error(warning) }
        }

        var state = AppState(layoutPreference: config.layout, keymap: config.keymap, timeZone: .current)
        state.isLoading = true
        let terminal = TerminalSession(theme: chosenTheme, useColor: useColor, tickSeconds: 1)
        let runtime = ReaderRuntime(store: store, terminal: terminal, state: state, config: config)
        let code = await runtime.run()
        withExtendedLifetime(lock) {}
        if code != 0 { throw ExitCode(code) }
    }
}
