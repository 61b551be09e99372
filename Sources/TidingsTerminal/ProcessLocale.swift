import Foundation
import TidingsText

/// Sets the process's character handling once, for the reader and the command line alike: the
/// user's own (`LC_CTYPE` from the environment), or a UTF-8 locale when the user's codeset is not
/// UTF-8 (see `OutputCharset`). Only `LC_CTYPE` is set, as PEP 538 does: nothing else in Tidings
/// depends on the C locale (dates and numbers are formatted by Tidings itself), and numbers must
/// not start printing with decimal commas.
public enum ProcessLocale {
    /// What the process may write; the first use sets the locale.
    public static let charset: OutputCharset = {
        setlocale(LC_CTYPE, "")
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
