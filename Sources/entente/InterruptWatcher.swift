import EntenteKit
import Foundation

/// SIGINT and SIGTERM during `run` and `compare`: removes the hidden `.NAME.partial-PID` folder being
/// written (and any folder created on the way to it), says so in one line, and exits 130 or 143.
/// Earlier results are untouched: they are only replaced by the final move, which the cleanup excludes.
final class InterruptWatcher {
    private var sources: [DispatchSourceSignal] = []

    init() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                let removed = InterruptCleanup.shared.cleanUpForExit()
                let name = number == SIGINT ? "SIGINT" : "SIGTERM"
                let what = removed.isEmpty ? "nothing was written"
                    : "removed the unfinished results " + removed.joined(separator: ", ")
                printError((isatty(2) == 1 ? "\n" : "") + "interrupted by \(name): \(what)")
                _exit(number == SIGINT ? 130 : 143)
            }
            source.resume()
            sources.append(source)
        }
    }
}
