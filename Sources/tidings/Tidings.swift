import ArgumentParser
import Foundation
import TidingsTerminal

/// The `tidings` command: opens the reader by default; subcommands serve scripts.
@main
struct Tidings: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tidings",
        abstract: "A terminal news reader: browse headlines, read whole articles, keep track of what you read.",
        version: TidingsVersion.string,
        subcommands: [
            ReadCommand.self,
            AddCommand.self,
            RemoveCommand.self,
            FeedsCommand.self,
            ImportCommand.self,
            ExportCommand.self,
            RefreshCommand.self,
            SyncCommand.self,
            ListCommand.self,
            ShowCommand.self,
            MarkCommand.self,
            SearchCommand.self,
            StatsCommand.self,
            CleanupCommand.self,
            ParseCommand.self,
            ExtractCommand.self,
        ],
        defaultSubcommand: ReadCommand.self)

    /// Runs the command; a failure of ours is one `tidings: …` line on stderr and exit status 1.
    static func main() async {
        // The locale first (a UTF-8 one even when the environment names none), for every command.
        _ = ProcessLocale.charset
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            TextOutput.error(failure.description)
            Foundation.exit(1)
        } catch {
            CommandFailure.exit(for: error)
        }
    }
}

enum TidingsVersion {
    static let string = "0.1.0"
}
