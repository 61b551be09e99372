import ArgumentParser
import Foundation
import TidingsCore
import TidingsFeeds

/// `tidings parse FILE`: parses one feed file, standard input or an article folder and prints what was recovered.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse a feed file (RSS, Atom, JSON Feed) or an article folder and print what was recovered.")

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp("A feed file, an article folder, or - for standard input.", valueName: "file"))
    var file: String

    @Flag(name: .long, help: "Print the parsed document as JSON.")
    var json = false

    @Option(name: .customLong("base-url"), help: ArgumentHelp("The feed's own URL, for resolving relative links.", valueName: "url"))
    var baseURL: String?

    @Option(name: .long, help: ArgumentHelp("The character encoding, as an HTTP Content-Type charset would give it.", valueName: "name"))
    var encoding: String?

    @Option(name: .customLong("max-size"), help: ArgumentHelp("Refuse inputs larger than this many bytes (default 50 MB).", valueName: "bytes"))
    var maxSize: Int?

    func validate() throws {
        if let maxSize, maxSize <= 0 { throw ValidationError("--max-size must be a positive number of bytes.") }
        if let baseURL, URL(string: baseURL)?.scheme == nil {
            throw ValidationError("--base-url must be an absolute URL such as https://example.com/feed.xml.")
        }
    }

    func run() throws {
        var options = ParseOptions()
        if let maxSize { options.maxInputBytes = maxSize }
        let document: FeedDocument
        do {
            document = try parse(options: options)
        } catch let error as FeedParseError {
            fail(error.description)
        } catch {
            fail("\(error)")
        }
        if json {
            FileHandle.standardOutput.write(Data((FeedJSON.encode(document) + "\n").utf8))
        } else {
            TextOutput.write(Self.summary(document))
        }
    }

    private func parse(options: ParseOptions) throws -> FeedDocument {
        let base = baseURL.flatMap { URL(string: $0) }
        if file != "-" {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
                throw FeedParseError.unreadable(path: file, reason: "no such file or folder")
            }
            if isDirectory.boolValue {
                let doc = try ArticleFolder.read(URL(fileURLWithPath: file))
                if doc.items.isEmpty {
                    throw FeedParseError.notAFeed("a folder without readable .md, .markdown, .html or .htm articles")
                }
                return doc
            }
        }
        let data = try InputReader.read(file, limit: options.maxInputBytes)
        return try FeedParser.parse(data, baseURL: base, encodingHint: encoding, options: options)
    }

    private func fail(_ reason: String) -> Never {
        let name = file == "-" ? "<stdin>" : file
        let line = reason.replacingOccurrences(of: "\n", with: " ")
        TextOutput.error("\(name): \(line)")
        Foundation.exit(1)
    }

    /// A few lines for a person: format, title, item count, the first titles, warnings.
    static func summary(_ doc: FeedDocument) -> String {
        var lines = ["Format:   \(doc.format.rawValue)", "Title:    \(doc.feed.title ?? "(none)")"]
        if let link = doc.feed.link { lines.append("Link:     \(link)") }
        lines.append("Items:    \(doc.items.count)")
        for item in doc.items.prefix(5) {
            let date = item.published.map { " (\(FeedJSON.isoUTC($0)))" } ?? ""
            lines.append("  - \(item.title ?? "(untitled)")\(date)")
        }
        if doc.items.count > 5 { lines.append("  … and \(doc.items.count - 5) more") }
        lines.append("Warnings: \(doc.warnings.count)")
        for w in doc.warnings.prefix(5) { lines.append("  ! \(w)") }
        if doc.warnings.count > 5 { lines.append("  … and \(doc.warnings.count - 5) more (see --json)") }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Reads a file or standard input, stopping one byte past the limit so a huge input is refused without being held.
enum InputReader {
    static func read(_ path: String, limit: Int) throws -> Data {
        let handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            guard let h = FileHandle(forReadingAtPath: path) else {
                throw FeedParseError.unreadable(path: path, reason: "permission denied or not a regular file")
            }
            handle = h
        }
        defer { if path != "-" { try? handle.close() } }
        var data = Data()
        while data.count <= limit {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: min(1 << 20, limit + 1 - data.count))
            } catch {
                throw FeedParseError.unreadable(path: path == "-" ? "standard input" : path, reason: error.localizedDescription)
            }
            guard let chunk, !chunk.isEmpty else { break }
            data.append(chunk)
        }
        if data.count > limit { throw FeedParseError.tooLarge(limit: limit) }
        return data
    }
}
