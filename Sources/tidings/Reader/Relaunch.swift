import Foundation

/// The Swift runtime's backtracer waits up to 30 s for keys on a terminal after a crash;
/// the reader re-executes itself once with that turned off.
enum Relaunch {
    static func ensureQuietBacktraces() {
        let env = ProcessInfo.processInfo.environment
        guard env["SWIFT_BACKTRACE"] == nil else { return }
        setenv("SWIFT_BACKTRACE", "interactive=no", 1)
        let args = CommandLine.arguments
        var cargs: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) }
        cargs.append(nil)
        execv("/proc/self/exe", &cargs)
        // execv only returns on failure: carry on without the setting.
    }
}
