import ArgumentParser
import Foundation
import TidingsFeeds
import TidingsStore

/// `tidings import FILE`: OPML 1.0/2.0 or a newsboat urls file, told apart by content.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import subscriptions from OPML or a newsboat urls file (use - for standard input).")

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp("The OPML or urls file.", valueName: "file"))
    var file: String

    @Flag(name: .long, help: "Print what was added, skipped and not understood as JSON.")
    var json = false

    func run() throws {
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let d = FileManager.default.contents(atPath: file) else { throw CommandFailure("cannot read \(file)") }
            data = d
        }
        let parsed: SubscriptionImport
        do { parsed = try SubscriptionList.parse(data) } catch { throw CommandFailure("\(file): \(error)") }
        let base = file == "-" ? FileManager.default.currentDirectoryPath
            : URL(fileURLWithPath: file).standardizedFileURL.deletingLastPathComponent().path

        let store = try Headless.store(common)
        var known = Set(try Headless.attempt { try store.feeds() }.map(\.source))
        var knownSearches = Set(try Headless.attempt { try store.savedSearches() }.map(\.name))
        var added: [String] = [], skipped = parsed.skipped.map(\.description), notUnderstood = parsed.notUnderstood.map(\.description)
        var searches: [String] = []
        for (i, sub) in parsed.subscriptions.enumerated() {
            let source: String
            do { source = try Sources.normalize(sub.source, relativeTo: base) } catch {
                notUnderstood.append("subscription \(i + 1) (\(sub.source)): \(error)")
                continue
            }
            if known.contains(source) { skipped.append("\(sub.source): already subscribed"); continue }
            _ = try Headless.attempt {
                try store.registerFeed(source: source, title: sub.title, tags: sub.tags, hidden: sub.hidden, filter: sub.filter)
            }
            known.insert(source)
            added.append(source)
        }
        for query in parsed.queries {
            if knownSearches.contains(query.name) { skipped.append("query \(query.name): a saved search of that name exists"); continue }
            try Headless.attempt { try store.saveSearch(name: query.name, query: query.query) }
            knownSearches.insert(query.name)
            searches.append(query.name)
        }
        if json {
            try Headless.printJSON(["format": parsed.format.rawValue, "added": added, "savedSearches": searches,
                                    "skipped": skipped, "notUnderstood": notUnderstood])
            return
        }
        print("Imported \(parsed.format.rawValue): added \(added.count) feed\(added.count == 1 ? "" : "s") and "
              + "\(searches.count) saved search\(searches.count == 1 ? "" : "es"); skipped \(skipped.count); "
              + "could not understand \(notUnderstood.count).")
        for line in skipped { print("  skipped: \(line)") }
        for line in notUnderstood { print("  not understood: \(line)") }
        if !added.isEmpty { print("Run `tidings refresh` to read them.") }
    }
}
