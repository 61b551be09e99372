import ArgumentParser

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
            ListCommand.self,
            ShowCommand.self,
            MarkCommand.self,
            SearchCommand.self,
            StatsCommand.self,
            CleanupCommand.self,
            ParseCommand.self,
        ],
        defaultSubcommand: ReadCommand.self)
}

enum TidingsVersion {
    static let string = "0.1.0"
}
