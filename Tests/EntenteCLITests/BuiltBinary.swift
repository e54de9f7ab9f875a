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
