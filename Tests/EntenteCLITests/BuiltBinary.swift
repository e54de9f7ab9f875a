import Foundation
import XCTest

/// Finds the executables built beside the test bundle, so end-to-end tests run the binary built
/// from the same sources (`.build/debug/` for plain `swift test`, `<scratch>/debug/` otherwise).
enum BuiltBinary {
    /// The package root, for shipped scenarios and fixtures.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Where an executable named `name` may be, nearest first. On Linux the bundle URL is the build
    /// folder or the `.xctest` executable itself depending on the Foundation version, hence several.
    static func candidates(_ name: String) -> [URL] {
        let bundle = Bundle(for: BuiltBinaryAnchor.self).bundleURL
        var folders = [bundle, bundle.deletingLastPathComponent(),
                       URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        if let executable = Bundle.main.executableURL { folders.append(executable.deletingLastPathComponent()) }
        return folders.map { $0.appendingPathComponent(name).standardizedFileURL }
    }

    /// The executable `name`; for `entente`, `ENTENTE_BINARY` overrides the search.
    static func url(_ name: String) -> URL? {
        if name == "entente", let path = ProcessInfo.processInfo.environment["ENTENTE_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return candidates(name).first { candidate in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && FileManager.default.isExecutableFile(atPath: candidate.path)
        }
    }

    /// The executable, or a skip naming where it was looked for.
    static func required(_ name: String) throws -> URL {
        guard let url = url(name) else {
            throw XCTSkip("\(name) not built beside the test bundle (run `swift build` first); looked at \(candidates(name).map(\.path))")
        }
        return url
    }
}

/// A class in this bundle, for `Bundle(for:)`.
private final class BuiltBinaryAnchor {}

/// The one harness of the end-to-end tests: a temporary working folder, files written into it, and the
/// built `entente` run in it with stdin closed and stdout/stderr captured through files (pipes can fill
/// up and block a chatty child).
struct CLIHarness {
    /// What a run of the binary gave.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// True when the run was killed at its timeout (or by any signal).
        var wasKilled = false
        /// The signal that ended the run, nil when it exited.
        var signal: Int32?
        /// True when the run was still going at its timeout and was killed for it.
        var timedOut = false
    }

    /// The working folder, removed by ``remove()``.
    let folder: URL

    /// Creates a fresh folder named `prefix-<uuid>` in the temporary directory; skips when the binary is not built.
    init(prefix: String) throws {
        _ = try BuiltBinary.required("entente")
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Deletes the working folder and everything in it.
    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// A run of a binary started and not yet waited for: a test can signal it, watch the files it
    /// writes, or start another beside it. Its output goes to two temporary files until ``finish(_:)``.
    final class Launched {
        /// The running process.
        let process = Process()
        let outURL: URL
        let errURL: URL
        /// This side's handles of the output files, closed by ``CLIHarness/finish(_:)``.
        fileprivate var handles: [FileHandle] = []

        fileprivate init() {
            let id = UUID().uuidString
            outURL = FileManager.default.temporaryDirectory.appendingPathComponent("entente-out-\(id)")
            errURL = FileManager.default.temporaryDirectory.appendingPathComponent("entente-err-\(id)")
        }
    }

    /// Runs `entente arguments` in the folder (or `directory`), with `environment` added to this process's;
    /// killed after `timeout` seconds when one is given.
    func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
             timeout: TimeInterval? = nil) throws -> Result {
        try Self.run(BuiltBinary.required("entente"), arguments, in: directory ?? folder, environment: environment, timeout: timeout)
    }

    /// Starts `entente arguments` in the folder (or `directory`) without waiting; `limit` is a shell command
    /// run first in the same process (`ulimit -f 1`), for resource limits.
    func launch(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:], limit: String? = nil) throws -> Launched {
        let binary = try BuiltBinary.required("entente")
        guard let limit else { return try Self.launch(binary, arguments, in: directory ?? folder, environment: environment) }
        return try Self.launch(URL(fileURLWithPath: "/bin/sh"), ["-c", "\(limit); exec \"$0\" \"$@\"", binary.path] + arguments,
                               in: directory ?? folder, environment: environment)
    }

    /// Runs any executable in `directory`, output captured through temporary files.
    static func run(_ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String] = [:],
                    timeout: TimeInterval? = nil) throws -> Result {
        try finish(try launch(executable, arguments, in: directory, environment: environment), timeout: timeout)
    }

    /// Starts any executable in `directory` with stdin closed; this process's environment without its
    /// `SLURM_` variables (a test run inside a Slurm job must not shard the sweeps it starts), plus `environment`.
    static func launch(_ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Launched {
        let launched = Launched()
        let process = launched.process
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SLURM_") }.merging(environment) { _, new in new }
        _ = FileManager.default.createFile(atPath: launched.outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: launched.errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: launched.outURL), err = try FileHandle(forWritingTo: launched.errURL)
        launched.handles = [out, err]
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            for handle in launched.handles { try? handle.close() }
            try? FileManager.default.removeItem(at: launched.outURL)
            try? FileManager.default.removeItem(at: launched.errURL)
            throw error
        }
        return launched
    }

    /// Waits for a launched run (killing it after `timeout` seconds, when given) and returns what it gave;
    /// its output files are removed.
    func finish(_ launched: Launched, timeout: TimeInterval? = nil) throws -> Result { try Self.finish(launched, timeout: timeout) }

    /// Waits for a launched run (killing it after `timeout` seconds, when given) and returns what it gave;
    /// its output files are removed.
    static func finish(_ launched: Launched, timeout: TimeInterval? = nil) throws -> Result {
        var timedOut = false
        if let timeout {
            let deadline = Date().addingTimeInterval(timeout)
            while launched.process.isRunning && Date() < deadline { usleep(10_000) }
            if launched.process.isRunning {
                timedOut = true
                kill(launched.process.processIdentifier, SIGKILL)
            }
        }
        launched.process.waitUntilExit()
        for handle in launched.handles { try handle.close() }
        defer {
            try? FileManager.default.removeItem(at: launched.outURL)
            try? FileManager.default.removeItem(at: launched.errURL)
        }
        return Result(status: launched.process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: launched.outURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: launched.errURL), as: UTF8.self),
                      wasKilled: launched.process.terminationReason != .exit,
                      signal: launched.process.terminationReason == .uncaughtSignal ? launched.process.terminationStatus : nil,
                      timedOut: timedOut)
    }

    /// Writes `text` to `name` in the folder (creating subfolders) and returns its path.
    @discardableResult
    func write(_ text: String, to name: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// The bytes of `name` in the folder.
    func data(_ name: String) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(name)) }

    /// The text of `name` in the folder.
    func text(_ name: String) throws -> String { String(decoding: try data(name), as: UTF8.self) }
}
