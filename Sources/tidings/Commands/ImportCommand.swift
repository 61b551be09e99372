import ArgumentParser
import Foundation
import TidingsFeeds
import TidingsStore
import TidingsText

/// `tidings import FILE`: OPML 1.0/2.0 or a newsboat urls file, told apart by content.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import subscriptions from OPML or a newsboat urls file (use - for standard input).",
        discussion: "Reports every feed and saved search it added, and what it skipped or could not understand, "
            + "with the line (urls file) or outline (OPML, 1.2 = second outline inside the first) it came from.")

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp("The OPML or urls file.", valueName: "file"))
    var file: String

    @Flag(name: .long, help: "Print what was added, skipped and not understood as JSON.")
    var json = false

    /// One line of the report: where in the file, and what happened there.
    struct Entry {
        var location: ImportLocation?
        var text: String
        var reason: String?

        init(_ location: ImportLocation?, _ text: String, reason: String? = nil) {
            self.location = location
            self.text = text
            self.reason = reason
        }
        init(_ note: ImportNote) { self.init(note.location, note.text, reason: note.reason) }

        /// Text from the file may hold escape sequences: made terminal-safe here.
        var description: String {
            TerminalSafe.singleLine([location?.description, reason, text].compactMap { $0 }.joined(separator: ": "))
        }
        var json: [String: Any] {
            var line: Any = NSNull()
            if case .line(let n)? = location { line = n }
            return ["location": location?.description ?? NSNull(), "line": line, "text": text, "reason": reason ?? NSNull()]
        }
    }

    func run() throws {
        let data = try read()
        let parsed: SubscriptionImport
        do { parsed = try SubscriptionList.parse(data) } catch { throw CommandFailure("\(file): \(error)") }
        let base = file == "-" ? FileManager.default.currentDirectoryPath
            : URL(fileURLWithPath: file).standardizedFileURL.deletingLastPathComponent().path

        let store = try Headless.store(common)
        var known = Set(try Headless.attempt { try store.feeds() }.map(\.source))
        var knownSearches = Set(try Headless.attempt { try store.savedSearches() }.map(\.name))
        var added: [Entry] = [], searches: [Entry] = []
        var registrations: [FeedRegistration] = []
        var skipped = parsed.skipped.map(Entry.init), notUnderstood = parsed.notUnderstood.map(Entry.init)
        for (i, sub) in parsed.subscriptions.enumerated() {
            let location = i < parsed.locations.count ? parsed.locations[i] : nil
            let source: String
            do { source = try Sources.normalize(sub.source, relativeTo: base) } catch {
                notUnderstood.append(Entry(location, sub.source, reason: "\(error)"))
                continue
            }
            if known.contains(source) { skipped.append(Entry(location, sub.source, reason: "already subscribed")); continue }
            registrations.append(FeedRegistration(source: source, title: sub.title, tags: sub.tags, hidden: sub.hidden, filter: sub.filter))
            known.insert(source)
            added.append(Entry(location, source))
        }
        // One transaction: a large file imports in seconds, and a failure leaves no half-import behind.
        _ = try Headless.attempt { try store.registerFeeds(registrations) }
        for (i, query) in parsed.queries.enumerated() {
            let location = i < parsed.queryLocations.count ? parsed.queryLocations[i] : nil
            if knownSearches.contains(query.name) {
                skipped.append(Entry(location, "query:\(query.name):\(query.query)", reason: "a saved search of that name exists"))
                continue
            }
            try Headless.attempt { try store.saveSearch(name: query.name, query: query.query) }
            knownSearches.insert(query.name)
            searches.append(Entry(location, query.name))
        }
        if json {
            try Headless.printJSON(["format": parsed.format.rawValue, "added": added.map(\.json),
                                    "savedSearches": searches.map(\.json), "skipped": skipped.map(\.json),
                                    "notUnderstood": notUnderstood.map(\.json)])
            return
        }
        var lines = ["Imported \(Self.name(of: parsed.format)): added \(added.count) feed\(added.count == 1 ? "" : "s") and "
                     + "\(searches.count) saved search\(searches.count == 1 ? "" : "es"); skipped \(skipped.count); "
                     + "could not understand \(notUnderstood.count)."]
        lines += added.map { "  added: \($0.description)" }
        lines += searches.map { "  added saved search: \($0.description)" }
        lines += skipped.map { "  skipped: \($0.description)" }
        lines += notUnderstood.map { "  not understood: \($0.description)" }
        if !added.isEmpty { lines.append("Run `tidings refresh` to read them.") }
        Headless.printLines(lines)
    }

    private func read() throws -> Data {
        if file == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) else {
            throw CommandFailure("no such file: \(file)")
        }
        if isFolder.boolValue { throw CommandFailure("\(file) is a folder; give an OPML or newsboat urls file") }
        guard let data = FileManager.default.contents(atPath: file) else { throw CommandFailure("cannot read \(file)") }
        return data
    }

    static func name(of format: SubscriptionImport.Format) -> String {
        switch format {
        case .opml1: return "OPML 1.x"
        case .opml2: return "OPML 2.0"
        case .newsboatURLs: return "a newsboat urls file"
        }
    }
}
