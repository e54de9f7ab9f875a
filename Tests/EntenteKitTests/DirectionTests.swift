import Foundation
import XCTest

/// The model core stays free of files and YAML: EntenteCore depends on CGSL alone (so the compiler
/// refuses `import Yams` or `import EntenteKit` there), and its sources name no file-system API.
final class DirectionTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `dependencies: [...]` of `.target(name: "NAME", ...)` in Package.swift, as written.
    private func dependencies(of target: String) throws -> [String] {
        let manifest = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: "\\.target\\(\\s*name:\\s*\"\(target)\",\\s*dependencies:\\s*\\[([^\\]]*)\\]")
        let match = try XCTUnwrap(pattern.firstMatch(in: manifest, range: NSRange(manifest.startIndex..., in: manifest)),
                                  "no .target(name: \"\(target)\", dependencies: [...]) in Package.swift")
        let list = manifest[try XCTUnwrap(Range(match.range(at: 1), in: manifest))]
        return list.split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            .filter { !$0.isEmpty }
    }

    func testEntenteCoreDependsOnCGSLAloneAndEntenteKitOnTheCore() throws {
        XCTAssertEqual(try dependencies(of: "EntenteCore"), ["CGSL"])
        XCTAssertEqual(try dependencies(of: "EntenteKit"), ["EntenteCore", "CGSL", "CZlib", "Yams"])
    }

    func testEntenteCoreSourcesUseNoYAMLFoundationOrFileSystem() throws {
        let folder = Self.root.appendingPathComponent("Sources/EntenteCore")
        let files = try XCTUnwrap(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        XCTAssertGreaterThan(files.count, 20, "EntenteCore holds the model core")
        let forbidden = ["import Yams", "import Foundation", "import EntenteKit", "FileManager", "FileHandle", "fopen(", "open(", "Data(contentsOf"]
        var found: [String] = []
        for file in files.sorted() {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.components(separatedBy: "//").first ?? ""
                for word in forbidden where code.contains(word) {
                    found.append("Sources/EntenteCore/\(file):\(number + 1): \(word)")
                }
            }
        }
        XCTAssertEqual(found, [], "EntenteCore must not read files or YAML")
    }
}
