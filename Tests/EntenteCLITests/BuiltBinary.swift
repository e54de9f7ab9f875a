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

    /// Runs `entente arguments` in the folder (or `directory`), with `environment` added to this process's;
    /// killed after `timeout` seconds when one is given.
    func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
             timeout: TimeInterval? = nil) throws -> Result {
        try Self.run(BuiltBinary.required("entente"), arguments, in: directory ?? folder, environment: environment, timeout: timeout)
    }

    /// Runs any executable in `directory`, output captured through temporary files.
    static func run(_ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String] = [:],
                    timeout: TimeInterval? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        let id = UUID().uuidString
        let outURL = FileManager.default.temporaryDirectory.appendingPathComponent("entente-out-\(id)")
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("entente-err-\(id)")
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        if let timeout {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning && Date() < deadline { usleep(10_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
                      wasKilled: process.terminationReason != .exit)
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
