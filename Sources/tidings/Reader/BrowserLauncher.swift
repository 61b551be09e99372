import Foundation

/// Why a link was not opened.
enum BrowserError: Error, CustomStringConvertible {
    case unsafeScheme(String)
    case launchFailed(String, String)
    var description: String {
        switch self {
        case .unsafeScheme(let url): return "Not opening \(url.prefix(60)): only http, https and mailto links are opened."
        case .launchFailed(let program, let reason): return "Could not start \(program): \(reason)"
        }
    }
}

/// Opens a URL with `$BROWSER` (`%u` replaced, or the URL appended) or `xdg-open`, as an argument, never through a shell.
enum BrowserLauncher {
    static func open(_ link: String) -> Result<Void, BrowserError> {
        guard let scheme = URL(string: link)?.scheme?.lowercased(), ["http", "https", "mailto"].contains(scheme) else {
            return .failure(.unsafeScheme(link))
        }
        let env = ProcessInfo.processInfo.environment
        var argv: [String]
        if let browser = env["BROWSER"], !browser.trimmingCharacters(in: .whitespaces).isEmpty {
            // $BROWSER may be a colon-separated list; the first entry is used.
            let first = browser.split(separator: ":").first.map(String.init) ?? browser
            argv = first.split(separator: " ").map(String.init)
            if argv.contains(where: { $0.contains("%u") }) {
                argv = argv.map { $0.replacingOccurrences(of: "%u", with: link) }
            } else {
                argv.append(link)
            }
        } else {
            argv = ["xdg-open", link]
        }
        let usesDesktopOpener = argv.first == "xdg-open"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = argv
        if usesDesktopOpener {
            // xdg-open starts a graphical program whose chatter would land on the terminal behind
            // the reader; its exit status says enough. A $BROWSER may be a terminal program (lynx,
            // w3m), so it keeps the terminal.
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        }
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            return .failure(.launchFailed(argv[0], error.localizedDescription))
        }
        if process.terminationStatus == 127 { return .failure(.launchFailed(argv[0], "not found; set $BROWSER")) }
        if usesDesktopOpener, process.terminationStatus != 0 {
            return .failure(.launchFailed(argv[0], "it exited with status \(process.terminationStatus); set $BROWSER"))
        }
        return .success(())
    }
}
