import ArgumentParser
import EntenteKit
import Foundation

/// Runs `body`, turning an ``EntenteError`` into its message on stderr and its exit status. Any other
/// error (a Foundation file error that escaped) goes through ``FileProblem/ententeError(from:)`` so that
/// it too is one sentence with a documented status, never `NSCocoaErrorDomain` text.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let exit as ExitCode {
        throw exit
    } catch let validation as ValidationError {
        throw validation
    } catch {
        let error = FileProblem.ententeError(from: error)
        printError(error.description)
        throw ExitCode(error.exitStatus)
    }
}

/// Writes a line to stderr.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// A progress line on stderr, redrawn at most five times a second, only on a terminal.
final class ProgressLine {
    private let enabled: Bool
    private var lastDraw = Date.distantPast
    private let started = Date()
    private var drawn = false

    init(enabled: Bool) { self.enabled = enabled && isatty(2) == 1 }

    func update(done: Int, total: Int) {
        guard enabled, Date().timeIntervalSince(lastDraw) > 0.2 || done == total else { return }
        lastDraw = Date()
        let elapsed = Date().timeIntervalSince(started)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let remaining = rate > 0 ? Double(total - done) / rate : 0
        FileHandle.standardError.write(Data("\r\(done)/\(total) replicates, \(Int(rate))/s, ETA \(Int(remaining.rounded())) s   ".utf8))
        drawn = true
    }

    func finish() {
        if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
