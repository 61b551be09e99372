import Foundation
import TidingsText

/// Sets the process locale once, for the reader and the command line alike: the user's own
/// (`setlocale(LC_ALL, "")`), with character handling moved to a UTF-8 locale when the user's
/// codeset is not UTF-8 (see `OutputCharset`).
public enum ProcessLocale {
    /// What the process may write; the first use sets the locale.
    public static let charset: OutputCharset = {
        setlocale(LC_ALL, "")
        let chosen = OutputCharset.choose(codeset: codeset, select: { setlocale(LC_CTYPE, $0) != nil })
        switch chosen {
        case .utf8:
            break
        case .utf8Fallback(let name):
            // Programs started from the reader ($PAGER, a text browser) get the same, unless
            // LC_ALL (which would override it) was set.
            if (ProcessInfo.processInfo.environment["LC_ALL"] ?? "").isEmpty { setenv("LC_CTYPE", name, 1) }
        case .ascii:
            setlocale(LC_CTYPE, "")
        }
        return chosen
    }()

    private static func codeset() -> String? {
        guard let p = nl_langinfo(nl_item(CODESET)) else { return nil }
        return String(cString: p)
    }
}
