import Foundation
import TidingsTerminal
import TidingsText

/// Text meant for people (not JSON, HTML or export files, which are data and stay UTF-8): written
/// as is, or with non-ASCII as `?` when no UTF-8 locale exists, as the reader draws it.
enum TextOutput {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(ProcessLocale.charset.printable(text).utf8))
    }

    /// One `tidings: …` line on stderr.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data(ProcessLocale.charset.printable("tidings: \(message)\n").utf8))
    }
}
